package dev.opsim.engine.trie;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.apache.tuweni.bytes.Bytes;

/** Generators for trie tests: keys from a tiny alphabet so they share prefixes and end inside each other. */
final class TrieArbitraries {
  private TrieArbitraries() {}

  /** Keys of 0..5 bytes drawn from six byte values with common nibbles. */
  static Arbitrary<Bytes> keys() {
    return Arbitraries.of((byte) 0x00, (byte) 0x01, (byte) 0x10, (byte) 0x11, (byte) 0x7f, (byte) 0xff)
        .array(byte[].class).ofMaxSize(5).map(Bytes::wrap);
  }

  /** Values of 1..40 bytes, so nodes fall on both sides of the 32-byte embedding limit. */
  static Arbitrary<Bytes> values() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40).map(Bytes::wrap);
  }

  static Arbitrary<Map<Bytes, Bytes>> maps() {
    return Arbitraries.maps(keys(), values()).ofMaxSize(40);
  }

  /** 32-byte random keys, the shape of a secure trie's paths. */
  static Arbitrary<Map<Bytes, Bytes>> hashKeyedMaps() {
    Arbitrary<Bytes> keys = Arbitraries.bytes().array(byte[].class).ofSize(32).map(Bytes::wrap);
    return Arbitraries.maps(keys, values()).ofMaxSize(60);
  }
}
