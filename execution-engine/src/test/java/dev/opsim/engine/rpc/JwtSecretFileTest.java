package dev.opsim.engine.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code --authrpc.jwtsecret} file: read when present, generated (owner-only) when absent. */
class JwtSecretFileTest {

  @TempDir
  Path dir;

  @Test
  void absentFileIsGeneratedOwnerOnlyAndReadBackTheSame() throws IOException {
    Path file = dir.resolve("nested/jwt.hex");
    JwtSecret created = JwtSecret.loadOrCreate(file, new SecureRandom());
    assertTrue(Files.exists(file));
    String text = Files.readString(file);
    assertTrue(text.matches("0x[0-9a-f]{64}"), text);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(created, JwtSecret.load(file));
    assertEquals(created, JwtSecret.loadOrCreate(file, new SecureRandom()));
    assertNotEquals(created, JwtSecret.loadOrCreate(dir.resolve("other.hex"), new SecureRandom()));
  }

  @Test
  void existingFileIsReadWithOrWithoutPrefix() throws IOException {
    String hex = "0123456789abcdef".repeat(4);
    Files.writeString(dir.resolve("a.hex"), hex);
    Files.writeString(dir.resolve("b.hex"), "0x" + hex + "\n");
    assertEquals(JwtSecret.fromHex(hex), JwtSecret.loadOrCreate(dir.resolve("a.hex"), new SecureRandom()));
    assertEquals(JwtSecret.fromHex(hex), JwtSecret.load(dir.resolve("b.hex")));
  }

  @Test
  void badFileIsAnErrorAndIsNotOverwritten() throws IOException {
    Path shortSecret = dir.resolve("short.hex");
    Files.writeString(shortSecret, "0x" + "ab".repeat(31));
    IOException error = assertThrows(IOException.class, () -> JwtSecret.loadOrCreate(shortSecret, new SecureRandom()));
    assertTrue(error.getMessage().contains("32 bytes"), error.getMessage());
    assertEquals("0x" + "ab".repeat(31), Files.readString(shortSecret));
    Files.writeString(dir.resolve("junk.hex"), "hello");
    assertThrows(IOException.class, () -> JwtSecret.load(dir.resolve("junk.hex")));
    assertThrows(NoSuchFileException.class, () -> JwtSecret.load(dir.resolve("absent.hex")));
  }
}
