package dev.opsim.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.evm.crypto.Secp256k1;
import dev.opsim.evm.crypto.Signature;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hex;
import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class EcRecoverPrecompileTest {
  private final EcRecoverPrecompile ecrecover = new EcRecoverPrecompile();

  // EIP-155 "Example": signing hash, key 0x46…46 and its (r, s) with y parity 0.
  private static final byte[] HASH = Hex.decode("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
  private static final byte[] KEY = Hex.decode("0x4646464646464646464646464646464646464646464646464646464646464646");
  private static final BigInteger R =
      new BigInteger("18515461264373351373200002665853028612451056578545711640558177340181847433846");
  private static final BigInteger S =
      new BigInteger("46948507304638947509940763649030358759909902576025900602547168820602576006531");

  private static byte[] input(byte[] hash, BigInteger v, BigInteger r, BigInteger s) {
    byte[] out = new byte[128];
    System.arraycopy(hash, 0, out, 0, 32);
    put(v, out, 32);
    put(r, out, 64);
    put(s, out, 96);
    return out;
  }

  private static void put(BigInteger value, byte[] out, int offset) {
    byte[] raw = value.toByteArray();
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, out, offset + 32 - len, len);
  }

  private static byte[] word(Address address) {
    return address.toWord().toArray();
  }

  @Test
  void recoversTheEip155ExampleSigner() {
    byte[] out = ecrecover.compute(input(HASH, BigInteger.valueOf(27), R, S));
    assertArrayEquals(word(Secp256k1.addressOf(KEY)), out);
    assertEquals(3000, ecrecover.gasCost(new byte[0]));
  }

  @Test
  void vOtherThan27Or28GivesEmptyOutputNotFailure() {
    for (long v : new long[] {0, 1, 26, 29, 37, 27 + 256}) {
      byte[] out = ecrecover.compute(input(HASH, BigInteger.valueOf(v), R, S));
      assertNotNull(out, "ecrecover never fails the call");
      assertEquals(0, out.length, "v = " + v);
    }
    BigInteger v27WithHighBits = BigInteger.ONE.shiftLeft(255).add(BigInteger.valueOf(27));
    assertEquals(0, ecrecover.compute(input(HASH, v27WithHighBits, R, S)).length);
  }

  @Test
  void outOfRangeROrSGivesEmptyOutput() {
    BigInteger v = BigInteger.valueOf(27);
    assertEquals(0, ecrecover.compute(input(HASH, v, BigInteger.ZERO, S)).length);
    assertEquals(0, ecrecover.compute(input(HASH, v, R, BigInteger.ZERO)).length);
    assertEquals(0, ecrecover.compute(input(HASH, v, Secp256k1.N, S)).length);
    assertEquals(0, ecrecover.compute(input(HASH, v, R, Secp256k1.N)).length);
  }

  @Test
  void highSIsAcceptedUnlikeInTransactions() {
    byte[] out = ecrecover.compute(input(HASH, BigInteger.valueOf(28), R, Secp256k1.N.subtract(S)));
    assertArrayEquals(word(Secp256k1.addressOf(KEY)), out);
  }

  @Test
  void shortInputIsZeroPaddedAndExtraInputIgnored() {
    byte[] full = input(HASH, BigInteger.valueOf(27), R, S);
    byte[] longer = new byte[200];
    System.arraycopy(full, 0, longer, 0, 128);
    longer[150] = 7;
    assertArrayEquals(ecrecover.compute(full), ecrecover.compute(longer));
    // s = 0 once the last word is cut away: no signer.
    assertEquals(0, ecrecover.compute(Arrays.copyOf(full, 96)).length);
    assertEquals(0, ecrecover.compute(new byte[0]).length);
  }

  @Property(tries = 100)
  void recoversWhatOurSignerSigned(@ForAll("keys") byte[] key, @ForAll("hashes") byte[] hash) {
    Signature signature = Secp256k1.sign(hash, key);
    byte[] out = ecrecover.compute(
        input(hash, BigInteger.valueOf(signature.legacyV()), signature.r(), signature.s()));
    assertArrayEquals(word(Secp256k1.addressOf(key)), out);
  }

  @Property(tries = 300)
  void randomInputNeverThrowsAndGivesEmptyOr32Bytes(@ForAll byte[] input) {
    byte[] out = ecrecover.compute(input);
    assertNotNull(out);
    assertTrue(out.length == 0 || out.length == 32);
  }

  @Property(tries = 300)
  void randomSignatureWithValidVNeverThrows(@ForAll("hashes") byte[] hash, @ForAll("hashes") byte[] r,
      @ForAll("hashes") byte[] s, @ForAll boolean odd) {
    BigInteger v = BigInteger.valueOf(odd ? 28 : 27);
    byte[] out = ecrecover.compute(input(hash, v, new BigInteger(1, r), new BigInteger(1, s)));
    assertTrue(out.length == 0 || out.length == 32);
  }

  @Provide
  Arbitrary<byte[]> keys() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32).filter(Secp256k1::isValidSecretKey);
  }

  @Provide
  Arbitrary<byte[]> hashes() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32);
  }
}
