package dev.opsim.protocol.deposit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Hex;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class DepositTxTest {
  private static final Hash SOURCE = Hash.fromHex("0x" + "ab".repeat(32));
  private static final Address FROM = Address.fromHex("0x" + "11".repeat(20));
  private static final Address TO = Address.fromHex("0x" + "22".repeat(20));

  /** rlp items (hex, without the list header) of a plain deposit; tests splice bad items in. */
  private static final String[] ITEMS = {
      "a0" + "ab".repeat(32), "94" + "11".repeat(20), "94" + "22".repeat(20), "80", "80", "82c350", "80", "80"};

  @Test
  void encodesEveryFieldAsSection21Says() {
    DepositTx tx = new DepositTx(SOURCE, FROM, Optional.of(TO), BigInteger.ZERO, BigInteger.ZERO, 50_000, false,
        Bytes.EMPTY);
    assertEquals(encoded(ITEMS), Hex.encode(tx.encode()));
    assertEquals(Keccak.hash(tx.encode()), tx.hash());
  }

  @Test
  void encodesCreationSmallIntegersAndTrueFlag() {
    DepositTx tx = new DepositTx(SOURCE, FROM, Optional.empty(), BigInteger.valueOf(0x7f), BigInteger.valueOf(0x80),
        0, true, Bytes.of(0x05));
    // to empty (0x80); 0x7f is its own byte; 0x80 needs a length prefix; gas 0 is 0x80; true is 0x01; a single
    // data byte below 0x80 is its own byte.
    String expected = encoded(new String[] {ITEMS[0], ITEMS[1], "80", "7f", "8180", "80", "01", "05"});
    assertEquals(expected, Hex.encode(tx.encode()));
  }

  @Test
  void encodesLongDataWithTheLongLengthForm() throws DecodeException {
    Bytes data = Bytes.wrap(new byte[300]);
    DepositTx tx = new DepositTx(SOURCE, FROM, Optional.of(TO), BigInteger.ONE.shiftLeft(255), BigInteger.ONE,
        -1L, false, data);
    byte[] enc = tx.encode();
    assertEquals(0x7e, enc[0] & 0xFF);
    assertEquals(0xf9, enc[1] & 0xFF, "list longer than 255 bytes: two length bytes");
    assertEquals(tx, DepositTx.decode(enc));
    assertEquals(-1L, DepositTx.decode(enc).gas(), "gas is a uint64; all ones survives");
  }

  @Test
  void rejectsWrongTypeByteAndNonLists() {
    assertRejected("", "empty");
    assertRejected("0x02" + encoded(ITEMS).substring(4), "type byte");
    assertRejected("0x7e", "no RLP list");
    assertRejected("0x7e80", "expected an RLP list");
  }

  @Test
  void rejectsWrongFieldCountAndTrailingBytes() {
    assertRejected(encoded(Arrays.copyOf(ITEMS, 7)), "expected 8 RLP fields, got 7");
    String[] nine = Arrays.copyOf(ITEMS, 9);
    nine[8] = "80";
    assertRejected(encoded(nine), "expected 8 RLP fields, got 9");
    assertRejected(encoded(ITEMS) + "00", "payload bytes");
    String cut = encoded(ITEMS);
    assertRejected(cut.substring(0, cut.length() - 2), "payload bytes");
  }

  @Test
  void rejectsWrongFieldSizes() {
    assertRejected(with(0, "9f" + "ab".repeat(31)), "sourceHash");
    assertRejected(with(1, "93" + "11".repeat(19)), "from");
    assertRejected(with(1, "80"), "from");
    assertRejected(with(2, "93" + "22".repeat(19)), "to");
    assertRejected(with(3, "a1" + "01".repeat(33)), "mint");
    assertRejected(with(4, "a1" + "01".repeat(33)), "value");
    assertRejected(with(5, "89" + "01".repeat(9)), "gas");
  }

  @Test
  void rejectsNonCanonicalIntegersAndRlp() {
    assertRejected(with(3, "00"), "leading zero");
    assertRejected(with(5, "820001"), "leading zero");
    assertRejected(with(4, "8105"), "non-canonical");
    // a 32-byte string using the long length form
    assertRejected(with(0, "b820" + "ab".repeat(32)), "long form");
    // list header in the long form for a short payload
    assertRejected("0x7ef808" + "80".repeat(8), "long form");
    // a nested list as a field
    assertRejected(with(7, "c0"), "is a list");
  }

  @Test
  void isSystemTxMustBeAnRlpBoolean() throws DecodeException {
    assertTrue(DepositTx.decode(Hex.decode(with(6, "01"))).isSystemTx());
    assertRejected(with(6, "00"), "isSystemTx");
    assertRejected(with(6, "02"), "isSystemTx");
    assertRejected(with(6, "820001"), "isSystemTx");
  }

  @Test
  void constructorRejectsOutOfRangeValues() {
    assertThrows(IllegalArgumentException.class, () -> new DepositTx(SOURCE, FROM, Optional.empty(),
        BigInteger.ONE.negate(), BigInteger.ZERO, 0, false, Bytes.EMPTY));
    assertThrows(IllegalArgumentException.class, () -> new DepositTx(SOURCE, FROM, Optional.empty(),
        BigInteger.ZERO, BigInteger.ONE.shiftLeft(256), 0, false, Bytes.EMPTY));
    assertThrows(IllegalArgumentException.class, () -> new DepositTx(SOURCE, FROM, null,
        BigInteger.ZERO, BigInteger.ZERO, 0, false, Bytes.EMPTY));
  }

  @Property
  void decodeInvertsEncode(@ForAll("deposits") DepositTx tx) throws DecodeException {
    byte[] enc = tx.encode();
    DepositTx back = DepositTx.decode(enc);
    assertEquals(tx, back);
    assertArrayEquals(enc, back.encode());
  }

  @Property
  void randomBytesGiveADepositOrADecodeException(@ForAll @Size(max = 300) byte[] input) {
    decodeOrReject(input);
    byte[] typed = new byte[input.length + 1];
    typed[0] = 0x7e;
    System.arraycopy(input, 0, typed, 1, input.length);
    decodeOrReject(typed);
  }

  @Property
  void mutatedEncodingsGiveADepositOrADecodeException(
      @ForAll("deposits") DepositTx tx,
      @ForAll @IntRange(min = 0, max = 1 << 20) int position,
      @ForAll byte value,
      @ForAll @IntRange(min = 0, max = 2) int kind,
      @ForAll @Size(max = 40) byte[] tail) {
    decodeOrReject(mutate(tx.encode(), position, value, kind, tail));
  }

  /** Flips a byte, truncates, or appends, at a position chosen by the caller. */
  static byte[] mutate(byte[] valid, int position, byte value, int kind, byte[] tail) {
    int at = position % valid.length;
    return switch (kind) {
      case 0 -> {
        byte[] copy = valid.clone();
        copy[at] ^= (byte) (value == 0 ? 1 : value);
        yield copy;
      }
      case 1 -> Arrays.copyOf(valid, at);
      default -> {
        byte[] longer = Arrays.copyOf(valid, valid.length + tail.length + 1);
        longer[valid.length] = value;
        System.arraycopy(tail, 0, longer, valid.length + 1, tail.length);
        yield longer;
      }
    };
  }

  private static void decodeOrReject(byte[] input) {
    try {
      DepositTx tx = DepositTx.decode(input);
      // Strict decoding accepts only canonical encodings, so whatever it accepts re-encodes to the input.
      assertArrayEquals(input, tx.encode());
    } catch (DecodeException expected) {
      // rejected: fine
    }
  }

  @Provide
  static Arbitrary<DepositTx> deposits() {
    Arbitrary<Hash> hashes = Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash::wrap);
    Arbitrary<Address> addresses = Arbitraries.bytes().array(byte[].class).ofSize(20).map(Address::wrap);
    Arbitrary<BigInteger> uint256 = Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)),
        Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(300)));
    return Combinators.combine(
            hashes,
            addresses,
            addresses.optional(0.8),
            uint256,
            uint256,
            Arbitraries.longs(),
            Arbitraries.of(true, false),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(Bytes::wrap))
        .as(DepositTx::new);
  }

  private static String with(int index, String item) {
    String[] items = ITEMS.clone();
    items[index] = item;
    return encoded(items);
  }

  private static String encoded(String[] items) {
    String body = String.join("", items);
    int len = body.length() / 2;
    String header = len < 56 ? String.format("%02x", 0xc0 + len)
        : len < 256 ? "f8" + String.format("%02x", len) : "f9" + String.format("%04x", len);
    return "0x7e" + header + body;
  }

  private static void assertRejected(String hex, String expectedInMessage) {
    DecodeException e = assertThrows(DecodeException.class, () -> DepositTx.decode(Hex.decode(hex)));
    assertTrue(e.getMessage().contains(expectedInMessage), e.getMessage());
  }
}
