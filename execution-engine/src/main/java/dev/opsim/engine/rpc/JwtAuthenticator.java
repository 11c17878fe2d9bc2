package dev.opsim.engine.rpc;

import java.util.Optional;

/** Engine API authentication: {@code Authorization: Bearer <jwt>} checked by a {@link JwtVerifier}. */
public final class JwtAuthenticator implements HttpAuthenticator {

  private static final String SCHEME = "Bearer ";

  private final JwtVerifier verifier;

  public JwtAuthenticator(JwtVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public Optional<String> refusal(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.of("missing token");
    }
    try {
      verifier.verify(authorization.substring(SCHEME.length()).strip());
      return Optional.empty();
    } catch (JwtException e) {
      return Optional.of("invalid token: " + e.getMessage());
    }
  }
}
