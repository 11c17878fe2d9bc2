package dev.opsim.engine.trie;

/**
 * The node store lacks a node a root refers to, or holds bytes that are not a node. The store is our own data, so
 * this is a broken invariant (a wrong root, a lost write), not bad outside input.
 */
public class TrieStorageException extends RuntimeException {
  public TrieStorageException(String message) {
    super(message);
  }

  public TrieStorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
