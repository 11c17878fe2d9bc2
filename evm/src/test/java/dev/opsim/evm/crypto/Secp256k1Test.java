package dev.opsim.evm.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Hex;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class Secp256k1Test {
  /** The sender key of the Ethereum reference state tests and its address (stated by those tests' pre-states). */
  private static final byte[] STATE_TEST_KEY =
      Hex.decode("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8");
  private static final Address STATE_TEST_SENDER = Address.fromHex("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b");

  // EIP-155 "Example" section: signing data, its hash, the key and the resulting (v, r, s).
  private static final byte[] EIP155_SIGNING_DATA = Hex.decode(
      "0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080");
  private static final Hash EIP155_SIGNING_HASH =
      Hash.fromHex("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
  private static final byte[] EIP155_KEY =
      Hex.decode("0x4646464646464646464646464646464646464646464646464646464646464646");
  private static final BigInteger EIP155_V = BigInteger.valueOf(37);
  private static final BigInteger EIP155_R =
      new BigInteger("18515461264373351373200002665853028612451056578545711640558177340181847433846");
  private static final BigInteger EIP155_S =
      new BigInteger("46948507304638947509940763649030358759909902576025900602547168820602576006531");

  @Test
  void stateTestSecretKeyHasTheKnownAddress() {
    assertEquals(STATE_TEST_SENDER, Secp256k1.addressOf(STATE_TEST_KEY));
  }

  @Test
  void eip155ExampleSignatureIsReproducedByDeterministicSigning() {
    assertEquals(EIP155_SIGNING_HASH, Keccak.hash(EIP155_SIGNING_DATA));
    int yParity = Secp256k1.legacyYParity(EIP155_V).orElseThrow();
    assertEquals(BigInteger.ONE, Secp256k1.legacyChainId(EIP155_V).orElseThrow());

    Signature signature = Secp256k1.sign(EIP155_SIGNING_HASH, EIP155_KEY);

    assertEquals(new Signature(yParity, EIP155_R, EIP155_S), signature);
  }

  @Test
  void eip155ExampleSignatureRecoversTheSigner() {
    Optional<Address> sender = Secp256k1.recoverAddress(
        EIP155_SIGNING_HASH, new Signature(0, EIP155_R, EIP155_S));
    assertEquals(Optional.of(Secp256k1.addressOf(EIP155_KEY)), sender);
  }

  @Test
  void recoveryRejectsOutOfRangeValues() {
    byte[] hash = EIP155_SIGNING_HASH.toArray();
    assertTrue(Secp256k1.recoverAddress(hash, 0, BigInteger.ZERO, EIP155_S).isEmpty());
    assertTrue(Secp256k1.recoverAddress(hash, 0, EIP155_R, BigInteger.ZERO).isEmpty());
    assertTrue(Secp256k1.recoverAddress(hash, 0, Secp256k1.N, EIP155_S).isEmpty());
    assertTrue(Secp256k1.recoverAddress(hash, 0, EIP155_R, Secp256k1.N).isEmpty());
    assertTrue(Secp256k1.recoverAddress(hash, 2, EIP155_R, EIP155_S).isEmpty());
    assertTrue(Secp256k1.recoverAddress(new byte[31], 0, EIP155_R, EIP155_S).isEmpty());
  }

  @Test
  void rThatIsNoCurvePointsXRecoversNothing() {
    // SEC 2 section 2.4.1: p = 2^256 - 2^32 - 977, curve y^2 = x^3 + 7. Euler's criterion finds an x without a y.
    BigInteger p = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE.shiftLeft(32)).subtract(BigInteger.valueOf(977));
    BigInteger x = BigInteger.ONE;
    while (x.pow(3).add(BigInteger.valueOf(7)).modPow(p.shiftRight(1), p).equals(BigInteger.ONE)) {
      x = x.add(BigInteger.ONE);
    }
    byte[] hash = EIP155_SIGNING_HASH.toArray();
    assertTrue(Secp256k1.recoverAddress(hash, 0, x, EIP155_S).isEmpty());
    assertTrue(Secp256k1.recoverAddress(hash, 1, x, EIP155_S).isEmpty());
  }

  @Test
  void highSRecoversTheSameKeyWithTheOtherParity() {
    Signature low = Secp256k1.sign(EIP155_SIGNING_HASH, EIP155_KEY);
    BigInteger highS = Secp256k1.N.subtract(low.s());
    assertFalse(Secp256k1.isLowS(highS));
    assertTrue(Secp256k1.isLowS(low.s()));
    assertEquals(
        Secp256k1.recoverAddress(EIP155_SIGNING_HASH, low),
        Secp256k1.recoverAddress(EIP155_SIGNING_HASH, new Signature(1 - low.yParity(), low.r(), highS)));
  }

  @Test
  void lowSBoundaryIsHalfTheOrder() {
    assertTrue(Secp256k1.isLowS(Secp256k1.HALF_N));
    assertFalse(Secp256k1.isLowS(Secp256k1.HALF_N.add(BigInteger.ONE)));
    assertFalse(Secp256k1.isLowS(BigInteger.ZERO));
  }

  @Test
  void legacyVOutsideBothSchemesHasNoParity() {
    assertTrue(Secp256k1.legacyYParity(BigInteger.valueOf(26)).isEmpty());
    assertTrue(Secp256k1.legacyYParity(BigInteger.valueOf(29)).isEmpty());
    assertEquals(1, Secp256k1.legacyYParity(BigInteger.valueOf(28)).getAsInt());
    assertEquals(1, Secp256k1.legacyYParity(BigInteger.valueOf(38)).getAsInt());
    assertTrue(Secp256k1.legacyChainId(BigInteger.valueOf(28)).isEmpty());
  }

  @Test
  void invalidSecretKeysAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Secp256k1.addressOf(new byte[32]));
    byte[] order = new byte[32];
    byte[] n = Secp256k1.N.toByteArray();
    System.arraycopy(n, n.length - 32, order, 0, 32);
    assertThrows(IllegalArgumentException.class, () -> Secp256k1.addressOf(order));
    assertThrows(IllegalArgumentException.class, () -> Secp256k1.addressOf(new byte[31]));
    assertFalse(Secp256k1.isValidSecretKey(order));
  }

  @Test
  void signatureBytesAreRThenSThenParity() {
    Signature signature = new Signature(1, BigInteger.TWO, BigInteger.TEN);
    byte[] bytes = signature.toBytes();
    assertEquals(65, bytes.length);
    assertEquals(2, bytes[31]);
    assertEquals(10, bytes[63]);
    assertEquals(1, bytes[64]);
    assertEquals(28, signature.legacyV());
  }

  @Property(tries = 200)
  void signThenRecoverGivesTheSignersAddress(@ForAll("secretKeys") byte[] key, @ForAll("hashes") byte[] hash) {
    Signature signature = Secp256k1.sign(hash, key);
    assertTrue(Secp256k1.isLowS(signature.s()));
    assertEquals(Optional.of(Secp256k1.addressOf(key)),
        Secp256k1.recoverAddress(hash, signature.yParity(), signature.r(), signature.s()));
    assertArrayEquals(Secp256k1.publicKeyOf(key), Secp256k1.recoverPublicKey(hash, signature).orElseThrow());
  }

  @Property(tries = 100)
  void signingIsDeterministicAndKeyDependent(@ForAll("secretKeys") byte[] key, @ForAll("hashes") byte[] hash) {
    Signature first = Secp256k1.sign(hash, key);
    assertEquals(first, Secp256k1.sign(hash, key));
    byte[] otherHash = hash.clone();
    otherHash[0] ^= 1;
    assertNotEquals(first, Secp256k1.sign(otherHash, key));
  }

  @Property(tries = 300)
  void recoveryOfRandomValuesNeverThrows(@ForAll("hashes") byte[] hash, @ForAll("words") BigInteger r,
      @ForAll("words") BigInteger s, @ForAll int yParity) {
    Secp256k1.recoverAddress(hash, yParity, r, s);
  }

  @Provide
  Arbitrary<byte[]> secretKeys() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32).filter(Secp256k1::isValidSecretKey);
  }

  @Provide
  Arbitrary<byte[]> hashes() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32);
  }

  @Provide
  Arbitrary<BigInteger> words() {
    return Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE)),
        Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, Secp256k1.N.subtract(BigInteger.ONE), Secp256k1.N,
            Secp256k1.HALF_N));
  }
}
