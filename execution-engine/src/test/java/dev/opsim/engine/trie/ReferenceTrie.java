package dev.opsim.engine.trie;

import dev.opsim.protocol.Keccak;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;

/**
 * The trie root computed straight from the Yellow Paper's definition (appendix D, functions c and n), with no
 * nodes, caching or updates: the oracle the optimized trie is compared with. Deliberately slow and simple.
 */
final class ReferenceTrie {
  private ReferenceTrie() {}

  private record Item(byte[] nibbles, byte[] value) {}

  static Bytes root(Map<Bytes, Bytes> map) {
    if (map.isEmpty()) {
      return Keccak.hash(RefRlp.encode(new byte[0])).bytes();
    }
    List<Item> items = new ArrayList<>();
    map.forEach((k, v) -> items.add(new Item(nibbles(k.toArray()), v.toArray())));
    return Keccak.hash(RefRlp.encode(c(items, 0))).bytes();
  }

  /** c(J, i): the structure of the node holding the items, whose keys agree on their first i nibbles. */
  private static Object c(List<Item> items, int i) {
    if (items.size() == 1) {
      Item only = items.get(0);
      return List.of(hexPrefix(slice(only.nibbles(), i), true), only.value());
    }
    int shared = sharedPrefix(items, i);
    if (shared > 0) {
      byte[] prefix = Arrays.copyOfRange(items.get(0).nibbles(), i, i + shared);
      return List.of(hexPrefix(prefix, false), n(items, i + shared));
    }
    List<Object> branch = new ArrayList<>();
    for (int v = 0; v < 16; v++) {
      List<Item> under = new ArrayList<>();
      for (Item item : items) {
        if (item.nibbles().length > i && item.nibbles()[i] == v) {
          under.add(item);
        }
      }
      branch.add(n(under, i + 1));
    }
    byte[] value = new byte[0];
    for (Item item : items) {
      if (item.nibbles().length == i) {
        value = item.value();
      }
    }
    branch.add(value);
    return branch;
  }

  /** n(J, i): the reference to that node: nothing, the node itself if its RLP is under 32 bytes, or its hash. */
  private static Object n(List<Item> items, int i) {
    if (items.isEmpty()) {
      return new byte[0];
    }
    byte[] encoded = RefRlp.encode(c(items, i));
    return encoded.length < 32 ? new RefRlp.Raw(encoded) : Keccak.hash(encoded).toArray();
  }

  private static int sharedPrefix(List<Item> items, int i) {
    int shared = Integer.MAX_VALUE;
    byte[] first = items.get(0).nibbles();
    for (Item item : items) {
      byte[] k = item.nibbles();
      int j = 0;
      while (i + j < k.length && i + j < first.length && k[i + j] == first[i + j]) {
        j++;
      }
      shared = Math.min(shared, j);
    }
    return shared;
  }

  static byte[] nibbles(byte[] key) {
    byte[] out = new byte[key.length * 2];
    for (int k = 0; k < key.length; k++) {
      out[2 * k] = (byte) ((key[k] & 0xff) >>> 4);
      out[2 * k + 1] = (byte) (key[k] & 0x0f);
    }
    return out;
  }

  private static byte[] slice(byte[] a, int from) {
    return Arrays.copyOfRange(a, from, a.length);
  }

  /** HP(x, t) of appendix C. */
  static byte[] hexPrefix(byte[] nibbles, boolean terminator) {
    int f = terminator ? 2 : 0;
    List<Byte> out = new ArrayList<>();
    int start;
    if (nibbles.length % 2 == 0) {
      out.add((byte) (16 * f));
      start = 0;
    } else {
      out.add((byte) (16 * (f + 1) + nibbles[0]));
      start = 1;
    }
    for (int k = start; k < nibbles.length; k += 2) {
      out.add((byte) (16 * nibbles[k] + nibbles[k + 1]));
    }
    byte[] result = new byte[out.size()];
    for (int k = 0; k < result.length; k++) {
      result[k] = out.get(k);
    }
    return result;
  }
}
