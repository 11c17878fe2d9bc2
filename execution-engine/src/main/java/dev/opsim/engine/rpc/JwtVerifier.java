package dev.opsim.engine.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;

/**
 * Checks an Engine API JWT (protocol reference 6.1): compact JWS with header {@code alg} exactly
 * {@code HS256} (so {@code none} and every other algorithm are refused), an HMAC-SHA256 signature compared
 * in constant time, and a numeric {@code iat} claim within ±60 s of the clock. Other claims are ignored,
 * as geth ignores them.
 */
public final class JwtVerifier {

  /** How far {@code iat} may be from the server's clock, either way. */
  public static final Duration MAX_IAT_DRIFT = Duration.ofSeconds(60);
  // Real tokens are ~150 characters; a bound keeps the work per refused request small.
  private static final int MAX_TOKEN_LENGTH = 4096;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final byte[] key;
  private final InstantSource clock;

  public JwtVerifier(JwtSecret secret, InstantSource clock) {
    this.key = secret.bytes();
    this.clock = clock;
  }

  /** Returns normally for a valid token, else throws with a short reason. */
  public void verify(String token) throws JwtException {
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new JwtException("token too long");
    }
    int headerEnd = token.indexOf('.');
    int claimsEnd = headerEnd < 0 ? -1 : token.indexOf('.', headerEnd + 1);
    if (claimsEnd < 0 || token.indexOf('.', claimsEnd + 1) >= 0) {
      throw new JwtException("malformed token");
    }
    JsonNode header = jsonPart(token.substring(0, headerEnd), "header");
    JsonNode alg = header.get("alg");
    if (alg == null || !alg.isTextual() || !alg.textValue().equals("HS256")) {
      throw new JwtException("signing method must be HS256");
    }
    byte[] signature = base64(token.substring(claimsEnd + 1), "signature");
    byte[] expected = HmacSha256.mac(key, token.substring(0, claimsEnd).getBytes(StandardCharsets.US_ASCII));
    if (!MessageDigest.isEqual(expected, signature)) {
      throw new JwtException("signature is invalid");
    }
    JsonNode claims = jsonPart(token.substring(headerEnd + 1, claimsEnd), "claims");
    checkIssuedAt(claims.get("iat"));
  }

  private void checkIssuedAt(JsonNode iat) throws JwtException {
    if (iat == null || iat.isNull()) {
      throw new JwtException("missing issued-at");
    }
    if (!iat.isNumber()) {
      throw new JwtException("issued-at is not a number");
    }
    // Doubles, not BigDecimal: an exponent like 1e999999999 must not turn into a billion-digit number.
    // Sub-microsecond precision near today's timestamps is plenty for a 60 s window.
    Instant now = clock.instant();
    double age = now.getEpochSecond() + now.getNano() / 1e9 - iat.doubleValue();
    double drift = MAX_IAT_DRIFT.toSeconds();
    if (age > drift) {
      throw new JwtException("stale token");
    }
    if (-age > drift) {
      throw new JwtException("future token");
    }
  }

  private static JsonNode jsonPart(String part, String what) throws JwtException {
    byte[] bytes = base64(part, what);
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new JwtException("malformed token " + what);
      }
      return node;
    } catch (IOException | RuntimeException e) {
      throw new JwtException("malformed token " + what);
    }
  }

  private static byte[] base64(String part, String what) throws JwtException {
    try {
      return Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      throw new JwtException("malformed token " + what);
    }
  }
}
