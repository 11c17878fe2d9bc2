package dev.opsim.engine.statetest;

import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;

/**
 * Root of a Merkle-Patricia trie over fixed-length keys (yellow paper appendix D), computed in one pass from the
 * sorted entries. A stand-in for the engine's trie until that lands; every key here has the same length (keccak
 * of address or slot), so no branch ever carries a value.
 */
final class ReferenceTrieRoot {
  static final Hash EMPTY_ROOT = Keccak.hash(RLP.encodeValue(Bytes.EMPTY));

  private ReferenceTrieRoot() {}

  /** Root of the trie mapping each key to its (already RLP-encoded) value. */
  static Hash root(Map<Bytes, Bytes> entries) {
    if (entries.isEmpty()) {
      return EMPTY_ROOT;
    }
    TreeMap<Bytes, Bytes> sorted = new TreeMap<>(entries);
    List<byte[]> keys = new ArrayList<>();
    List<Bytes> values = new ArrayList<>();
    sorted.forEach((k, v) -> {
      keys.add(nibbles(k));
      values.add(v);
    });
    return Keccak.hash(node(keys, values, 0, keys.size(), 0));
  }

  private static byte[] nibbles(Bytes key) {
    byte[] out = new byte[key.size() * 2];
    for (int i = 0; i < key.size(); i++) {
      out[2 * i] = (byte) ((key.get(i) >> 4) & 0xf);
      out[2 * i + 1] = (byte) (key.get(i) & 0xf);
    }
    return out;
  }

  /** Encoded node for keys[from, to) at nibble depth {@code depth}. */
  private static Bytes node(List<byte[]> keys, List<Bytes> values, int from, int to, int depth) {
    if (to - from == 1) {
      byte[] k = keys.get(from);
      Bytes path = hexPrefix(k, depth, k.length, true);
      Bytes value = values.get(from);
      return RLP.encodeList(w -> {
        w.writeValue(path);
        w.writeValue(value);
      });
    }
    byte[] first = keys.get(from);
    byte[] last = keys.get(to - 1);
    int common = depth;
    while (common < first.length && first[common] == last[common]) {
      common++;
    }
    if (common > depth) {
      Bytes path = hexPrefix(first, depth, common, false);
      Bytes child = node(keys, values, from, to, common);
      return RLP.encodeList(w -> {
        w.writeValue(path);
        writeRef(w, child);
      });
    }
    Bytes[] children = new Bytes[16];
    int i = from;
    while (i < to) {
      int nib = keys.get(i)[depth];
      int j = i;
      while (j < to && keys.get(j)[depth] == nib) {
        j++;
      }
      children[nib] = node(keys, values, i, j, depth + 1);
      i = j;
    }
    return RLP.encodeList(w -> {
      for (Bytes c : children) {
        if (c == null) {
          w.writeValue(Bytes.EMPTY);
        } else {
          writeRef(w, c);
        }
      }
      w.writeValue(Bytes.EMPTY);
    });
  }

  private static void writeRef(org.apache.tuweni.rlp.RLPWriter w, Bytes encoded) {
    if (encoded.size() < 32) {
      w.writeRLP(encoded);
    } else {
      w.writeValue(Keccak.hash(encoded).bytes());
    }
  }

  private static Bytes hexPrefix(byte[] nibbles, int from, int to, boolean leaf) {
    int len = to - from;
    boolean odd = (len & 1) == 1;
    byte[] out = new byte[len / 2 + 1];
    int flag = (leaf ? 2 : 0) + (odd ? 1 : 0);
    int pos = from;
    if (odd) {
      out[0] = (byte) ((flag << 4) | nibbles[pos++]);
    } else {
      out[0] = (byte) (flag << 4);
    }
    for (int i = 1; i < out.length; i++) {
      out[i] = (byte) ((nibbles[pos] << 4) | nibbles[pos + 1]);
      pos += 2;
    }
    return Bytes.wrap(out);
  }
}
