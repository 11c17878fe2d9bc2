package dev.opsim.engine.node;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.Hash;
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;
import org.web3j.utils.Numeric;

/**
 * An EIP-1186 proof checker written only against web3j's keccak and RLP decoder (none of our trie code), so a
 * proof the engine serves is judged by an independent reading of the Yellow Paper's secure Merkle-Patricia trie
 * (appendix D): branch nodes of 17 items, extension and leaf nodes of 2 items with hex-prefix encoded paths,
 * children referenced by keccak hash (or inlined when their RLP is shorter than 32 bytes).
 */
final class MerkleProofVerifier {
  private MerkleProofVerifier() {}

  /**
   * Walks {@code proof} from {@code root} along keccak({@code key}).
   *
   * @return the leaf's value (the RLP bytes stored in the trie), or empty when the proof shows the key is absent
   * @throws AssertionError when the proof is not a valid path from the root (hash mismatch, bad node shape, nodes
   *     left over)
   */
  static Optional<byte[]> verify(byte[] root, byte[] key, List<String> proof) {
    byte[] nibbles = nibbles(Hash.sha3(key));
    if (proof.isEmpty()) {
      // Only an empty trie has an empty proof.
      check(Arrays.equals(root, Hash.sha3(new byte[] {(byte) 0x80})), "empty proof for a non-empty trie");
      return Optional.empty();
    }
    int used = 0;
    RlpType node = hashedNode(root, proof, used++);
    int pos = 0;
    while (true) {
      check(node instanceof RlpList, "a trie node must be a list");
      List<RlpType> items = ((RlpList) node).getValues();
      RlpType child;
      if (items.size() == 17) {
        check(pos < nibbles.length, "branch below a full-length key");
        child = items.get(nibbles[pos++]);
        if (child instanceof RlpString s && s.getBytes().length == 0) {
          check(used == proof.size(), "proof continues past an empty branch slot");
          return Optional.empty();
        }
      } else if (items.size() == 2) {
        check(items.get(0) instanceof RlpString, "path of a leaf/extension must be a string");
        byte[] encodedPath = ((RlpString) items.get(0)).getBytes();
        check(encodedPath.length > 0, "empty hex-prefix path");
        int flag = (encodedPath[0] & 0xff) >>> 4;
        check(flag <= 3, "bad hex-prefix flag " + flag);
        boolean leaf = (flag & 2) != 0;
        byte[] path = hexPrefixNibbles(encodedPath, (flag & 1) != 0);
        boolean matches = pos + path.length <= nibbles.length
            && Arrays.equals(path, Arrays.copyOfRange(nibbles, pos, pos + path.length));
        if (!matches) {
          check(used == proof.size(), "proof continues past a diverging path");
          return Optional.empty();
        }
        pos += path.length;
        if (leaf) {
          check(pos == nibbles.length, "leaf before the end of the key");
          check(used == proof.size(), "proof continues past the leaf");
          check(items.get(1) instanceof RlpString, "leaf value must be a string");
          return Optional.of(((RlpString) items.get(1)).getBytes());
        }
        child = items.get(1);
      } else {
        throw new AssertionError("a trie node has 2 or 17 items, not " + items.size());
      }
      if (child instanceof RlpList) {
        node = child; // inlined node (its RLP is under 32 bytes)
      } else {
        byte[] ref = ((RlpString) child).getBytes();
        check(ref.length == 32, "child reference of " + ref.length + " bytes");
        check(used < proof.size(), "proof ends before the key's path does");
        node = hashedNode(ref, proof, used++);
      }
    }
  }

  private static RlpType hashedNode(byte[] expectedHash, List<String> proof, int index) {
    byte[] encoded = Numeric.hexStringToByteArray(proof.get(index));
    check(Arrays.equals(expectedHash, Hash.sha3(encoded)), "proof node " + index + " does not hash to its reference");
    RlpList decoded = RlpDecoder.decode(encoded);
    check(decoded.getValues().size() == 1, "proof node " + index + " is not one RLP item");
    return decoded.getValues().get(0);
  }

  private static byte[] hexPrefixNibbles(byte[] encoded, boolean odd) {
    byte[] all = nibbles(encoded);
    // Drop the flag nibble, and the padding nibble when the path length is even.
    return Arrays.copyOfRange(all, odd ? 1 : 2, all.length);
  }

  private static byte[] nibbles(byte[] bytes) {
    byte[] out = new byte[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = (byte) ((bytes[i] & 0xff) >>> 4);
      out[2 * i + 1] = (byte) (bytes[i] & 0x0f);
    }
    return out;
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new AssertionError("invalid proof: " + message);
    }
  }
}
