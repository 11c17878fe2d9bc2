package dev.opsim.engine.trie;

import dev.opsim.engine.rlp.Rlp;

/** A shared path segment (never empty) leading to one child, which is always a branch in a canonical trie. */
final class ExtensionNode extends Node {
  final byte[] path;
  final Node child;

  ExtensionNode(byte[] path, Node child) {
    this.path = path;
    this.child = child;
  }

  ExtensionNode(byte[] path, Node child, byte[] encoded) {
    super(encoded);
    this.path = path;
    this.child = child;
  }

  @Override
  byte[] encode() {
    byte[] hp = Nibbles.encodeHexPrefix(path, false);
    int payload = Rlp.stringLength(hp) + child.referenceLength();
    byte[] out = new byte[Rlp.headerLength(payload) + payload];
    int pos = Rlp.writeListHeader(out, 0, payload);
    pos = Rlp.writeString(out, pos, hp);
    child.writeReference(out, pos);
    return out;
  }
}
