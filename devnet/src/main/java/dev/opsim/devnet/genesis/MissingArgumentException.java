package dev.opsim.devnet.genesis;

/** A constructor or initialiser has a parameter no value is registered for (often: a contract not deployed). */
public final class MissingArgumentException extends DeploymentException {
  public MissingArgumentException(String message) {
    super(message);
  }
}
