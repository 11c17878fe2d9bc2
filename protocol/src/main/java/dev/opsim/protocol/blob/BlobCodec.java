package dev.opsim.protocol.blob;

import dev.opsim.protocol.DecodeException;
import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;

/**
 * OP blob encoding version 0 (protocol-reference 5.3; op-service {@code eth/blob.go}): a payload of up to
 * 130,044 bytes spread over 4,096 field elements of 32 bytes, in rounds of 4 field elements carrying 127 bytes
 * (31 direct bytes each, plus 3 bytes split into 6-bit pieces in their top bytes). Field element 0 gives its
 * bytes 1..4 to the encoding version and the u24 big-endian payload length.
 */
public final class BlobCodec {
  public static final int FIELD_ELEMENTS = 4096;
  public static final int BYTES_PER_FIELD_ELEMENT = 32;
  public static final int BLOB_SIZE = FIELD_ELEMENTS * BYTES_PER_FIELD_ELEMENT;
  public static final int ROUNDS = 1024;
  public static final int MAX_PAYLOAD = (4 * 31 + 3) * ROUNDS - 4;
  public static final int ENCODING_VERSION = 0;

  private static final int VERSION_OFFSET = 1;
  private static final int TOP_BITS = 0b1100_0000;

  private BlobCodec() {}

  /**
   * Decodes a blob into its payload, with op-service's {@code Blob.ToData} checks: the blob is exactly 131,072
   * bytes, the version is 0, the length is at most 130,044, the decoded field elements have their two top bits
   * clear, and nothing non-zero follows the payload (neither in the decoded rounds nor in the rest of the blob).
   *
   * <p>Like op-service and kona, the top byte of field element 0 is not checked: its two top bits are masked off
   * and carry nothing. The spec's wording ("each element") would reject them; the implementations accept them.
   */
  public static Bytes decode(byte[] blob) throws DecodeException {
    if (blob == null || blob.length != BLOB_SIZE) {
      throw new DecodeException("a blob is " + BLOB_SIZE + " bytes, got " + (blob == null ? "null" : blob.length));
    }
    int version = blob[VERSION_OFFSET] & 0xFF;
    if (version != ENCODING_VERSION) {
      throw new DecodeException("blob encoding version at offset 1 is " + version + ", expected 0");
    }
    int length = (blob[2] & 0xFF) << 16 | (blob[3] & 0xFF) << 8 | (blob[4] & 0xFF);
    if (length > MAX_PAYLOAD) {
      throw new DecodeException("blob payload length at offset 2 is " + length + ", at most " + MAX_PAYLOAD);
    }
    byte[] out = new byte[MAX_PAYLOAD];
    System.arraycopy(blob, 5, out, 0, 27);
    int[] top = new int[4];
    top[0] = blob[0] & 0xFF;
    // Round 0: field elements 1..3 after the special first one; output continues at 28 (27 is x's place).
    int opos = 28;
    int ipos = 32;
    for (int j = 1; j < 4; j++) {
      top[j] = fieldElement(blob, ipos, out, opos);
      opos += 32;
      ipos += 32;
    }
    opos = reassemble(top, out, opos);
    for (int round = 1; round < ROUNDS && opos < length; round++) {
      for (int j = 0; j < 4; j++) {
        top[j] = fieldElement(blob, ipos, out, opos);
        opos += 32;
        ipos += 32;
      }
      opos = reassemble(top, out, opos);
    }
    for (int i = length; i < out.length; i++) {
      if (out[i] != 0) {
        throw new DecodeException("non-zero decoded byte " + i + " after the payload of " + length + " bytes");
      }
    }
    for (int i = ipos; i < BLOB_SIZE; i++) {
      if (blob[i] != 0) {
        throw new DecodeException("non-zero blob byte at offset " + i + " after the payload");
      }
    }
    return Bytes.wrap(Arrays.copyOf(out, length));
  }

  public static Bytes decode(Bytes blob) throws DecodeException {
    return decode(blob.toArrayUnsafe());
  }

  /** Copies a field element's low 31 bytes to the output; returns its top byte after checking its top bits. */
  private static int fieldElement(byte[] blob, int ipos, byte[] out, int opos) throws DecodeException {
    int top = blob[ipos] & 0xFF;
    if ((top & TOP_BITS) != 0) {
      throw new DecodeException(String.format(
          "field element %d (offset %d) has a top bit set: 0x%02x", ipos / BYTES_PER_FIELD_ELEMENT, ipos, top));
    }
    System.arraycopy(blob, ipos + 1, out, opos, 31);
    return top;
  }

  /** Puts the three bytes carried by a round's four 6-bit pieces in place; returns the next output position. */
  private static int reassemble(int[] top, byte[] out, int opos) {
    int end = opos - 1; // a round yields 127 bytes, not 128
    int x = (top[0] & 0b0011_1111) | ((top[1] & 0b0011_0000) << 2);
    int y = (top[1] & 0b0000_1111) | ((top[3] & 0b0000_1111) << 4);
    int z = (top[2] & 0b0011_1111) | ((top[3] & 0b0011_0000) << 2);
    out[end - 32] = (byte) z;
    out[end - 64] = (byte) y;
    out[end - 96] = (byte) x;
    return end;
  }

  /**
   * Encodes a payload of at most {@link #MAX_PAYLOAD} bytes into a blob, as op-service's {@code Blob.FromData}.
   *
   * @throws IllegalArgumentException when the payload is too long
   */
  public static byte[] encode(byte[] payload) {
    if (payload.length > MAX_PAYLOAD) {
      throw new IllegalArgumentException("blob payload is " + payload.length + " bytes, at most " + MAX_PAYLOAD);
    }
    byte[] blob = new byte[BLOB_SIZE];
    Input input = new Input(payload);
    byte[] buf31 = new byte[31];
    int w = 0;
    for (int round = 0; round < ROUNDS && input.pos < payload.length; round++) {
      if (round == 0) {
        buf31[0] = ENCODING_VERSION;
        buf31[1] = (byte) (payload.length >>> 16);
        buf31[2] = (byte) (payload.length >>> 8);
        buf31[3] = (byte) payload.length;
        Arrays.fill(buf31, 4, 31, (byte) 0);
        int n = Math.min(27, payload.length);
        System.arraycopy(payload, 0, buf31, 4, n);
        input.pos += n;
      } else {
        input.read31(buf31);
      }
      int x = input.read1();
      blob[w] = (byte) (x & 0b0011_1111);
      System.arraycopy(buf31, 0, blob, w + 1, 31);
      w += 32;

      input.read31(buf31);
      int y = input.read1();
      blob[w] = (byte) ((y & 0b0000_1111) | ((x & 0b1100_0000) >>> 2));
      System.arraycopy(buf31, 0, blob, w + 1, 31);
      w += 32;

      input.read31(buf31);
      int z = input.read1();
      blob[w] = (byte) (z & 0b0011_1111);
      System.arraycopy(buf31, 0, blob, w + 1, 31);
      w += 32;

      input.read31(buf31);
      blob[w] = (byte) (((z & 0b1100_0000) >>> 2) | ((y & 0b1111_0000) >>> 4));
      System.arraycopy(buf31, 0, blob, w + 1, 31);
      w += 32;
    }
    return blob;
  }

  public static byte[] encode(Bytes payload) {
    return encode(payload.toArrayUnsafe());
  }

  /** The payload read in op-service's order; reads past its end yield zeros. */
  private static final class Input {
    private final byte[] data;
    private int pos;

    Input(byte[] data) {
      this.data = data;
    }

    int read1() {
      return pos < data.length ? data[pos++] & 0xFF : 0;
    }

    void read31(byte[] buf) {
      int n = Math.max(0, Math.min(31, data.length - pos));
      System.arraycopy(data, pos, buf, 0, n);
      Arrays.fill(buf, n, 31, (byte) 0);
      pos += n;
    }
  }
}
