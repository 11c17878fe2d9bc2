package dev.opsim.engine.chain;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import dev.opsim.protocol.Log;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * The 2048-bit logs bloom of a receipt or a block (Yellow Paper 4.3.1): for every log address and topic, three
 * bits chosen by the low 11 bits of the first three byte pairs of its keccak are set.
 */
public record LogsBloom(Bytes bytes) {
  public static final int SIZE = 256;
  public static final LogsBloom EMPTY = new LogsBloom(Bytes.wrap(new byte[SIZE]));

  public LogsBloom {
    if (bytes == null || bytes.size() != SIZE) {
      throw new IllegalArgumentException("a logs bloom is 256 bytes, got " + (bytes == null ? "null" : bytes.size()));
    }
    bytes = Bytes.wrap(bytes.toArray());
  }

  /** The bloom of the given logs. */
  public static LogsBloom of(List<Log> logs) {
    byte[] bits = new byte[SIZE];
    for (Log log : logs) {
      set(bits, log.address().bytes());
      for (Hash topic : log.topics()) {
        set(bits, topic.bytes());
      }
    }
    return new LogsBloom(Bytes.wrap(bits));
  }

  /** The union of blooms: a block's bloom is the union of its receipts' blooms. */
  public static LogsBloom union(List<LogsBloom> blooms) {
    byte[] bits = new byte[SIZE];
    for (LogsBloom bloom : blooms) {
      byte[] other = bloom.bytes.toArrayUnsafe();
      for (int i = 0; i < SIZE; i++) {
        bits[i] |= other[i];
      }
    }
    return new LogsBloom(Bytes.wrap(bits));
  }

  /** Whether the bloom may contain {@code value} (an address or topic); false means certainly not. */
  public boolean mightContain(Bytes value) {
    byte[] probe = new byte[SIZE];
    set(probe, value);
    byte[] bits = bytes.toArrayUnsafe();
    for (int i = 0; i < SIZE; i++) {
      if ((bits[i] & probe[i]) != probe[i]) {
        return false;
      }
    }
    return true;
  }

  public boolean mightContain(Address address) {
    return mightContain(address.bytes());
  }

  public boolean mightContain(Hash topic) {
    return mightContain(topic.bytes());
  }

  private static void set(byte[] bits, Bytes value) {
    byte[] hash = Keccak.hash(value).toArray();
    for (int i = 0; i < 6; i += 2) {
      int bit = ((hash[i] & 0x07) << 8) | (hash[i + 1] & 0xff);
      // bit 0 is the lowest-order bit of the last byte (big-endian 2048-bit number)
      bits[SIZE - 1 - bit / 8] |= (byte) (1 << (bit % 8));
    }
  }

  @Override
  public String toString() {
    return bytes.toHexString();
  }
}
