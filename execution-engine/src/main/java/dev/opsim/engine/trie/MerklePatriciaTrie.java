package dev.opsim.engine.trie;

import dev.opsim.protocol.Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.tuweni.bytes.Bytes;

/**
 * The modified Merkle-Patricia trie of the Yellow Paper, appendix D: a map from byte keys to non-empty byte values
 * whose root hash commits to the whole content. Nodes whose encoding is shorter than 32 bytes are embedded in
 * their parent; the root is always hashed.
 *
 * <p>Updates copy the path to the key and share the rest, and every node caches its encoding and hash, so after
 * a batch of updates {@link #rootHash()} hashes only the changed paths. A trie loaded from a root hash reads nodes
 * from its {@link NodeStore} only when a walk reaches them. {@link #commit()} writes the nodes that are not yet in
 * the store as one batch. {@link #copy()} is a cheap snapshot sharing all nodes.
 *
 * <p>Not thread-safe, and neither are copies of one trie among themselves: shared nodes fill their caches
 * lazily. Confine a trie and its copies to one thread at a time. A missing or corrupt stored node surfaces as
 * {@link TrieStorageException} when a walk reaches it, not when the trie is opened.
 */
public final class MerklePatriciaTrie {
  /** Keccak-256 of RLP("") (0x80): the root of a trie with no keys. */
  public static final Hash EMPTY_ROOT =
      Hash.fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

  private final NodeStore store;
  private Node root;

  /** An empty trie whose commits go to {@code store}. */
  public MerklePatriciaTrie(NodeStore store) {
    this(store, EMPTY_ROOT);
  }

  /** The trie with this root, its nodes read from {@code store} as needed. */
  public MerklePatriciaTrie(NodeStore store, Hash rootHash) {
    this.store = Objects.requireNonNull(store, "store");
    this.root = rootHash.equals(EMPTY_ROOT) ? null : new HashNode(rootHash);
  }

  private MerklePatriciaTrie(NodeStore store, Node root) {
    this.store = store;
    this.root = root;
  }

  /** An empty trie over a fresh in-memory store, for computing roots. */
  public static MerklePatriciaTrie inMemory() {
    return new MerklePatriciaTrie(new InMemoryNodeStore());
  }

  /** A snapshot: later changes to either trie do not show in the other. Both commit to the same store. */
  public MerklePatriciaTrie copy() {
    return new MerklePatriciaTrie(store, root);
  }

  public NodeStore store() {
    return store;
  }

  public boolean isEmpty() {
    return root == null;
  }

  /** The value stored under {@code key}, or empty. */
  public Optional<Bytes> get(Bytes key) {
    byte[] path = Nibbles.fromBytes(key.toArrayUnsafe());
    Node node = root;
    int offset = 0;
    while (true) {
      switch (node) {
        case null -> {
          return Optional.empty();
        }
        case HashNode h -> node = h.resolve(store);
        case LeafNode leaf -> {
          return Nibbles.equalsRest(path, offset, leaf.path) ? Optional.of(Bytes.wrap(leaf.value)) : Optional.empty();
        }
        case ExtensionNode ext -> {
          if (!Nibbles.startsWith(path, offset, ext.path)) {
            return Optional.empty();
          }
          offset += ext.path.length;
          node = ext.child;
        }
        case BranchNode branch -> {
          if (offset == path.length) {
            return branch.value == null ? Optional.empty() : Optional.of(Bytes.wrap(branch.value));
          }
          node = branch.children[path[offset++]];
        }
      }
    }
  }

  /** Stores {@code value} under {@code key}; an empty value deletes the key, as the trie holds no empty values. */
  public void put(Bytes key, Bytes value) {
    if (value.isEmpty()) {
      delete(key);
      return;
    }
    root = insert(root, Nibbles.fromBytes(key.toArrayUnsafe()), 0, value.toArray());
  }

  /** Removes {@code key}; nothing happens if it is absent. */
  public void delete(Bytes key) {
    root = remove(root, Nibbles.fromBytes(key.toArrayUnsafe()), 0);
  }

  /** Keccak of the root node's encoding, or {@link #EMPTY_ROOT}. Hashes only nodes changed since last asked. */
  public Hash rootHash() {
    return root == null ? EMPTY_ROOT : root.hash();
  }

  /**
   * Writes every node not yet in the store (those of 32 bytes or more, and the root whatever its size) in one
   * {@link NodeStore#putAll} batch, and returns the root hash. A trie can later be reloaded from that hash.
   */
  public Hash commit() {
    if (root == null) {
      return EMPTY_ROOT;
    }
    Map<Hash, Bytes> batch = new HashMap<>();
    List<Node> written = new ArrayList<>();
    collectUnstored(root, batch, written);
    if (!(root instanceof HashNode) && root.embedded()) {
      // A small root is embedded nowhere, so it must be findable by its hash (it may have been stored only
      // inside an old parent).
      batch.put(root.hash(), Bytes.wrap(root.encoded()));
    }
    if (!batch.isEmpty()) {
      store.putAll(batch);
    }
    for (Node node : written) {
      node.markStored();
    }
    return root.hash();
  }

  private static void collectUnstored(Node node, Map<Hash, Bytes> batch, List<Node> written) {
    if (node == null || node.stored()) {
      return;
    }
    switch (node) {
      case ExtensionNode ext -> collectUnstored(ext.child, batch, written);
      case BranchNode branch -> {
        for (Node child : branch.children) {
          collectUnstored(child, batch, written);
        }
      }
      default -> {}
    }
    written.add(node);
    if (!node.embedded()) {
      batch.put(node.hash(), Bytes.wrap(node.encoded()));
    }
  }

  /**
   * The nodes on the way from the root to {@code key}'s position, root first, as EIP-1186 {@code eth_getProof}
   * lists them: each node referenced by hash (and the root), not the ones embedded in a parent. It proves the
   * value if the key is present and its absence otherwise; {@link MerkleProof#verify} checks it.
   */
  public List<Bytes> proof(Bytes key) {
    byte[] path = Nibbles.fromBytes(key.toArrayUnsafe());
    List<Bytes> nodes = new ArrayList<>();
    Node node = root;
    int offset = 0;
    boolean first = true;
    while (node != null) {
      if (node instanceof HashNode h) {
        node = h.resolve(store);
      }
      if (first || !node.embedded()) {
        nodes.add(Bytes.wrap(node.encoded()));
      }
      first = false;
      switch (node) {
        case LeafNode leaf -> node = null;
        case ExtensionNode ext -> {
          if (Nibbles.startsWith(path, offset, ext.path)) {
            offset += ext.path.length;
            node = ext.child;
          } else {
            node = null;
          }
        }
        case BranchNode branch -> node = offset == path.length ? null : branch.children[path[offset++]];
        case HashNode h -> throw new IllegalStateException("a resolved node is never a hash node");
      }
    }
    return nodes;
  }

  /** Visits every key and value in key order (resolving the whole trie from the store). */
  public void forEach(BiConsumer<Bytes, Bytes> visitor) {
    visit(root, Nibbles.EMPTY, visitor);
  }

  private void visit(Node node, byte[] prefix, BiConsumer<Bytes, Bytes> visitor) {
    switch (node) {
      case null -> {}
      case HashNode h -> visit(h.resolve(store), prefix, visitor);
      case LeafNode leaf -> visitor.accept(keyOf(Nibbles.concat(prefix, leaf.path)), Bytes.wrap(leaf.value));
      case ExtensionNode ext -> visit(ext.child, Nibbles.concat(prefix, ext.path), visitor);
      case BranchNode branch -> {
        if (branch.value != null) {
          visitor.accept(keyOf(prefix), Bytes.wrap(branch.value));
        }
        for (int i = 0; i < 16; i++) {
          if (branch.children[i] != null) {
            visit(branch.children[i], Nibbles.concat(prefix, new byte[] {(byte) i}), visitor);
          }
        }
      }
    }
  }

  private static Bytes keyOf(byte[] nibbles) {
    byte[] key = new byte[nibbles.length / 2];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) ((nibbles[2 * i] << 4) | nibbles[2 * i + 1]);
    }
    return Bytes.wrap(key);
  }

  private Node insert(Node node, byte[] key, int offset, byte[] value) {
    return switch (node) {
      case null -> new LeafNode(Nibbles.slice(key, offset, key.length), value);
      case HashNode h -> {
        Node resolved = h.resolve(store);
        Node updated = insert(resolved, key, offset, value);
        yield updated == resolved ? h : updated;
      }
      case LeafNode leaf -> insertAtLeaf(leaf, key, offset, value);
      case ExtensionNode ext -> insertAtExtension(ext, key, offset, value);
      case BranchNode branch -> {
        if (offset == key.length) {
          yield Arrays.equals(branch.value, value) ? branch : branch.withValue(value);
        }
        int nibble = key[offset];
        Node child = branch.children[nibble];
        Node updated = insert(child, key, offset + 1, value);
        yield updated == child ? branch : branch.withChild(nibble, updated);
      }
    };
  }

  private static Node insertAtLeaf(LeafNode leaf, byte[] key, int offset, byte[] value) {
    int match = Nibbles.commonPrefix(leaf.path, key, offset);
    int rest = key.length - offset;
    if (match == leaf.path.length && match == rest) {
      return Arrays.equals(leaf.value, value) ? leaf : new LeafNode(leaf.path, value);
    }
    Node[] children = new Node[16];
    byte[] branchValue = null;
    if (match == leaf.path.length) {
      branchValue = leaf.value;
    } else {
      children[leaf.path[match]] = new LeafNode(Nibbles.slice(leaf.path, match + 1, leaf.path.length), leaf.value);
    }
    if (match == rest) {
      branchValue = value;
    } else {
      children[key[offset + match]] = new LeafNode(Nibbles.slice(key, offset + match + 1, key.length), value);
    }
    Node branch = new BranchNode(children, branchValue);
    return match == 0 ? branch : new ExtensionNode(Nibbles.slice(leaf.path, 0, match), branch);
  }

  private Node insertAtExtension(ExtensionNode ext, byte[] key, int offset, byte[] value) {
    int match = Nibbles.commonPrefix(ext.path, key, offset);
    if (match == ext.path.length) {
      Node updated = insert(ext.child, key, offset + match, value);
      return updated == ext.child ? ext : new ExtensionNode(ext.path, updated);
    }
    Node[] children = new Node[16];
    byte[] branchValue = null;
    children[ext.path[match]] = match + 1 == ext.path.length
        ? ext.child
        : new ExtensionNode(Nibbles.slice(ext.path, match + 1, ext.path.length), ext.child);
    if (offset + match == key.length) {
      branchValue = value;
    } else {
      children[key[offset + match]] = new LeafNode(Nibbles.slice(key, offset + match + 1, key.length), value);
    }
    Node branch = new BranchNode(children, branchValue);
    return match == 0 ? branch : new ExtensionNode(Nibbles.slice(ext.path, 0, match), branch);
  }

  /** The node without {@code key}; the same node if the key is absent, null if nothing is left. */
  private Node remove(Node node, byte[] key, int offset) {
    return switch (node) {
      case null -> null;
      case HashNode h -> {
        Node resolved = h.resolve(store);
        Node updated = remove(resolved, key, offset);
        yield updated == resolved ? h : updated;
      }
      case LeafNode leaf -> Nibbles.equalsRest(key, offset, leaf.path) ? null : leaf;
      case ExtensionNode ext -> {
        if (!Nibbles.startsWith(key, offset, ext.path)) {
          yield ext;
        }
        Node updated = remove(ext.child, key, offset + ext.path.length);
        yield updated == ext.child ? ext : joinPath(ext.path, updated);
      }
      case BranchNode branch -> {
        if (offset == key.length) {
          yield branch.value == null ? branch : collapse(branch.children, null);
        }
        int nibble = key[offset];
        Node child = branch.children[nibble];
        Node updated = remove(child, key, offset + 1);
        if (updated == child) {
          yield branch;
        }
        Node[] children = branch.children.clone();
        children[nibble] = updated;
        yield collapse(children, branch.value);
      }
    };
  }

  /** A branch with these entries, or the smaller node that must replace it when it has fewer than two. */
  private Node collapse(Node[] children, byte[] value) {
    int count = 0;
    int last = -1;
    for (int i = 0; i < 16; i++) {
      if (children[i] != null) {
        count++;
        last = i;
      }
    }
    if (count >= 2 || (count == 1 && value != null)) {
      return new BranchNode(children, value);
    }
    if (count == 0) {
      return value == null ? null : new LeafNode(Nibbles.EMPTY, value);
    }
    return joinPath(new byte[] {(byte) last}, children[last]);
  }

  /** {@code path} followed by {@code child}, merged into one node where the child is a leaf or extension. */
  private Node joinPath(byte[] path, Node child) {
    return switch (child) {
      case null -> null;
      case LeafNode leaf -> new LeafNode(Nibbles.concat(path, leaf.path), leaf.value);
      case ExtensionNode ext -> new ExtensionNode(Nibbles.concat(path, ext.path), ext.child);
      case BranchNode branch -> new ExtensionNode(path, branch);
      case HashNode h -> {
        Node resolved = h.resolve(store);
        yield resolved instanceof BranchNode ? new ExtensionNode(path, h) : joinPath(path, resolved);
      }
    };
  }
}
