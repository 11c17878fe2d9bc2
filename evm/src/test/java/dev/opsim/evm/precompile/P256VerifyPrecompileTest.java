package dev.opsim.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.Hex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** RFC 6979 appendix A.2.5 (P-256, SHA-256) signatures, which the precompile must accept. */
class P256VerifyPrecompileTest {
  private final P256VerifyPrecompile p256 = new P256VerifyPrecompile();

  private static final String UX = "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6";
  private static final String UY = "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299";
  private static final String SAMPLE_R = "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716";
  private static final String SAMPLE_S = "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8";
  private static final String TEST_R = "f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367";
  private static final String TEST_S = "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083";
  private static final String ONE = "0x0000000000000000000000000000000000000000000000000000000000000001";

  private static String sha256(String message) {
    try {
      return Hex.encode(MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.US_ASCII)))
          .substring(2);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] input(String hash, String r, String s, String x, String y) {
    return Hex.decode(hash + r + s + x + y);
  }

  @Test
  void rfc6979SignaturesVerify() {
    assertEquals(ONE, Hex.encode(p256.compute(input(sha256("sample"), SAMPLE_R, SAMPLE_S, UX, UY))));
    assertEquals(ONE, Hex.encode(p256.compute(input(sha256("test"), TEST_R, TEST_S, UX, UY))));
    assertEquals(3450, p256.gasCost(new byte[0]));
  }

  @Test
  void wrongMessageOrSwappedSignatureGivesEmptyOutput() {
    assertEquals(0, p256.compute(input(sha256("test"), SAMPLE_R, SAMPLE_S, UX, UY)).length);
    assertEquals(0, p256.compute(input(sha256("sample"), SAMPLE_S, SAMPLE_R, UX, UY)).length);
  }

  @Test
  void invalidKeysAndScalarsGiveEmptyOutput() {
    String zero = "00".repeat(32);
    String order = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551";
    String hash = sha256("sample");
    assertEquals(0, p256.compute(input(hash, SAMPLE_R, SAMPLE_S, zero, zero)).length);
    assertEquals(0, p256.compute(input(hash, SAMPLE_R, SAMPLE_S, UX, UX)).length);
    assertEquals(0, p256.compute(input(hash, zero, SAMPLE_S, UX, UY)).length);
    assertEquals(0, p256.compute(input(hash, SAMPLE_R, order, UX, UY)).length);
    assertEquals(0, p256.compute(input(hash, SAMPLE_R, SAMPLE_S, "ff".repeat(32), UY)).length);
    byte[] valid = input(hash, SAMPLE_R, SAMPLE_S, UX, UY);
    assertEquals(0, p256.compute(Arrays.copyOf(valid, 159)).length);
    assertEquals(0, p256.compute(Arrays.copyOf(valid, 161)).length);
  }

  @Property(tries = 300)
  void randomInputNeverThrowsOrFailsTheCall(@ForAll byte[] input) {
    byte[] out = p256.compute(input);
    assertNotNull(out);
    assertTrue(out.length == 0 || out.length == 32);
  }

  @Property(tries = 200)
  void randomWellSizedInputNeverThrows(@ForAll @Size(160) byte[] input) {
    byte[] out = p256.compute(input);
    assertTrue(out.length == 0 || out.length == 32);
  }
}
