package dev.opsim.protocol;

import java.util.HexFormat;

/** Hex text as the Ethereum world writes it: optional {@code 0x}, either case. */
public final class Hex {
  private static final HexFormat LOWER = HexFormat.of();

  private Hex() {}

  /** Lower-case hex with a {@code 0x} prefix. */
  public static String encode(byte[] bytes) {
    return "0x" + LOWER.formatHex(bytes);
  }

  /**
   * Parses hex with or without {@code 0x}; surrounding white space is ignored.
   *
   * @throws IllegalArgumentException naming the first bad character, or an odd length
   */
  public static byte[] decode(String text) {
    String s = text.strip();
    if (s.startsWith("0x") || s.startsWith("0X")) {
      s = s.substring(2);
    }
    if ((s.length() & 1) != 0) {
      throw new IllegalArgumentException("hex has an odd number of digits (" + s.length() + ")");
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        throw new IllegalArgumentException("not a hex digit at position " + i + ": '" + s.charAt(i) + "'");
      }
    }
    return LOWER.parseHex(s);
  }
}
