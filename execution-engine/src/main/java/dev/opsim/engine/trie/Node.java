package dev.opsim.engine.trie;

import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;

/**
 * A trie node (Yellow Paper appendix D). Nodes are immutable: an update copies the nodes on the path to the key
 * and shares everything else, so the encoding and hash a node caches stay valid and an unchanged subtree is never
 * hashed again. The two mutable fields are memos: the cached encoding/hash, and whether the node is already in
 * the store (commits stop descending there).
 */
abstract sealed class Node permits LeafNode, ExtensionNode, BranchNode, HashNode {
  /** Encodings shorter than this are embedded in their parent instead of referenced by hash. */
  static final int MAX_EMBEDDED = 31;

  private byte[] encoded;
  private Hash hash;
  private boolean stored;

  Node() {}

  /** A node read from a store or proof, whose encoding is known. */
  Node(byte[] encoded) {
    this.encoded = encoded;
    this.stored = true;
  }

  /** The node's RLP encoding, computed once. */
  byte[] encoded() {
    byte[] e = encoded;
    if (e == null) {
      e = encode();
      encoded = e;
    }
    return e;
  }

  abstract byte[] encode();

  /** Keccak of the encoding, computed once. */
  Hash hash() {
    Hash h = hash;
    if (h == null) {
      h = Keccak.hash(encoded());
      hash = h;
    }
    return h;
  }

  /** Records the hash of a node decoded from bytes someone already hashed, saving a keccak. */
  void rememberHash(Hash known) {
    hash = known;
  }

  boolean embedded() {
    return encoded().length <= MAX_EMBEDDED;
  }

  /** Bytes this node takes inside its parent: the node itself if embedded, else the RLP string of its hash. */
  int referenceLength() {
    return embedded() ? encoded().length : 33;
  }

  int writeReference(byte[] out, int pos) {
    byte[] e = encoded();
    if (e.length <= MAX_EMBEDDED) {
      System.arraycopy(e, 0, out, pos, e.length);
      return pos + e.length;
    }
    out[pos] = (byte) 0xa0;
    System.arraycopy(hash().bytes().toArrayUnsafe(), 0, out, pos + 1, 32);
    return pos + 33;
  }

  boolean stored() {
    return stored;
  }

  void markStored() {
    stored = true;
  }
}
