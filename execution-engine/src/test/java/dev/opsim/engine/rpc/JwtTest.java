package dev.opsim.engine.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HS256 tokens as protocol reference 6.1 describes them, checked against a fixed clock. */
class JwtTest {

  static final JwtSecret SECRET = JwtSecret.fromHex("0x" + "ab".repeat(32));
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00.250Z");
  static final InstantSource CLOCK = InstantSource.fixed(NOW);

  private final JwtVerifier verifier = new JwtVerifier(SECRET, CLOCK);
  private final JwtIssuer issuer = new JwtIssuer(SECRET, CLOCK);

  static String b64(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A token signed with {@code secret} over exactly the given header and claims JSON. */
  static String token(JwtSecret secret, String header, String claims) {
    String signed = b64(header) + "." + b64(claims);
    return signed + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(HmacSha256.mac(secret.bytes(), signed.getBytes(StandardCharsets.US_ASCII)));
  }

  static String hs256(String claims) {
    return token(SECRET, "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims);
  }

  private String reason(String token) {
    return assertThrows(JwtException.class, () -> verifier.verify(token)).getMessage();
  }

  @Test
  void hmacMatchesRfc4231TestCase2() {
    byte[] mac = HmacSha256.mac("Jefe".getBytes(StandardCharsets.US_ASCII),
        "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
    assertArrayEquals(
        HexFormat.of().parseHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"), mac);
  }

  @Test
  void issuedTokenHasTheStandardShapeAndVerifies() {
    String token = issuer.issue();
    String[] parts = token.split("\\.");
    assertEquals(3, parts.length);
    assertEquals("{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
        new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
    assertEquals("{\"iat\":" + NOW.getEpochSecond() + "}",
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    assertEquals(hs256("{\"iat\":" + NOW.getEpochSecond() + "}"), token);
    assertDoesNotThrow(() -> verifier.verify(token));
  }

  @Test
  void extraClaimsAndHeaderFieldsAreIgnored() {
    assertDoesNotThrow(() -> verifier.verify(
        hs256("{\"iat\":" + NOW.getEpochSecond() + ",\"id\":\"op-node\",\"clv\":\"v1.0\",\"exp\":1}")));
    assertDoesNotThrow(() -> verifier.verify(
        token(SECRET, "{\"alg\":\"HS256\"}", "{\"iat\":" + NOW.getEpochSecond() + ".5}")));
  }

  @Test
  void iatWithinSixtySecondsEitherWayIsAccepted() {
    // issue() truncates to whole seconds and NOW is 0.25 s past one: iat(NOW - 60 s) is 60.25 s old.
    assertDoesNotThrow(() -> verifier.verify(issuer.issue(NOW.minusSeconds(59))));
    assertDoesNotThrow(() -> verifier.verify(issuer.issue(NOW.plusSeconds(60))));
    assertEquals("stale token", reason(issuer.issue(NOW.minusSeconds(61))));
    assertEquals("stale token", reason(issuer.issue(NOW.minusSeconds(60))));
    assertEquals("future token", reason(issuer.issue(NOW.plusSeconds(62))));
    assertEquals("stale token", reason(issuer.issue(Instant.EPOCH)));
  }

  @Test
  void missingOrNonNumericIatIsRefused() {
    assertEquals("missing issued-at", reason(hs256("{}")));
    assertEquals("missing issued-at", reason(hs256("{\"iat\":null}")));
    assertEquals("issued-at is not a number", reason(hs256("{\"iat\":\"" + NOW.getEpochSecond() + "\"}")));
    assertEquals("stale token", reason(hs256("{\"iat\":-1e400}")));
    assertEquals("future token", reason(hs256("{\"iat\":1e400}")));
    assertEquals("future token", reason(hs256("{\"iat\":1e999999999}")));
    assertEquals("future token", reason(hs256("{\"iat\":" + "9".repeat(900) + "}")));
  }

  @Test
  void algNoneAndOtherAlgorithmsAreRefused() {
    String claims = b64("{\"iat\":" + NOW.getEpochSecond() + "}");
    assertTrue(reason(b64("{\"alg\":\"none\"}") + "." + claims + ".").contains("HS256"));
    assertTrue(reason(b64("{\"alg\":\"none\"}") + "." + claims).contains("malformed"));
    assertTrue(reason(token(SECRET, "{\"alg\":\"HS512\"}", "{\"iat\":" + NOW.getEpochSecond() + "}"))
        .contains("HS256"));
    assertTrue(reason(token(SECRET, "{\"alg\":\"hs256\"}", "{\"iat\":" + NOW.getEpochSecond() + "}"))
        .contains("HS256"));
    assertTrue(reason(token(SECRET, "{\"typ\":\"JWT\"}", "{\"iat\":" + NOW.getEpochSecond() + "}"))
        .contains("HS256"));
  }

  @Test
  void badSignatureOrWrongSecretIsRefused() {
    String good = issuer.issue();
    char last = good.charAt(good.length() - 2);
    String flipped = good.substring(0, good.length() - 2) + (last == 'A' ? 'B' : 'A') + good.charAt(good.length() - 1);
    assertEquals("signature is invalid", reason(flipped));
    JwtSecret other = JwtSecret.fromHex("cd".repeat(32));
    assertEquals("signature is invalid", reason(new JwtIssuer(other, CLOCK).issue()));
    assertEquals("signature is invalid", reason(good.substring(0, good.lastIndexOf('.') + 1)));
    // Claims swapped under a valid signature for other claims.
    String[] parts = good.split("\\.");
    assertEquals("signature is invalid",
        reason(parts[0] + "." + b64("{\"iat\":" + (NOW.getEpochSecond() + 1) + "}") + "." + parts[2]));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "..", "...", "a.b.c", "abc", "a.b.c.d", "!!.??.**", "e30.e30.e30"})
  void malformedTokensAreRefused(String token) {
    assertThrows(JwtException.class, () -> verifier.verify(token));
  }

  @Test
  void bearerHeaderIsRequired() {
    JwtAuthenticator authenticator = new JwtAuthenticator(verifier);
    assertTrue(authenticator.refusal("Bearer " + issuer.issue()).isEmpty());
    assertTrue(authenticator.refusal("bearer " + issuer.issue()).isEmpty());
    assertEquals("missing token", authenticator.refusal(null).orElseThrow());
    assertEquals("missing token", authenticator.refusal(issuer.issue()).orElseThrow());
    assertEquals("missing token", authenticator.refusal("Basic dXNlcjpwYXNz").orElseThrow());
    assertTrue(authenticator.refusal("Bearer " + issuer.issue(NOW.minusSeconds(120))).orElseThrow().contains("stale"));
  }

  @Test
  void secretHexMustBe32Bytes() {
    assertEquals(SECRET, JwtSecret.fromHex("ab".repeat(32)));
    assertEquals(SECRET, JwtSecret.fromHex("  0x" + "AB".repeat(32) + "\n"));
    assertThrows(IllegalArgumentException.class, () -> JwtSecret.fromHex("ab".repeat(31)));
    assertThrows(IllegalArgumentException.class, () -> JwtSecret.fromHex("ab".repeat(33)));
    assertThrows(IllegalArgumentException.class, () -> JwtSecret.fromHex("zz".repeat(32)));
    assertEquals("JwtSecret[redacted]", SECRET.toString());
  }
}
