package dev.opsim.evm.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** OP fee distribution (protocol-reference 7): base fee to BaseFeeVault, L1 fee to L1FeeVault, tip to coinbase. */
class OpFeeRulesTest {
  static final BigInteger ETHER = BigInteger.TEN.pow(18);

  @Test
  void senderPaysBasePriorityAndL1FeeAndEachRecipientGetsItsShare() {
    TxWorld w = new TxWorld(ETHER, "0x00");
    BigInteger l1Cost = BigInteger.valueOf(123_456_789);
    TxResult r = w.run(TxWorld.dynamic(0, 50_000, 100, 3, TxWorld.RECIPIENT, 5), FeeRules.optimism(l1Cost),
        ProcessingMode.BLOCK);
    TxResult.Executed e = assertInstanceOf(TxResult.Executed.class, r);
    assertEquals(21_000, e.gasUsed());
    BigInteger gasUsed = BigInteger.valueOf(21_000);
    BigInteger baseFee = gasUsed.multiply(TxWorld.BASE_FEE);
    BigInteger tip = gasUsed.multiply(BigInteger.valueOf(3));
    assertEquals(ETHER.subtract(baseFee).subtract(tip).subtract(l1Cost).subtract(BigInteger.valueOf(5)),
        w.balance(TxWorld.SENDER));
    assertEquals(tip, w.balance(TxWorld.COINBASE));
    assertEquals(baseFee, w.balance(FeeRules.Optimism.BASE_FEE_VAULT));
    assertEquals(l1Cost, w.balance(FeeRules.Optimism.L1_FEE_VAULT));
    assertEquals(BigInteger.valueOf(5), w.balance(TxWorld.RECIPIENT));
  }

  @Test
  void ethereumRulesBurnTheBaseFeeAndLeaveTheVaultsAlone() {
    TxWorld w = new TxWorld(ETHER, "0x00");
    w.run(TxWorld.dynamic(0, 50_000, 100, 3, TxWorld.RECIPIENT, 5), FeeRules.ETHEREUM, ProcessingMode.BLOCK);
    assertFalse(w.state.exists(FeeRules.Optimism.BASE_FEE_VAULT));
    assertFalse(w.state.exists(FeeRules.Optimism.L1_FEE_VAULT));
    assertEquals(ETHER.subtract(BigInteger.valueOf(21_000 * 13 + 5)), w.balance(TxWorld.SENDER));
  }

  @Test
  void theBalanceCheckIncludesTheL1Fee() {
    long gas = 21_000;
    long maxFee = 100;
    long value = 7;
    BigInteger l1Cost = BigInteger.valueOf(1_000);
    BigInteger needed = BigInteger.valueOf(gas * maxFee + value).add(l1Cost);
    TxWorld poor = new TxWorld(needed.subtract(BigInteger.ONE), "0x00");
    TxResult r = poor.run(TxWorld.dynamic(0, gas, maxFee, 1, TxWorld.RECIPIENT, value), FeeRules.optimism(l1Cost),
        ProcessingMode.BLOCK);
    assertEquals(TxRejection.INSUFFICIENT_ACCOUNT_FUNDS, assertInstanceOf(TxResult.Rejected.class, r).reason());
    assertTrue(poor.state.changes().isEmpty());
    TxWorld enough = new TxWorld(needed, "0x00");
    assertInstanceOf(TxResult.Executed.class, enough.run(TxWorld.dynamic(0, gas, maxFee, 1, TxWorld.RECIPIENT, value),
        FeeRules.optimism(l1Cost), ProcessingMode.BLOCK));
  }

  @Test
  void aRevertingCallStillPaysAllThreeFees() {
    TxWorld w = new TxWorld(ETHER, "0x60006000fd"); // REVERT(0, 0)
    BigInteger l1Cost = BigInteger.valueOf(999);
    TxResult.Executed e = assertInstanceOf(TxResult.Executed.class, w.run(
        TxWorld.dynamic(0, 60_000, 50, 2, TxWorld.CONTRACT, 0), FeeRules.optimism(l1Cost), ProcessingMode.BLOCK));
    assertFalse(e.success());
    BigInteger used = BigInteger.valueOf(e.gasUsed());
    assertEquals(used.multiply(BigInteger.TWO), w.balance(TxWorld.COINBASE));
    assertEquals(used.multiply(TxWorld.BASE_FEE), w.balance(FeeRules.Optimism.BASE_FEE_VAULT));
    assertEquals(l1Cost, w.balance(FeeRules.Optimism.L1_FEE_VAULT));
  }

  @Property(tries = 60)
  void whatTheSenderPaysIsExactlyWhatTheRecipientsReceive(
      @ForAll @LongRange(min = 10, max = 1_000_000) long maxFee,
      @ForAll @LongRange(min = 0, max = 1_000_000) long tipCap,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long l1,
      @ForAll @LongRange(min = 21_000, max = 200_000) long gas) {
    long tip = Math.min(tipCap, maxFee);
    TxWorld w = new TxWorld(ETHER.multiply(ETHER), "0x00");
    BigInteger l1Cost = BigInteger.valueOf(l1);
    TxResult.Executed e = assertInstanceOf(TxResult.Executed.class, w.run(
        TxWorld.dynamic(0, gas, maxFee, tip, TxWorld.RECIPIENT, 0), FeeRules.optimism(l1Cost), ProcessingMode.BLOCK));
    BigInteger paid = ETHER.multiply(ETHER).subtract(w.balance(TxWorld.SENDER));
    BigInteger received = w.balance(TxWorld.COINBASE).add(w.balance(FeeRules.Optimism.BASE_FEE_VAULT))
        .add(w.balance(FeeRules.Optimism.L1_FEE_VAULT));
    assertEquals(paid, received);
    BigInteger used = BigInteger.valueOf(e.gasUsed());
    long effectiveTip = Math.min(tip, maxFee - TxWorld.BASE_FEE.longValue());
    assertEquals(used.multiply(TxWorld.BASE_FEE.add(BigInteger.valueOf(effectiveTip))).add(l1Cost), paid);
  }
}
