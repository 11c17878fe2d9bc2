package dev.opsim.evm.precompile.bn254;

import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Test-only helpers: the curve constants as stated by their sources, a BigInteger reference for affine G1
 * arithmetic, encoders, and random points on the G2 twist (generally outside G2).
 */
final class Bn254TestSupport {
  /** EIP-196: the field modulus. */
  static final BigInteger P =
      new BigInteger("21888242871839275222246405745257275088696311157297823662689037894645226208583");
  /** EIP-196/197: the order of G1 and G2 (the curve order, "n" in the EIPs, "r" in pairing papers). */
  static final BigInteger R =
      new BigInteger("21888242871839275222246405745257275088548364400416034343698204186575808495617");
  /** The BN parameter from which both derive (Barreto-Naehrig 2005 family, the u of the alt_bn128 curve). */
  static final BigInteger U = new BigInteger("4965661367192848881");

  /** EIP-197: the G2 generator, x = X_IM·i + X_RE, y = Y_IM·i + Y_RE. */
  static final BigInteger G2_X_IM =
      new BigInteger("11559732032986387107991004021392285783925812861821192530917403151452391805634");
  static final BigInteger G2_X_RE =
      new BigInteger("10857046999023057135944570762232829481370756359578518086990519993285655852781");
  static final BigInteger G2_Y_IM =
      new BigInteger("4082367875863433681332203403145435568316851327593401208105741076214120093531");
  static final BigInteger G2_Y_RE =
      new BigInteger("8495653923123431417604973247489272438418190587263600148770280649306958101930");

  private Bn254TestSupport() {}

  static G2Point g2Generator() {
    return G2Point.affine(fp2(G2_X_RE, G2_X_IM), fp2(G2_Y_RE, G2_Y_IM));
  }

  static Fp fp(BigInteger value) {
    return Fp.of(value.mod(P));
  }

  static Fp2 fp2(BigInteger re, BigInteger im) {
    return new Fp2(fp(re), fp(im));
  }

  /** Scalars in [0, r), with the edges jqwik adds. */
  static Arbitrary<BigInteger> scalars() {
    return Arbitraries.bigIntegers().between(BigInteger.ZERO, R.subtract(BigInteger.ONE));
  }

  static Arbitrary<BigInteger> fieldElements() {
    return Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.ZERO, P.subtract(BigInteger.ONE)),
        Arbitraries.of(
            BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, P.subtract(BigInteger.ONE), P.subtract(BigInteger.TWO),
            P.shiftRight(1), P.shiftRight(1).add(BigInteger.ONE), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(192).subtract(BigInteger.ONE),
            BigInteger.ONE.shiftLeft(253)));
  }

  static byte[] word(BigInteger value) {
    byte[] out = new byte[32];
    byte[] raw = value.toByteArray();
    int length = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - length, out, 32 - length, length);
    return out;
  }

  static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int offset = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, offset, part.length);
      offset += part.length;
    }
    return out;
  }

  /** EIP-196 encoding of a G1 point: x ‖ y, zeros for infinity. */
  static byte[] encode(G1Point p) {
    return p.encode();
  }

  /** EIP-197 encoding of a G2 point: x_im ‖ x_re ‖ y_im ‖ y_re, zeros for infinity. */
  static byte[] encode(G2Point q) {
    byte[] out = new byte[128];
    if (!q.isInfinity()) {
      G2Point affine = q.toAffine();
      affine.x.c1.encode(out, 0);
      affine.x.c0.encode(out, 32);
      affine.y.c1.encode(out, 64);
      affine.y.c0.encode(out, 96);
    }
    return out;
  }

  static G1Point g1Multiple(BigInteger k) {
    return G1Point.GENERATOR.multiply(k.toByteArray());
  }

  static G2Point g2Multiple(BigInteger k) {
    return g2Generator().multiply(k.toByteArray());
  }

  /** A uniformly random point of E'(F_p²): pick x until x³ + b' is a square. */
  static G2Point randomTwistPoint(Random random) {
    while (true) {
      Fp2 x = fp2(new BigInteger(256, random), new BigInteger(256, random));
      Fp2 rhs = x.square().mul(x).add(G2Point.B);
      Fp2 y = sqrt(rhs);
      if (y != null) {
        return G2Point.affine(x, random.nextBoolean() ? y : y.neg());
      }
    }
  }

  /** A square root in F_p² (p ≡ 3 mod 4) through the norm, or null when there is none. */
  static Fp2 sqrt(Fp2 a) {
    BigInteger a0 = a.c0.toBigInteger();
    BigInteger a1 = a.c1.toBigInteger();
    Fp2 candidate;
    if (a1.signum() == 0) {
      BigInteger s = sqrt(a0);
      candidate = s != null ? fp2(s, BigInteger.ZERO) : fp2(BigInteger.ZERO, orZero(sqrt(a0.negate().mod(P))));
    } else {
      BigInteger norm = a0.multiply(a0).add(a1.multiply(a1)).mod(P);
      BigInteger s = sqrt(norm);
      if (s == null) {
        return null;
      }
      BigInteger half = BigInteger.TWO.modInverse(P);
      BigInteger t = a0.add(s).multiply(half).mod(P);
      BigInteger x0 = sqrt(t);
      if (x0 == null) {
        x0 = orZero(sqrt(a0.subtract(s).multiply(half).mod(P)));
      }
      if (x0.signum() == 0) {
        return null;
      }
      BigInteger x1 = a1.multiply(x0.shiftLeft(1).modInverse(P)).mod(P);
      candidate = fp2(x0, x1);
    }
    return candidate.square().equals(a) ? candidate : null;
  }

  private static BigInteger sqrt(BigInteger a) {
    BigInteger s = a.modPow(P.add(BigInteger.ONE).shiftRight(2), P);
    return s.multiply(s).mod(P).equals(a.mod(P)) ? s : null;
  }

  private static BigInteger orZero(BigInteger value) {
    return value == null ? BigInteger.ZERO : value;
  }

  /** Affine G1 arithmetic over BigInteger, the textbook chord-and-tangent law; null is the point at infinity. */
  record RefPoint(BigInteger x, BigInteger y) {
    static final RefPoint GENERATOR = new RefPoint(BigInteger.ONE, BigInteger.TWO);

    static RefPoint add(RefPoint a, RefPoint b) {
      if (a == null) {
        return b;
      }
      if (b == null) {
        return a;
      }
      BigInteger slope;
      if (a.x.equals(b.x)) {
        if (a.y.add(b.y).mod(P).signum() == 0) {
          return null;
        }
        slope = a.x.pow(2).multiply(BigInteger.valueOf(3)).multiply(a.y.shiftLeft(1).modInverse(P)).mod(P);
      } else {
        slope = b.y.subtract(a.y).multiply(b.x.subtract(a.x).modInverse(P)).mod(P);
      }
      BigInteger x3 = slope.pow(2).subtract(a.x).subtract(b.x).mod(P);
      BigInteger y3 = slope.multiply(a.x.subtract(x3)).subtract(a.y).mod(P);
      return new RefPoint(x3, y3);
    }

    static RefPoint multiply(RefPoint a, BigInteger k) {
      RefPoint result = null;
      for (int bit = k.bitLength() - 1; bit >= 0; bit--) {
        result = add(result, result);
        if (k.testBit(bit)) {
          result = add(result, a);
        }
      }
      return result;
    }

    static byte[] encode(RefPoint a) {
      return a == null ? new byte[64] : concat(word(a.x), word(a.y));
    }
  }
}
