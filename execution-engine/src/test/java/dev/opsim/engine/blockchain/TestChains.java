package dev.opsim.engine.blockchain;

import dev.opsim.engine.genesis.GenesisJson;
import dev.opsim.engine.genesis.GenesisSpec;
import dev.opsim.engine.txpool.TransactionSigning;
import dev.opsim.evm.crypto.Secp256k1;
import dev.opsim.evm.crypto.Signature;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Hex;
import dev.opsim.protocol.tx.DynamicFeeTx;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;

/** Genesis files and signed transactions for chain tests. */
public final class TestChains {
  /** Account 0 of the "test test ... junk" mnemonic. */
  public static final byte[] DEV_KEY =
      Hex.decode("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  public static final Address DEV = Secp256k1.addressOf(DEV_KEY);
  public static final BigInteger GWEI = BigInteger.TEN.pow(9);

  private TestChains() {}

  /** A geth-layout genesis with every fork through Cancun at 0; OP rules (Fjord) when {@code op}. */
  public static String genesisJson(long chainId, boolean op, long timestamp) {
    String forks = """
        "homesteadBlock":0,"eip150Block":0,"eip155Block":0,"eip158Block":0,"byzantiumBlock":0,
        "constantinopleBlock":0,"petersburgBlock":0,"istanbulBlock":0,"muirGlacierBlock":0,"berlinBlock":0,
        "londonBlock":0,"arrowGlacierBlock":0,"grayGlacierBlock":0,"mergeNetsplitBlock":0,
        "shanghaiTime":0,"cancunTime":0,"terminalTotalDifficulty":0,"terminalTotalDifficultyPassed":true""";
    String opConfig = op ? """
        ,"bedrockBlock":0,"regolithTime":0,"canyonTime":0,"ecotoneTime":0,"fjordTime":0,
        "optimism":{"eip1559Elasticity":6,"eip1559Denominator":50,"eip1559DenominatorCanyon":250}""" : "";
    return "{\"config\":{\"chainId\":" + chainId + "," + forks + opConfig + "},"
        + "\"nonce\":\"0x0\",\"timestamp\":\"0x" + Long.toHexString(timestamp) + "\",\"extraData\":\"0x\","
        + "\"gasLimit\":\"0x1c9c380\",\"difficulty\":\"0x0\",\"mixHash\":\"0x" + "00".repeat(32) + "\","
        + "\"coinbase\":\"0x" + "00".repeat(20) + "\",\"baseFeePerGas\":\"0x3b9aca00\","
        + "\"alloc\":{\"" + DEV + "\":{\"balance\":\"0x21e19e0c9bab2400000\"}}}";
  }

  public static GenesisSpec genesis(long chainId, boolean op) {
    try {
      return GenesisJson.parse(genesisJson(chainId, op, 1_700_000_000L));
    } catch (DecodeException e) {
      throw new AssertionError(e);
    }
  }

  /** A signed EIP-1559 transaction from {@code key}. */
  public static Bytes transfer(byte[] key, long chainId, long nonce, Address to, BigInteger value, long gas,
      Bytes data) {
    BigInteger id = BigInteger.valueOf(chainId);
    BigInteger tip = GWEI;
    BigInteger feeCap = GWEI.multiply(BigInteger.valueOf(100));
    DynamicFeeTx unsigned = new DynamicFeeTx(id, nonce, tip, feeCap, gas, to, value, data, List.of(),
        BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
    Signature sig = Secp256k1.sign(TransactionSigning.signingHash(unsigned), key);
    return new DynamicFeeTx(id, nonce, tip, feeCap, gas, to, value, data, List.of(),
        BigInteger.valueOf(sig.yParity()), sig.r(), sig.s()).encode();
  }

  /** A request for an L1-style block on {@code parent} with only {@code txs}. */
  public static BuildRequest request(Hash parent, long timestamp, List<Bytes> txs) {
    return new BuildRequest(parent, timestamp, Address.fromHex("0x00000000000000000000000000000000000000c0"),
        Hash.ZERO, List.of(), Optional.of(Hash.ZERO), txs, true, OptionalLong.empty(), Optional.empty());
  }
}
