package dev.opsim.devnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.devnet.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ByteInputTest {
  @TempDir Path dir;

  @Test
  void readsHexArgumentsWithOrWithoutPrefix() {
    assertArrayEquals(new byte[] {0x12, (byte) 0xab}, ByteInput.read("0x12AB"));
    assertArrayEquals(new byte[] {0x12, (byte) 0xab}, ByteInput.read("12ab"));
  }

  @Test
  void readsHexTextFilesAndRawFiles() throws Exception {
    Path hex = Files.writeString(dir.resolve("a.hex"), "0xdead\nbeef\n");
    assertArrayEquals(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef}, ByteInput.read("@" + hex));
    byte[] binary = {0x00, (byte) 0xff, 0x7e, 0x0a};
    Path raw = Files.write(dir.resolve("a.bin"), binary);
    assertArrayEquals(binary, ByteInput.read("@" + raw));
  }

  @Test
  void reportsBadInputAsAUserError() {
    UserError e = assertThrows(UserError.class, () -> ByteInput.read("0xzz"));
    assertTrue(e.getMessage().contains("not a hex digit"), e.getMessage());
    assertThrows(UserError.class, () -> ByteInput.read("@" + dir.resolve("missing")));
    assertThrows(UserError.class, () -> ByteInput.read("abc"));
  }
}
