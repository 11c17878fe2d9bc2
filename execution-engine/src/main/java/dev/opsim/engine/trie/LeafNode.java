package dev.opsim.engine.trie;

import dev.opsim.engine.rlp.Rlp;

/** The end of a key: the rest of its path and its (non-empty) value. */
final class LeafNode extends Node {
  final byte[] path;
  final byte[] value;

  LeafNode(byte[] path, byte[] value) {
    this.path = path;
    this.value = value;
  }

  LeafNode(byte[] path, byte[] value, byte[] encoded) {
    super(encoded);
    this.path = path;
    this.value = value;
  }

  @Override
  byte[] encode() {
    byte[] hp = Nibbles.encodeHexPrefix(path, true);
    int payload = Rlp.stringLength(hp) + Rlp.stringLength(value);
    byte[] out = new byte[Rlp.headerLength(payload) + payload];
    int pos = Rlp.writeListHeader(out, 0, payload);
    pos = Rlp.writeString(out, pos, hp);
    Rlp.writeString(out, pos, value);
    return out;
  }
}
