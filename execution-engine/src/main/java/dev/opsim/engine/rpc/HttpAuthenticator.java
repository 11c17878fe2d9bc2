package dev.opsim.engine.rpc;

import java.util.Optional;

/**
 * Decides from a request's {@code Authorization} header whether the request may proceed; a refusal is
 * answered with HTTP 401 before the body is read.
 */
@FunctionalInterface
public interface HttpAuthenticator {

  /** Lets every request through (the public port). */
  HttpAuthenticator NONE = authorization -> Optional.empty();

  /**
   * @param authorization the header's value, or null when the request has none
   * @return empty to accept, else a short reason for the 401 body
   */
  Optional<String> refusal(String authorization);
}
