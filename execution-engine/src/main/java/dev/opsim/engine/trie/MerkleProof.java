package dev.opsim.engine.trie;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * Checks a Merkle proof (EIP-1186 {@code eth_getProof} style) against a trie root without the trie: the first
 * node must hash to the root, each further node to the reference its parent holds on the key's path, and the walk
 * must end at the key's leaf or branch value (present) or at a point where the key cannot continue (absent).
 */
public final class MerkleProof {
  private MerkleProof() {}

  /**
   * The value {@code proof} proves for {@code key} under {@code root}, or empty if it proves the key absent. An
   * empty trie's root needs an empty proof.
   *
   * @param proof the RLP nodes from the root down, hash-referenced nodes only, none to spare
   * @throws DecodeException if the proof does not prove either: a hash mismatch, a missing, extra or malformed
   *     node
   */
  public static Optional<Bytes> verify(Hash root, Bytes key, List<Bytes> proof) throws DecodeException {
    if (root == null || key == null || proof == null) {
      throw new DecodeException("proof check: root, key and proof must all be given");
    }
    if (root.equals(MerklePatriciaTrie.EMPTY_ROOT)) {
      if (!proof.isEmpty()) {
        throw new DecodeException("proof of " + proof.size() + " nodes for the empty trie, which has no nodes");
      }
      return Optional.empty();
    }
    byte[] path = Nibbles.fromBytes(key.toArrayUnsafe());
    Node node = new HashNode(root);
    int used = 0;
    int offset = 0;
    Optional<Bytes> result;
    while (true) {
      if (node instanceof HashNode h) {
        node = next(proof, used, h.hash());
        used++;
      }
      switch (node) {
        case LeafNode leaf -> {
          result = Nibbles.equalsRest(path, offset, leaf.path) ? Optional.of(Bytes.wrap(leaf.value)) : Optional.empty();
        }
        case ExtensionNode ext -> {
          if (Nibbles.startsWith(path, offset, ext.path)) {
            offset += ext.path.length;
            node = ext.child;
            continue;
          }
          result = Optional.empty();
        }
        case BranchNode branch -> {
          if (offset == path.length) {
            result = branch.value == null ? Optional.empty() : Optional.of(Bytes.wrap(branch.value));
          } else {
            node = branch.children[path[offset++]];
            if (node != null) {
              continue;
            }
            result = Optional.empty();
          }
        }
        case HashNode h -> throw new IllegalStateException("a decoded proof node is never a bare hash");
      }
      break;
    }
    if (used != proof.size()) {
      throw new DecodeException("proof has " + (proof.size() - used) + " nodes after the key's position (node "
          + used + " on)");
    }
    return result;
  }

  private static Node next(List<Bytes> proof, int index, Hash expected) throws DecodeException {
    if (index >= proof.size()) {
      throw new DecodeException("proof ends after " + index + " nodes; node " + expected + " on the key's path"
          + " is missing");
    }
    Bytes element = proof.get(index);
    if (element == null) {
      throw new DecodeException("proof node " + index + " is null");
    }
    byte[] encoded = element.toArray();
    Hash actual = Keccak.hash(encoded);
    if (!actual.equals(expected)) {
      throw new DecodeException("proof node " + index + " hashes to " + actual + " but "
          + (index == 0 ? "the root is " : "its parent refers to ") + expected);
    }
    if (index > 0 && encoded.length <= Node.MAX_EMBEDDED) {
      throw new DecodeException("proof node " + index + " has " + encoded.length
          + " bytes; a node that small is embedded in its parent, not referenced by hash");
    }
    try {
      return NodeCodec.decode(encoded, actual);
    } catch (DecodeException e) {
      throw new DecodeException("proof node " + index + ": " + e.getMessage(), e);
    }
  }
}
