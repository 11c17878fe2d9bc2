package dev.opsim.engine.store;

/**
 * The database could not be opened, read or written (I/O error, corruption, a closed store). It is our own
 * storage, so this is not bad outside input: callers let it fail loudly.
 */
public class StoreException extends RuntimeException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
