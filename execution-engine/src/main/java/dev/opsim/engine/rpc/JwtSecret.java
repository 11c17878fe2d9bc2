package dev.opsim.engine.rpc;

import dev.opsim.protocol.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 32-byte HS256 key shared by the Engine API server and the rollup node (protocol reference 6.1),
 * kept as a hex file ({@code jwt.hex}, {@code 0x} optional). Never printed.
 */
public final class JwtSecret {

  public static final int LENGTH = 32;
  private static final Logger LOG = LoggerFactory.getLogger(JwtSecret.class);

  private final byte[] key;

  private JwtSecret(byte[] key) {
    if (key.length != LENGTH) {
      throw new IllegalArgumentException("a JWT secret has " + LENGTH + " bytes, not " + key.length);
    }
    this.key = key.clone();
  }

  public static JwtSecret of(byte[] key) {
    return new JwtSecret(key);
  }

  /** From hex text (surrounding white space and {@code 0x} allowed); not 32 bytes is an error. */
  public static JwtSecret fromHex(String hex) {
    return new JwtSecret(Hex.decode(hex));
  }

  public static JwtSecret random(SecureRandom random) {
    byte[] key = new byte[LENGTH];
    random.nextBytes(key);
    return new JwtSecret(key);
  }

  /** Reads the secret file; a missing file, bad hex or a length other than 32 bytes is an error. */
  public static JwtSecret load(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    try {
      return fromHex(text);
    } catch (IllegalArgumentException e) {
      throw new IOException("invalid JWT secret in " + file + ": " + e.getMessage());
    }
  }

  /**
   * Reads the secret file, or, when it does not exist, makes a random secret and writes it there as
   * {@code 0x}-hex readable by the owner only, as geth does for {@code --authrpc.jwtsecret}.
   */
  public static JwtSecret loadOrCreate(Path file, SecureRandom random) throws IOException {
    try {
      return load(file);
    } catch (NoSuchFileException absent) {
      JwtSecret secret = random(random);
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try {
        create(file, secret.toHex());
      } catch (FileAlreadyExistsException raced) {
        return load(file); // someone else wrote it meanwhile: share theirs
      }
      LOG.warn("Generated a JWT secret at {}", file);
      return secret;
    }
  }

  private static void create(Path file, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      // Created with owner-only permissions, so the key is never readable by others, not even briefly.
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(file, bytes);
    } else {
      Files.write(file, bytes, StandardOpenOption.CREATE_NEW);
    }
  }

  public byte[] bytes() {
    return key.clone();
  }

  /** {@code 0x} + 64 lower-case hex digits, the file format. */
  public String toHex() {
    return Hex.encode(key);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JwtSecret that && MessageDigest.isEqual(key, that.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }

  @Override
  public String toString() {
    return "JwtSecret[redacted]";
  }
}
