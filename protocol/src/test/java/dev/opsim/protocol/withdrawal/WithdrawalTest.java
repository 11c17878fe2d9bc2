package dev.opsim.protocol.withdrawal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class WithdrawalTest {
  @Test
  void everyFixtureWithdrawalHashAndSlot() {
    JsonNode cases = WithdrawalVectors.vectors().path("withdrawal_hashes").path("cases");
    assertEquals(2, cases.size());
    for (JsonNode c : cases) {
      Withdrawal w = new Withdrawal(
          WithdrawalVectors.big(c.path("nonce")),
          WithdrawalVectors.address(c.path("sender")),
          WithdrawalVectors.address(c.path("target")),
          WithdrawalVectors.big(c.path("value")),
          WithdrawalVectors.big(c.path("gasLimit")),
          WithdrawalVectors.bytes(c.path("data")));
      assertEquals(WithdrawalVectors.hash(c.path("withdrawalHash")), w.hash());
      assertEquals(WithdrawalVectors.hash(c.path("storageSlot")), w.storageSlot());
      assertEquals(WithdrawalVectors.hash(c.path("storageSlot")), Withdrawal.storageSlot(w.hash()));
    }
  }

  @Test
  void encodingFollowsTheSpecLayout() {
    // 8.2: word(nonce) ++ word(sender) ++ word(target) ++ word(value) ++ word(gasLimit) ++ word(0xc0)
    //      ++ word(len) ++ data ++ zero pad.
    Withdrawal w = new Withdrawal(BigInteger.valueOf(7), Address.fromHex("0x00000000000000000000000000000000000011bc"),
        Address.fromHex("0x00000000000000000000000000000000000033eb"), BigInteger.TEN, BigInteger.valueOf(22338),
        Bytes.fromHexString("0xabcdef"));
    Bytes expected = Bytes.fromHexString(
        "0x0000000000000000000000000000000000000000000000000000000000000007"
            + "00000000000000000000000000000000000000000000000000000000000011bc"
            + "00000000000000000000000000000000000000000000000000000000000033eb"
            + "000000000000000000000000000000000000000000000000000000000000000a"
            + "0000000000000000000000000000000000000000000000000000000000005742"
            + "00000000000000000000000000000000000000000000000000000000000000c0"
            + "0000000000000000000000000000000000000000000000000000000000000003"
            + "abcdef0000000000000000000000000000000000000000000000000000000000");
    assertEquals(expected, w.encode());
    assertEquals(Keccak.hash(expected), w.hash());
  }

  @Test
  void rejectsNumbersOutsideUint256() {
    Address a = Address.ZERO;
    BigInteger tooBig = BigInteger.ONE.shiftLeft(256);
    assertThrows(IllegalArgumentException.class,
        () -> new Withdrawal(tooBig, a, a, BigInteger.ZERO, BigInteger.ZERO, Bytes.EMPTY));
    assertThrows(IllegalArgumentException.class,
        () -> new Withdrawal(BigInteger.ZERO, a, a, BigInteger.ONE.negate(), BigInteger.ZERO, Bytes.EMPTY));
    assertThrows(IllegalArgumentException.class,
        () -> new Withdrawal(BigInteger.ZERO, a, a, BigInteger.ZERO, BigInteger.ZERO, null));
  }

  @Property(tries = 300)
  void encodingIsWordAlignedAndSlotHashesHashWithZeroWord(@ForAll("withdrawals") Withdrawal w) {
    Bytes encoded = w.encode();
    assertEquals(0, encoded.size() % 32);
    assertEquals(7 * 32 + (w.data().size() + 31) / 32 * 32, encoded.size());
    Hash h = w.hash();
    assertEquals(Keccak.hash(Bytes.concatenate(h.bytes(), Bytes.wrap(new byte[32]))), w.storageSlot());
  }

  @Provide
  Arbitrary<Withdrawal> withdrawals() {
    return Generators.withdrawals();
  }
}
