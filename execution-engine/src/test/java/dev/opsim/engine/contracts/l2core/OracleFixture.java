package dev.opsim.engine.contracts.l2core;

import static dev.opsim.engine.contracts.l2core.L2Sandbox.DEPOSITOR;
import static dev.opsim.engine.contracts.l2core.L2Sandbox.GAS_PRICE_ORACLE;
import static dev.opsim.engine.contracts.l2core.L2Sandbox.L1_BLOCK;
import static dev.opsim.engine.contracts.l2core.L2Sandbox.encode;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.evm.op.L1BlockStorage;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.fee.L1FeeParams;
import dev.opsim.protocol.l1info.BedrockL1BlockInfo;
import dev.opsim.protocol.l1info.EcotoneL1BlockInfo;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.generated.Uint256;

/** L1Block and GasPriceOracle behind proxies at their predeploy addresses, fed as the L1 info deposit feeds them. */
final class OracleFixture {
  static final Address READER = Address.fromHex("0x000000000000000000000000000000000000feed");

  final L2Sandbox chain = new L2Sandbox();

  OracleFixture() {
    chain.installProxied(L1_BLOCK, "L1Block");
    chain.installProxied(GAS_PRICE_ORACLE, "GasPriceOracle");
  }

  OracleFixture ecotone() {
    assertTrue(chain.send(DEPOSITOR, GAS_PRICE_ORACLE, encode("setEcotone")).success(), "setEcotone");
    return this;
  }

  OracleFixture fjord() {
    assertTrue(chain.send(DEPOSITOR, GAS_PRICE_ORACLE, encode("setFjord")).success(), "setFjord");
    return this;
  }

  /** Runs the Ecotone L1 info call with these fee values; returns what the engine then reads from L1Block. */
  L1FeeParams setEcotoneValues(BigInteger l1BaseFee, BigInteger blobBaseFee, long baseFeeScalar,
      long blobBaseFeeScalar) {
    EcotoneL1BlockInfo info = new EcotoneL1BlockInfo(baseFeeScalar, blobBaseFeeScalar, 3, 1_700_000_000L, 20_000_000L,
        l1BaseFee, blobBaseFee, Hash.fromHex("0x" + "11".repeat(32)), Hash.fromHex("0x" + "00".repeat(12)
        + "22".repeat(20)));
    TxResult.Executed set = chain.send(DEPOSITOR, L1_BLOCK, BigInteger.ZERO, Bytes.wrap(info.encode()));
    assertTrue(set.success(), "setL1BlockValuesEcotone: " + set);
    return L1BlockStorage.read(chain.base);
  }

  L1FeeParams setBedrockValues(BigInteger l1BaseFee, long overhead, long scalar) {
    BedrockL1BlockInfo info = new BedrockL1BlockInfo(20_000_000L, 1_700_000_000L, l1BaseFee,
        Hash.fromHex("0x" + "11".repeat(32)), 0, Hash.fromHex("0x" + "00".repeat(12) + "22".repeat(20)),
        Bytes32.leftPad(Bytes.ofUnsignedLong(overhead)), Bytes32.leftPad(Bytes.ofUnsignedLong(scalar)));
    TxResult.Executed set = chain.send(DEPOSITOR, L1_BLOCK, BigInteger.ZERO, Bytes.wrap(info.encode()));
    assertTrue(set.success(), "setL1BlockValues: " + set);
    return L1BlockStorage.readBedrock(key -> chain.storage(L1_BLOCK, key));
  }

  BigInteger l1Fee(byte[] unsignedTx) {
    return chain.callUint(READER, GAS_PRICE_ORACLE, encode("getL1Fee", new DynamicBytes(unsignedTx)));
  }

  BigInteger l1GasUsed(byte[] unsignedTx) {
    return chain.callUint(READER, GAS_PRICE_ORACLE, encode("getL1GasUsed", new DynamicBytes(unsignedTx)));
  }

  BigInteger upperBound(long size) {
    return chain.callUint(READER, GAS_PRICE_ORACLE, encode("getL1FeeUpperBound", new Uint256(size)));
  }

  BigInteger get(String getter) {
    return chain.callUint(READER, GAS_PRICE_ORACLE, encode(getter));
  }

  /** The unsigned tx plus the 68 non-zero bytes the oracle assumes for the signature (protocol-reference 7.5). */
  static byte[] withSignaturePadding(byte[] unsignedTx) {
    byte[] padded = new byte[unsignedTx.length + 68];
    System.arraycopy(unsignedTx, 0, padded, 0, unsignedTx.length);
    java.util.Arrays.fill(padded, unsignedTx.length, padded.length, (byte) 0xff);
    return padded;
  }
}
