package dev.opsim.devnet.cli;

import dev.opsim.devnet.UserError;
import dev.opsim.protocol.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the bytes a decode command works on: hex on the command line, or {@code @FILE} holding either hex text
 * (with or without 0x, white space ignored) or raw bytes. A file is taken as hex when all of it is hex text.
 */
public final class ByteInput {
  private ByteInput() {}

  public static byte[] read(String argument) {
    if (argument.startsWith("@")) {
      return readFile(Path.of(argument.substring(1)));
    }
    try {
      return Hex.decode(argument);
    } catch (IllegalArgumentException e) {
      throw new UserError("input is not hex (" + e.getMessage() + "); pass hex or @FILE");
    }
  }

  private static byte[] readFile(Path file) {
    byte[] raw;
    try {
      raw = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UserError("no such file: " + file);
    } catch (IOException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage());
    }
    return looksLikeHex(raw) ? Hex.decode(stripWhitespace(raw)) : raw;
  }

  static boolean looksLikeHex(byte[] raw) {
    String text = stripWhitespace(raw);
    if (text.startsWith("0x") || text.startsWith("0X")) {
      text = text.substring(2);
    }
    if (text.isEmpty() || (text.length() & 1) != 0) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static String stripWhitespace(byte[] raw) {
    StringBuilder sb = new StringBuilder(raw.length);
    for (byte b : raw) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        sb.append((char) (b & 0xff));
      }
    }
    return sb.toString();
  }
}
