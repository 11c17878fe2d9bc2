package dev.opsim.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsim.protocol.Hex;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RevertReasonTest {
  @Test
  void errorStringIsDecoded() {
    assertEquals(Optional.of("boom"), RevertReason.decode(Hex.decode(StructLoggerTest.BOOM)));
  }

  @Test
  void panicCodesHaveGethTexts() {
    String panic = "4e487b71" + "00".repeat(31);
    assertEquals(Optional.of("arithmetic underflow or overflow"), RevertReason.decode(Hex.decode(panic + "11")));
    assertEquals(Optional.of("assert(false)"), RevertReason.decode(Hex.decode(panic + "01")));
    assertEquals(Optional.of("unknown panic code: 0x99"), RevertReason.decode(Hex.decode(panic + "99")));
  }

  @Test
  void otherOrMalformedPayloadsGiveNothing() {
    assertEquals(Optional.empty(), RevertReason.decode(new byte[3]));
    assertEquals(Optional.empty(), RevertReason.decode(Hex.decode("deadbeef")));
    // Error(string) whose length runs past the end
    assertEquals(Optional.empty(), RevertReason.decode(Hex.decode(StructLoggerTest.BOOM.substring(0, 140))));
  }

  @Property(tries = 300)
  void anyBytesGiveAValueOrNothing(@ForAll byte[] data) {
    RevertReason.decode(data);
  }

  @Property(tries = 300)
  void truncatedOrExtendedErrorPayloadsNeverThrow(@ForAll byte[] tail, @ForAll int cut) {
    byte[] boom = Hex.decode(StructLoggerTest.BOOM);
    int n = Math.floorMod(cut, boom.length + 1);
    byte[] mutated = new byte[n + tail.length];
    System.arraycopy(boom, 0, mutated, 0, n);
    System.arraycopy(tail, 0, mutated, n, tail.length);
    RevertReason.decode(mutated);
  }
}
