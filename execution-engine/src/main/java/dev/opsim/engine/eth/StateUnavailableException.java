package dev.opsim.engine.eth;

/**
 * The state of a known block cannot be read (pruned or missing trie nodes). Unchecked so state reads stay plain;
 * the eth methods answer -32000 with the message, as geth does for "missing trie node".
 */
public final class StateUnavailableException extends RuntimeException {
  public StateUnavailableException(String message) {
    super(message);
  }
}
