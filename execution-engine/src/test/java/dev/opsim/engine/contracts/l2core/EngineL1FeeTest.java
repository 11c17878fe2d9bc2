package dev.opsim.engine.contracts.l2core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.evm.op.L1BlockStorage;
import dev.opsim.evm.tx.Transaction;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.fee.FastLz;
import dev.opsim.protocol.fee.FjordCost;
import dev.opsim.protocol.fee.L1Cost;
import dev.opsim.protocol.fee.L1FeeFormula;
import dev.opsim.protocol.fee.L1FeeParams;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

/**
 * The fee path end to end on our EVM: an L1 info call sets L1Block, the engine reads the values from L1Block's slots
 * ({@link L1BlockStorage}), charges the signed transaction's L1 fee and credits it to the L1FeeVault; the
 * GasPriceOracle prices the unsigned transaction from the same values with the same formula, the missing signature
 * counted as 68 non-zero bytes (Ecotone) or 68 bytes of FastLZ length (Fjord), as OP's oracle does.
 */
class EngineL1FeeTest {
  private static final Credentials KEY =
      Credentials.create("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  private static final Address L1_FEE_VAULT = Address.fromHex("0x420000000000000000000000000000000000001a");

  @Test
  void ecotone() {
    check(new OracleFixture().ecotone(), L1FeeFormula.ECOTONE);
  }

  @Test
  void fjord() {
    check(new OracleFixture().ecotone().fjord(), L1FeeFormula.FJORD);
  }

  private static void check(OracleFixture oracle, L1FeeFormula formula) {
    L1FeeParams params = oracle.setEcotoneValues(BigInteger.valueOf(21_000_000_000L), BigInteger.valueOf(3),
        1368, 810_949);
    Address sender = Address.fromHex(KEY.getAddress());
    oracle.chain.fund(sender, L2Sandbox.ETHER);
    Bytes data = Bytes.fromHexString("0xa9059cbb" + "00".repeat(12) + "ab".repeat(20) + "00".repeat(24)
        + "0de0b6b3a7640000");
    RawTransaction raw = RawTransaction.createTransaction(10L, BigInteger.ZERO, BigInteger.valueOf(90_000),
        "0x1111111111111111111111111111111111111111", BigInteger.valueOf(1000), data.toHexString(),
        BigInteger.ONE, BigInteger.valueOf(100));
    byte[] unsigned = TransactionEncoder.encode(raw);
    byte[] signed = TransactionEncoder.signMessage(raw, 10L, KEY);

    // What the engine charges: its formula over the signed bytes, with the values read from L1Block's slots.
    L1Cost charged = L1BlockStorage.l1Cost(formula, L1BlockStorage.read(oracle.chain.base), signed);
    Transaction tx = new Transaction(2, sender, 0, 90_000, null, BigInteger.valueOf(100), BigInteger.ONE,
        Address.fromHex("0x1111111111111111111111111111111111111111"), BigInteger.valueOf(1000), data, List.of(),
        List.of(), null);
    TxResult.Executed result = oracle.chain.sendWithL1Fee(tx, charged.fee());
    assertTrue(result.success());
    assertEquals(charged.fee(), oracle.chain.balance(L1_FEE_VAULT), "L1FeeVault receives the L1 fee");

    // What the oracle reports for the unsigned bytes: the same formula and values, signature padded.
    BigInteger reported = oracle.l1Fee(unsigned);
    if (formula == L1FeeFormula.ECOTONE) {
      assertEquals(L1BlockStorage.l1Cost(formula, params, OracleFixture.withSignaturePadding(unsigned)).fee(),
          reported);
      // The real signature is 67 bytes (v, r, s RLP items), so the padded estimate is never below the charge.
      assertTrue(reported.compareTo(charged.fee()) >= 0, reported + " < " + charged.fee());
      assertEquals(signed.length, unsigned.length + 67);
    } else {
      assertEquals(FjordCost.cost(params, FastLz.compressedLength(unsigned) + 68).fee(), reported);
      assertEquals(FjordCost.cost(params, FastLz.compressedLength(signed)).fee(), charged.fee());
    }
  }
}
