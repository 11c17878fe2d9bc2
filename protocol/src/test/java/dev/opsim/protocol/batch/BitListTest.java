package dev.opsim.protocol.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** Span-batch bit lists: a big-endian integer, bit 0 = least significant bit of the last byte (5.7). */
class BitListTest {
  @Test
  void bitZeroIsTheLowBitOfTheLastByte() {
    assertEquals(Bytes.fromHexString("0x01"), BitList.of(true, false, false).bytes());
    assertEquals(Bytes.fromHexString("0x04"), BitList.of(false, false, true).bytes());
    assertEquals(Bytes.fromHexString("0x0100"), BitList.of(false, false, false, false, false, false, false, false,
        true).bytes());
    assertEquals(Bytes.fromHexString("0x80"), BitList.of(false, false, false, false, false, false, false, true)
        .bytes());
  }

  @Test
  void readsTheMainnetOriginBits() {
    // channels README: 27 blocks, origin_bits 0x820800, i.e. bits 11, 17 and 23
    BitList bits = new BitList(27, Bytes.fromHexString("0x00820800"));
    for (int i = 0; i < 27; i++) {
      assertEquals(i == 11 || i == 17 || i == 23, bits.get(i), "bit " + i);
    }
    assertEquals(3, bits.count());
  }

  @Test
  void emptyListHasNoBytes() {
    assertEquals(Bytes.EMPTY, BitList.of().bytes());
    assertEquals(0, BitList.byteLength(0));
    assertEquals(1, BitList.byteLength(8));
    assertEquals(2, BitList.byteLength(9));
  }

  @Test
  void rejectsSetPaddingBitsAndWrongSizes() {
    assertThrows(IllegalArgumentException.class, () -> new BitList(3, Bytes.fromHexString("0x08")));
    assertThrows(IllegalArgumentException.class, () -> new BitList(3, Bytes.fromHexString("0x0000")));
    assertThrows(IllegalArgumentException.class, () -> new BitList(9, Bytes.fromHexString("0x00")));
    assertTrue(new BitList(8, Bytes.fromHexString("0xff")).get(7));
    assertFalse(new BitList(9, Bytes.fromHexString("0x00ff")).get(8));
    assertThrows(IndexOutOfBoundsException.class, () -> BitList.of(true).get(1));
  }
}
