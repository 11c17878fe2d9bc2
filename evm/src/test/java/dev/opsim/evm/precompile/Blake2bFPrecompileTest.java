package dev.opsim.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.opsim.protocol.Hex;
import java.nio.ByteBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** EIP-152 "Test Cases", vectors 0–8, transcribed from the EIP text. */
class Blake2bFPrecompileTest {
  private final Blake2bFPrecompile blake2f = new Blake2bFPrecompile();

  /** The common tail of vectors 1–8: h of BLAKE2b-512, m = "abc", t = (3, 0). The final flag byte follows. */
  private static final String H_M_T = "48c9bdf267e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d182e6ad7f520e51"
      + "1f6c3e2b8c68059b6bbd41fbabd9831f79217e1319cde05b"
      + "6162630000000000000000000000000000000000000000000000000000000000"
      + "0000000000000000000000000000000000000000000000000000000000000000"
      + "0000000000000000000000000000000000000000000000000000000000000000"
      + "0000000000000000000000000000000000000000000000000000000000000000"
      + "0300000000000000" + "0000000000000000";

  @Test
  void vector0EmptyInputFails() {
    assertNull(blake2f.compute(new byte[0]));
  }

  @Test
  void vector1TooShortFails() {
    assertNull(blake2f.compute(Hex.decode("00000c" + H_M_T + "01")));
  }

  @Test
  void vector2TooLongFails() {
    assertNull(blake2f.compute(Hex.decode("000000000c" + H_M_T + "01")));
  }

  @Test
  void vector3FinalFlagOtherThanZeroOrOneFails() {
    byte[] input = Hex.decode("0000000c" + H_M_T + "02");
    assertEquals(213, input.length);
    assertNull(blake2f.compute(input));
  }

  @Test
  void vector4ZeroRounds() {
    assertVector("00000000" + H_M_T + "01",
        "08c9bcf367e6096a3ba7ca8485ae67bb2bf894fe72f36e3cf1361d5f3af54fa5d282e6ad7f520e511f6c3e2b8c68059b"
            + "9442be0454267ce079217e1319cde05b", 0);
  }

  @Test
  void vector5TwelveRoundsIsBlake2bOfAbc() {
    assertVector("0000000c" + H_M_T + "01",
        "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc95"
            + "18d38aa8dbf1925ab92386edd4009923", 12);
  }

  @Test
  void vector6NotFinal() {
    assertVector("0000000c" + H_M_T + "00",
        "75ab69d3190a562c51aef8d88f1c2775876944407270c42c9844252c26d2875298743e7f6d5ea2f2d3e8d226039cd31b"
            + "4e426ac4f2d3d666a610c2116fde4735", 12);
  }

  @Test
  void vector7OneRound() {
    assertVector("00000001" + H_M_T + "01",
        "b63a380cb2897d521994a85234ee2c181b5f844d2c624c002677e9703449d2fba551b3a8333bcdf5f2f7e08993d53923"
            + "de3d64fcc68c034e717b9293fed7a421", 1);
  }

  /** 2^32 - 1 rounds take minutes: run with {@code -Dopsim.slowTests=true}. */
  @Test
  @EnabledIfSystemProperty(named = "opsim.slowTests", matches = "true")
  void vector8MaximumRounds() {
    assertVector("ffffffff" + H_M_T + "01",
        "fc59093aafa9ab43daae0e914c57635c5402d8e3d2130eb9b3cc181de7f0ecf9b22bf99a7815ce16419e200e01846e6b"
            + "5df8cc7703041bbceb571de6631d2615", 4294967295L);
  }

  @Test
  void gasOfMaximumRoundsIsUnsigned() {
    assertEquals(4294967295L, blake2f.gasCost(Hex.decode("ffffffff" + H_M_T + "01")));
    assertEquals(0, blake2f.gasCost(new byte[212]));
  }

  private void assertVector(String inputHex, String outputHex, long gas) {
    byte[] input = Hex.decode(inputHex);
    assertEquals(213, input.length);
    assertEquals(gas, blake2f.gasCost(input));
    assertEquals("0x" + outputHex, Hex.encode(blake2f.compute(input)));
  }

  @Property(tries = 300)
  void anyLengthNeverThrows(@ForAll byte[] input) {
    if (input.length != 213) {
      assertNull(blake2f.compute(input));
      assertEquals(0, blake2f.gasCost(input));
    }
  }

  @Property(tries = 300)
  void wellSizedInputWithFewRoundsGivesOutputOrFailsOnFlag(@ForAll @IntRange(max = 64) int rounds,
      @ForAll("bodies") byte[] body) {
    byte[] input = ByteBuffer.allocate(213).putInt(rounds).put(body).array();
    assertEquals(rounds, blake2f.gasCost(input));
    byte[] out = blake2f.compute(input);
    if (input[212] == 0 || input[212] == 1) {
      assertEquals(64, out.length);
    } else {
      assertNull(out);
    }
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return Arbitraries.bytes().array(byte[].class).ofSize(209);
  }
}
