package dev.opsim.engine.trie;

import dev.opsim.engine.rlp.Rlp;
import dev.opsim.protocol.Hash;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * The root of a list stored as a trie keyed by RLP(index): a block's transactionsRoot, receiptsRoot and
 * withdrawalsRoot (Yellow Paper 4.3, EIP-4895). Each value is the item's consensus encoding as given.
 */
public final class OrderedTrieRoot {
  private OrderedTrieRoot() {}

  public static Hash of(List<? extends Bytes> items) {
    MerklePatriciaTrie trie = MerklePatriciaTrie.inMemory();
    for (int i = 0; i < items.size(); i++) {
      trie.put(indexKey(i), items.get(i));
    }
    return trie.rootHash();
  }

  /** RLP of the index as an integer: 0x80 for zero, the byte itself below 0x80, else a length-prefixed string. */
  public static Bytes indexKey(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("negative list index " + index);
    }
    return Bytes.wrap(Rlp.encodeString(Rlp.unsignedLongBytes(index)));
  }
}
