package dev.opsim.engine.trie;

import dev.opsim.engine.rlp.Rlp;

/** Sixteen children, one per next nibble, and the value of the key that ends here (null if none). */
final class BranchNode extends Node {
  final Node[] children;
  final byte[] value;

  BranchNode(Node[] children, byte[] value) {
    this.children = children;
    this.value = value;
  }

  BranchNode(Node[] children, byte[] value, byte[] encoded) {
    super(encoded);
    this.children = children;
    this.value = value;
  }

  BranchNode withChild(int nibble, Node child) {
    Node[] copy = children.clone();
    copy[nibble] = child;
    return new BranchNode(copy, value);
  }

  BranchNode withValue(byte[] newValue) {
    return new BranchNode(children, newValue);
  }

  @Override
  byte[] encode() {
    int payload = value == null ? 1 : Rlp.stringLength(value);
    for (Node child : children) {
      payload += child == null ? 1 : child.referenceLength();
    }
    byte[] out = new byte[Rlp.headerLength(payload) + payload];
    int pos = Rlp.writeListHeader(out, 0, payload);
    for (Node child : children) {
      if (child == null) {
        out[pos++] = Rlp.EMPTY_STRING;
      } else {
        pos = child.writeReference(out, pos);
      }
    }
    if (value == null) {
      out[pos] = Rlp.EMPTY_STRING;
    } else {
      Rlp.writeString(out, pos, value);
    }
    return out;
  }
}
