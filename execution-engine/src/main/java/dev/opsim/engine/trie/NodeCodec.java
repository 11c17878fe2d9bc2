package dev.opsim.engine.trie;

import dev.opsim.engine.rlp.Rlp;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Decodes trie nodes (Yellow Paper appendix D) from the store or from a proof. It accepts only what the encoder
 * writes: a 2-item list (hex-prefix path, then a non-empty value or a child reference) or a 17-item list (16
 * references, then a value), where a reference is an empty string, a 32-byte hash or an embedded node shorter
 * than 32 bytes. Anything else is a {@link DecodeException} naming the offset.
 */
final class NodeCodec {
  private NodeCodec() {}

  /** Decodes a node stored under (or proven by) {@code hash}; the node keeps {@code encoded} as its encoding. */
  static Node decode(byte[] encoded, Hash hash) throws DecodeException {
    Rlp.Item item = Rlp.readWholeList(encoded, "trie node");
    Node node = decodeList(encoded, item, encoded);
    node.rememberHash(hash);
    return node;
  }

  private static Node decodeList(byte[] buf, Rlp.Item list, byte[] encoded) throws DecodeException {
    Rlp.Item[] items = new Rlp.Item[17];
    int count = 0;
    int pos = list.payloadStart();
    while (pos < list.end()) {
      if (count == 17) {
        throw new DecodeException("trie node: more than 17 items in the list at offset " + list.start());
      }
      Rlp.Item item = Rlp.readItem(buf, pos, list.end(), "trie node");
      items[count++] = item;
      pos = item.end();
    }
    if (count == 2) {
      return decodeShort(buf, items[0], items[1], encoded);
    }
    if (count == 17) {
      return decodeBranch(buf, items, encoded);
    }
    throw new DecodeException("trie node: a list of " + count + " items at offset " + list.start()
        + " is neither a short node (2) nor a branch (17)");
  }

  private static Node decodeShort(byte[] buf, Rlp.Item pathItem, Rlp.Item second, byte[] encoded)
      throws DecodeException {
    if (pathItem.list()) {
      throw new DecodeException("trie node: expected a hex-prefix path string at offset " + pathItem.start());
    }
    Nibbles.HexPrefix hp = Nibbles.decodeHexPrefix(buf, pathItem.payloadStart(), pathItem.end());
    if (hp.leaf()) {
      if (second.list() || second.payloadLength() == 0) {
        throw new DecodeException("trie node: a leaf needs a non-empty value string at offset " + second.start());
      }
      byte[] value = Arrays.copyOfRange(buf, second.payloadStart(), second.end());
      return new LeafNode(hp.path(), value, encoded);
    }
    if (hp.path().length == 0) {
      throw new DecodeException("trie node: extension with an empty path at offset " + pathItem.start());
    }
    Node child = decodeReference(buf, second);
    if (child == null) {
      throw new DecodeException("trie node: extension without a child at offset " + second.start());
    }
    if (!(child instanceof BranchNode) && !(child instanceof HashNode)) {
      throw new DecodeException("trie node: extension whose embedded child is not a branch at offset "
          + second.start());
    }
    return new ExtensionNode(hp.path(), child, encoded);
  }

  private static Node decodeBranch(byte[] buf, Rlp.Item[] items, byte[] encoded) throws DecodeException {
    Node[] children = new Node[16];
    int entries = 0;
    for (int i = 0; i < 16; i++) {
      children[i] = decodeReference(buf, items[i]);
      if (children[i] != null) {
        entries++;
      }
    }
    Rlp.Item valueItem = items[16];
    if (valueItem.list()) {
      throw new DecodeException("trie node: branch value is a list at offset " + valueItem.start());
    }
    byte[] value = null;
    if (valueItem.payloadLength() > 0) {
      value = Arrays.copyOfRange(buf, valueItem.payloadStart(), valueItem.end());
      entries++;
    }
    if (entries < 2) {
      // A branch with one entry would have been folded into a leaf or an extension.
      throw new DecodeException("trie node: branch with fewer than two entries at offset " + items[0].start());
    }
    return new BranchNode(children, value, encoded);
  }

  /** A child reference: null for the empty string, a hash, or an embedded node. */
  private static Node decodeReference(byte[] buf, Rlp.Item item) throws DecodeException {
    if (item.list()) {
      if (item.encodedLength() > Node.MAX_EMBEDDED) {
        throw new DecodeException("trie node: embedded node of " + item.encodedLength()
            + " bytes (32 or more must be referenced by hash) at offset " + item.start());
      }
      return decodeList(buf, item, Arrays.copyOfRange(buf, item.start(), item.end()));
    }
    int length = item.payloadLength();
    if (length == 0) {
      return null;
    }
    if (length != 32) {
      throw new DecodeException("trie node: child reference of " + length + " bytes (want 0 or 32) at offset "
          + item.start());
    }
    return new HashNode(new Hash(Bytes32.wrap(Arrays.copyOfRange(buf, item.payloadStart(), item.end()))));
  }
}
