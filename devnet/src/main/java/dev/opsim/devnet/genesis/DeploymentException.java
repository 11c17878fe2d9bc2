package dev.opsim.devnet.genesis;

/** A genesis deployment step failed: a missing argument, a reverted constructor or initialiser. */
public class DeploymentException extends RuntimeException {
  public DeploymentException(String message) {
    super(message);
  }
}
