package dev.opsim.engine.rpc;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;

/**
 * Makes Engine API tokens the way op-node does: HS256, claims {@code {"iat": now}} in whole seconds. A token
 * is good for about a minute (protocol reference 6.1), so callers issue one per request.
 */
public final class JwtIssuer {

  private static final String HEADER = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");

  private final byte[] key;
  private final InstantSource clock;

  public JwtIssuer(JwtSecret secret, InstantSource clock) {
    this.key = secret.bytes();
    this.clock = clock;
  }

  /** A token issued now. */
  public String issue() {
    return issue(clock.instant());
  }

  /** A token claiming to be issued at {@code issuedAt} (truncated to seconds). */
  public String issue(Instant issuedAt) {
    String signed = HEADER + "." + encode("{\"iat\":" + issuedAt.getEpochSecond() + "}");
    byte[] signature = HmacSha256.mac(key, signed.getBytes(StandardCharsets.US_ASCII));
    return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
  }

  /** The {@code Authorization} header value for a token issued now. */
  public String bearer() {
    return "Bearer " + issue();
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
