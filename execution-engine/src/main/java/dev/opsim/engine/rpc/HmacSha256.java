package dev.opsim.engine.rpc;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256, the JWS "HS256" algorithm (RFC 7518 section 3.2). */
final class HmacSha256 {

  private HmacSha256() {}

  static byte[] mac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256"); // Mac instances are not thread-safe: one per call
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }
}
