package dev.opsim.evm.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.evm.ContractAddress;
import dev.opsim.protocol.Address;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

/** eth_call / eth_estimateGas rules (geth NoBaseFee, SkipNonceChecks, SkipTransactionChecks). */
class SimulationModeTest {
  static final BigInteger ETHER = BigInteger.TEN.pow(18);
  /** BASEFEE, GASPRICE returned as two words. */
  static final String ECHO_FEES = "0x48600052" + "3a602052" + "60406000f3";

  static TxResult.Rejected rejected(TxResult r) {
    return assertInstanceOf(TxResult.Rejected.class, r);
  }

  static TxResult.Executed executed(TxResult r) {
    return assertInstanceOf(TxResult.Executed.class, r);
  }

  @Test
  void nonceIsNotChecked() {
    TxWorld w = new TxWorld(ETHER, "0x00");
    Transaction wrongNonce = TxWorld.dynamic(5, 30_000, 100, 1, TxWorld.RECIPIENT, 0);
    assertEquals(TxRejection.NONCE_TOO_HIGH, rejected(w.run(wrongNonce, FeeRules.ETHEREUM, ProcessingMode.BLOCK))
        .reason());
    executed(w.run(wrongNonce, FeeRules.ETHEREUM, ProcessingMode.SIMULATION));
    assertEquals(1, w.state.nonce(TxWorld.SENDER), "the account nonce is bumped, not the tx nonce");
  }

  @Test
  void senderWithCodeIsAllowed() {
    TxWorld w = new TxWorld(ETHER, "0x00");
    Transaction fromContract = new Transaction(2, TxWorld.CONTRACT, 1, 30_000, null, BigInteger.ZERO,
        BigInteger.ZERO, TxWorld.RECIPIENT, BigInteger.ZERO, Bytes.EMPTY, List.of(), List.of(), null);
    assertEquals(TxRejection.SENDER_NOT_EOA, rejected(w.run(fromContract, FeeRules.ETHEREUM, ProcessingMode.BLOCK))
        .reason());
    assertTrue(executed(w.run(fromContract, FeeRules.ETHEREUM, ProcessingMode.SIMULATION)).success());
  }

  @Test
  void zeroFeesSkipTheBaseFeeCheckChargeNothingAndSeeBaseFeeZero() {
    TxWorld w = new TxWorld(BigInteger.ZERO, ECHO_FEES);
    Transaction free = TxWorld.dynamic(0, 100_000, 0, 0, TxWorld.CONTRACT, 0);
    assertEquals(TxRejection.INSUFFICIENT_MAX_FEE_PER_GAS,
        rejected(w.run(free, FeeRules.ETHEREUM, ProcessingMode.BLOCK)).reason());
    TxResult.Executed e = executed(w.run(free, FeeRules.ETHEREUM, ProcessingMode.SIMULATION));
    assertTrue(e.success());
    assertEquals(UInt256.ZERO, UInt256.fromBytes(e.output().slice(0, 32)), "BASEFEE");
    assertEquals(UInt256.ZERO, UInt256.fromBytes(e.output().slice(32, 32)), "GASPRICE");
    assertEquals(BigInteger.ZERO, w.balance(TxWorld.SENDER));
    assertFalse(w.state.exists(TxWorld.COINBASE), "geth does not credit the coinbase for a fee-free call");
  }

  @Test
  void legacyZeroGasPriceIsFeeFreeToo() {
    TxWorld w = new TxWorld(BigInteger.ZERO, ECHO_FEES);
    Transaction legacy = new Transaction(0, TxWorld.SENDER, 0, 100_000, BigInteger.ZERO, null, null,
        TxWorld.CONTRACT, BigInteger.ZERO, Bytes.EMPTY, List.of(), List.of(), null);
    assertTrue(executed(w.run(legacy, FeeRules.ETHEREUM, ProcessingMode.SIMULATION)).success());
  }

  @Test
  void nonZeroFeesBelowTheBaseFeeAreStillRejected() {
    TxWorld w = new TxWorld(ETHER, "0x00");
    assertEquals(TxRejection.INSUFFICIENT_MAX_FEE_PER_GAS, rejected(w.run(
        TxWorld.dynamic(0, 30_000, 9, 0, TxWorld.RECIPIENT, 0), FeeRules.ETHEREUM, ProcessingMode.SIMULATION))
        .reason());
  }

  @Test
  void balanceIsCheckedOnlyAgainstWhatIsCharged() {
    TxWorld w = new TxWorld(BigInteger.valueOf(3), "0x00");
    executed(w.run(TxWorld.dynamic(0, 100_000, 0, 0, TxWorld.RECIPIENT, 3), FeeRules.ETHEREUM,
        ProcessingMode.SIMULATION));
    assertEquals(BigInteger.valueOf(3), w.balance(TxWorld.RECIPIENT));
    assertEquals(TxRejection.INSUFFICIENT_ACCOUNT_FUNDS, rejected(w.run(
        TxWorld.dynamic(0, 100_000, 0, 0, TxWorld.RECIPIENT, 4), FeeRules.ETHEREUM, ProcessingMode.SIMULATION))
        .reason());
    // with a fee cap the worst case counts, as in geth's buyGas
    assertEquals(TxRejection.INSUFFICIENT_ACCOUNT_FUNDS, rejected(w.run(
        TxWorld.dynamic(0, 100_000, 10, 0, TxWorld.RECIPIENT, 0), FeeRules.ETHEREUM, ProcessingMode.SIMULATION))
        .reason());
  }

  @Test
  void gasAboveTheBlockLimitIsAllowed() {
    TxWorld w = new TxWorld(ETHER, "0x00");
    Transaction big = TxWorld.dynamic(0, 40_000_000, 0, 0, TxWorld.RECIPIENT, 0);
    assertEquals(TxRejection.GAS_ALLOWANCE_EXCEEDED, rejected(w.run(big, FeeRules.ETHEREUM, ProcessingMode.BLOCK))
        .reason());
    assertEquals(21_000, executed(w.run(big, FeeRules.ETHEREUM, ProcessingMode.SIMULATION)).gasUsed());
  }

  @Test
  void creationUsesTheAccountNonce() {
    TxWorld w = new TxWorld(ETHER, "0x00");
    w.base.put(TxWorld.SENDER, 2, ETHER, Bytes.EMPTY, Map.of());
    Transaction create = new Transaction(2, TxWorld.SENDER, 9, 100_000, null, BigInteger.ZERO, BigInteger.ZERO,
        null, BigInteger.ZERO, Bytes.fromHexString("0x60016000f3"), List.of(), List.of(), null);
    TxResult.Executed e = executed(w.run(create, FeeRules.ETHEREUM, ProcessingMode.SIMULATION));
    Address expected = ContractAddress.createAddress(TxWorld.SENDER, 2);
    assertEquals(expected, e.contractAddress());
    assertEquals(3, w.state.nonce(TxWorld.SENDER));
  }

  @Test
  void noL1FeeIsChargedInSimulation() {
    TxWorld w = new TxWorld(BigInteger.valueOf(100), "0x00");
    TxResult.Executed e = executed(w.run(TxWorld.dynamic(0, 30_000, 0, 0, TxWorld.RECIPIENT, 100),
        FeeRules.optimism(BigInteger.valueOf(1_000_000)), ProcessingMode.SIMULATION));
    assertTrue(e.success());
    assertEquals(BigInteger.ZERO, w.balance(TxWorld.SENDER));
    assertEquals(BigInteger.ZERO, w.balance(FeeRules.Optimism.L1_FEE_VAULT));
  }

  @Test
  void paidSimulationChargesLikeABlock() {
    TxWorld w = new TxWorld(ETHER, "0x00");
    executed(w.run(TxWorld.dynamic(3, 30_000, 100, 2, TxWorld.RECIPIENT, 0), FeeRules.ETHEREUM,
        ProcessingMode.SIMULATION));
    assertEquals(ETHER.subtract(BigInteger.valueOf(21_000 * 12)), w.balance(TxWorld.SENDER));
    assertEquals(BigInteger.valueOf(21_000 * 2), w.balance(TxWorld.COINBASE));
  }
}
