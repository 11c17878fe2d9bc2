package dev.opsim.evm.precompile;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * P256VERIFY (RIP-7212, secp256r1 signature verification), which the OP Stack adds at
 * {@code 0x0000000000000000000000000000000000000100} from Fjord (protocol-reference, predeploys section). Input
 * {@code hash(32) ‖ r(32) ‖ s(32) ‖ x(32) ‖ y(32)}; output the word 1 when the signature verifies, and empty output
 * otherwise (wrong input length, r or s outside [1, n-1], a public key that is not a curve point). Never fails
 * the call. Not one of the Cancun precompiles 0x01–0x0a: the fork wiring decides where it is active.
 */
public final class P256VerifyPrecompile implements PrecompiledContract {
  /** RIP-7212's price, the one OP Fjord adopted. */
  public static final long FJORD_GAS = 3450;
  static final int INPUT_LENGTH = 160;

  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
  private static final BigInteger FIELD_PRIME = CURVE.getCurve().getField().getCharacteristic();
  private static final byte[] EMPTY = new byte[0];

  private final long gas;

  public P256VerifyPrecompile() {
    this(FJORD_GAS);
  }

  /** For a fork that reprices it. */
  public P256VerifyPrecompile(long gas) {
    this.gas = gas;
  }

  @Override
  public long gasCost(byte[] input) {
    return gas;
  }

  @Override
  public byte[] compute(byte[] input) {
    if (input.length != INPUT_LENGTH) {
      return EMPTY;
    }
    byte[] hash = Arrays.copyOfRange(input, 0, 32);
    BigInteger r = word(input, 32);
    BigInteger s = word(input, 64);
    BigInteger x = word(input, 96);
    BigInteger y = word(input, 128);
    BigInteger n = DOMAIN.getN();
    if (r.signum() == 0 || r.compareTo(n) >= 0 || s.signum() == 0 || s.compareTo(n) >= 0) {
      return EMPTY;
    }
    if (x.compareTo(FIELD_PRIME) >= 0 || y.compareTo(FIELD_PRIME) >= 0) {
      return EMPTY;
    }
    ECPoint publicKey;
    try {
      // validatePoint rejects coordinates off the curve; (0, 0) is off it too (b != 0), so no infinity here.
      publicKey = DOMAIN.getCurve().validatePoint(x, y);
    } catch (IllegalArgumentException notOnCurve) {
      return EMPTY;
    }
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, new ECPublicKeyParameters(publicKey, DOMAIN));
    if (!verifier.verifySignature(hash, r, s)) {
      return EMPTY;
    }
    byte[] one = new byte[32];
    one[31] = 1;
    return one;
  }

  private static BigInteger word(byte[] input, int offset) {
    return new BigInteger(1, Arrays.copyOfRange(input, offset, offset + 32));
  }
}
