package dev.opsim.engine.blockchain;

/** A block could not be built from the request (unknown parent, a forced transaction that does not apply...). */
public final class BuildException extends Exception {
  public BuildException(String message) {
    super(message);
  }
}
