package dev.opsim.engine.chain;

import dev.opsim.protocol.DecodeException;
import org.apache.tuweni.bytes.Bytes;

/**
 * OP Holocene header extraData (protocol-reference 6.4, 7.1): {@code 0x00 ++ denominator(u32) ++ elasticity(u32)},
 * the EIP-1559 parameters the child block's base fee uses.
 */
public final class HoloceneExtraData {
  public static final int SIZE = 9;
  public static final int VERSION = 0;

  private HoloceneExtraData() {}

  public static Bytes encode(Eip1559Params params) {
    if (params.denominator() > 0xFFFF_FFFFL || params.elasticity() > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("Holocene EIP-1559 parameters are uint32: " + params);
    }
    byte[] out = new byte[SIZE];
    out[0] = VERSION;
    writeU32(out, 1, params.denominator());
    writeU32(out, 5, params.elasticity());
    return Bytes.wrap(out);
  }

  /**
   * Reads the parameters. Both must be non-zero: a zero in a block header would leave the next base fee undefined
   * (op-geth substitutes the chain's constants for zero attributes before writing the header).
   */
  public static Eip1559Params decode(Bytes extraData) throws DecodeException {
    if (extraData.size() != SIZE) {
      throw new DecodeException("Holocene extraData must be " + SIZE + " bytes, got " + extraData.size());
    }
    if (extraData.get(0) != VERSION) {
      throw new DecodeException("Holocene extraData version at offset 0 must be 0, got " + (extraData.get(0) & 0xff));
    }
    long denominator = extraData.slice(1, 4).toLong() & 0xFFFF_FFFFL;
    long elasticity = extraData.slice(5, 4).toLong() & 0xFFFF_FFFFL;
    if (denominator == 0 || elasticity == 0) {
      throw new DecodeException("Holocene extraData has a zero EIP-1559 "
          + (denominator == 0 ? "denominator (offset 1)" : "elasticity (offset 5)"));
    }
    return new Eip1559Params(elasticity, denominator);
  }

  private static void writeU32(byte[] out, int pos, long value) {
    for (int i = 3; i >= 0; i--) {
      out[pos + i] = (byte) value;
      value >>>= 8;
    }
  }
}
