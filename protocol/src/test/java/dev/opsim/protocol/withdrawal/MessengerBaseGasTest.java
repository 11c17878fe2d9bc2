package dev.opsim.protocol.withdrawal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MessengerBaseGasTest {
  private static final long UINT32_MAX = 0xFFFF_FFFFL;

  @Test
  void preEip7623Formula() {
    // 9.4: 200_000 + len*16 + (minGasLimit*64)/63 + 40_000 + 40_000 + 5_000.
    assertEquals(285_000, MessengerBaseGas.PRE_EIP_7623.baseGas(0, 0));
    // len 228, minGasLimit 100_000: 285_000 + 3_648 + 101_587 (6_400_000/63 = 101_587.3).
    assertEquals(390_235, MessengerBaseGas.PRE_EIP_7623.baseGas(228, 100_000));
  }

  @Test
  void eip7623Formula() {
    // 9.4: 21_000 + max(285_000 + (minGasLimit*64)/63 + (len+260)*16, (len+260)*40).
    // len 0, minGasLimit 0: 21_000 + max(285_000 + 4_160, 10_400) = 310_160.
    assertEquals(310_160, MessengerBaseGas.EIP_7623.baseGas(0, 0));
    // len 100_000, minGasLimit 0: size 100_260; execution side 285_000 + 1_604_160 = 1_889_160,
    // floor side 4_010_400 wins: 4_031_400.
    assertEquals(4_031_400, MessengerBaseGas.EIP_7623.baseGas(100_000, 0));
  }

  @Test
  void acceptsTheWholeUint32GasRangeOnly() {
    // 4_294_967_295 * 64 / 63 = 4_363_141_379 (truncated).
    assertEquals(285_000 + 16 + 4_363_141_379L, MessengerBaseGas.PRE_EIP_7623.baseGas(1, UINT32_MAX));
    assertThrows(IllegalArgumentException.class, () -> MessengerBaseGas.EIP_7623.baseGas(0, UINT32_MAX + 1));
    assertThrows(IllegalArgumentException.class, () -> MessengerBaseGas.EIP_7623.baseGas(-1, 0));
  }

  /** The EIP-7623 formula adds the 21_000 base and 260 encoding bytes, so it never asks for less. */
  @Property(tries = 300)
  void eip7623NeverAsksForLess(
      @ForAll @IntRange(max = 1_000_000) int length, @ForAll @LongRange(max = UINT32_MAX) long minGasLimit) {
    long old = MessengerBaseGas.PRE_EIP_7623.baseGas(length, minGasLimit);
    long current = MessengerBaseGas.EIP_7623.baseGas(length, minGasLimit);
    assertTrue(current >= old + 21_000 + 260 * 16);
    assertTrue(old > minGasLimit);
  }
}
