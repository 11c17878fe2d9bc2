package dev.opsim.engine.chain;

import dev.opsim.protocol.DecodeException;
import org.apache.tuweni.bytes.Bytes;

/**
 * OP Jovian header extraData (protocol-reference 6.4, 7.1; the spec marks Jovian not final):
 * {@code 0x01 ++ denominator(u32) ++ elasticity(u32) ++ minBaseFee(u64)}, 17 bytes.
 *
 * @param minBaseFee the floor of the child's base fee, in wei (uint64)
 */
public record JovianExtraData(Eip1559Params params, long minBaseFee) {
  public static final int SIZE = 17;
  public static final int VERSION = 1;

  public JovianExtraData {
    if (params == null) {
      throw new IllegalArgumentException("Jovian extraData needs EIP-1559 parameters");
    }
  }

  public Bytes encode() {
    Bytes holocene = HoloceneExtraData.encode(params);
    byte[] out = new byte[SIZE];
    System.arraycopy(holocene.toArrayUnsafe(), 0, out, 0, HoloceneExtraData.SIZE);
    out[0] = VERSION;
    long value = minBaseFee;
    for (int i = SIZE - 1; i >= HoloceneExtraData.SIZE; i--) {
      out[i] = (byte) value;
      value >>>= 8;
    }
    return Bytes.wrap(out);
  }

  /** Reads the 17-byte version-1 encoding; denominator and elasticity must be non-zero. */
  public static JovianExtraData decode(Bytes extraData) throws DecodeException {
    if (extraData.size() != SIZE) {
      throw new DecodeException("Jovian extraData must be " + SIZE + " bytes, got " + extraData.size());
    }
    if (extraData.get(0) != VERSION) {
      throw new DecodeException("Jovian extraData version at offset 0 must be 1, got " + (extraData.get(0) & 0xff));
    }
    byte[] asHolocene = extraData.slice(0, HoloceneExtraData.SIZE).toArray();
    asHolocene[0] = HoloceneExtraData.VERSION;
    Eip1559Params params = HoloceneExtraData.decode(Bytes.wrap(asHolocene));
    return new JovianExtraData(params, extraData.slice(HoloceneExtraData.SIZE, 8).toLong());
  }
}
