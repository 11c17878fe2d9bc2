package dev.opsim.protocol.config;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The L1 SystemConfig values that derivation carries from block to block (protocol-reference 5.10, 12.1).
 *
 * <p>{@code overhead} and {@code scalar} are kept as the raw 32-byte words SystemConfig emits: before Ecotone both
 * go to L2 unchanged, from Ecotone {@code scalar} is a versioned encoding (see {@link EcotoneScalars}).
 * {@code eip1559Params} (Holocene) is {@code denominator(u32) ++ elasticity(u32)}; {@code operatorFeeParams}
 * (Isthmus) is the word {@code scalar(u32) << 64 | constant(u64)}; {@code minBaseFee} and
 * {@code daFootprintGasScalar} (u16) are Jovian's. Zero means "never set" for the four later fields.
 */
public record SystemConfig(
    Address batcherAddr,
    Bytes32 overhead,
    Bytes32 scalar,
    long gasLimit,
    Bytes eip1559Params,
    Bytes32 operatorFeeParams,
    long minBaseFee,
    int daFootprintGasScalar) {

  public static final int EIP1559_PARAMS_SIZE = 8;
  private static final Bytes NO_EIP1559_PARAMS = Bytes.wrap(new byte[EIP1559_PARAMS_SIZE]);

  public SystemConfig {
    if (batcherAddr == null || overhead == null || scalar == null || eip1559Params == null
        || operatorFeeParams == null) {
      throw new IllegalArgumentException("system config fields must not be null");
    }
    if (eip1559Params.size() != EIP1559_PARAMS_SIZE) {
      throw new IllegalArgumentException("eip1559Params is 8 bytes, got " + eip1559Params.size());
    }
    if (daFootprintGasScalar < 0 || daFootprintGasScalar > 0xFFFF) {
      throw new IllegalArgumentException("daFootprintGasScalar is a uint16, got " + daFootprintGasScalar);
    }
    overhead = Bytes32.wrap(overhead.toArray());
    scalar = Bytes32.wrap(scalar.toArray());
    eip1559Params = Bytes.wrap(eip1559Params.toArray());
    operatorFeeParams = Bytes32.wrap(operatorFeeParams.toArray());
  }

  /** The Bedrock-era system config: batcher, fee overhead and scalar, gas limit; later fields unset. */
  public SystemConfig(Address batcherAddr, Bytes32 overhead, Bytes32 scalar, long gasLimit) {
    this(batcherAddr, overhead, scalar, gasLimit, NO_EIP1559_PARAMS, Bytes32.ZERO, 0, 0);
  }

  /** The version-0 batcher hash the L1 info deposit carries: 12 zero bytes ++ address (protocol-reference 4.1). */
  public Hash batcherHash() {
    return new Hash(batcherAddr.toWord());
  }

  /** Holocene EIP-1559 denominator (0 = never set: the engine uses the chain's Canyon constant). */
  public long eip1559Denominator() {
    return eip1559Params.slice(0, 4).toLong() & 0xFFFFFFFFL;
  }

  /** Holocene EIP-1559 elasticity (0 = never set). */
  public long eip1559Elasticity() {
    return eip1559Params.slice(4, 4).toLong() & 0xFFFFFFFFL;
  }

  /** Isthmus operator fee scalar, a uint32 (protocol-reference 12.1, update type 5). */
  public long operatorFeeScalar() {
    return operatorFeeParams.slice(20, 4).toLong() & 0xFFFFFFFFL;
  }

  /** Isthmus operator fee constant, a uint64. */
  public long operatorFeeConstant() {
    return operatorFeeParams.slice(24, 8).toLong();
  }

  /** The operator fee word as SystemConfig emits it: {@code uint256(scalar) << 64 | constant}. */
  public static Bytes32 operatorFeeParams(long scalar, long constant) {
    if (scalar < 0 || scalar > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("operator fee scalar is a uint32, got " + scalar);
    }
    return Bytes32.leftPad(Bytes.concatenate(Bytes.ofUnsignedInt(scalar), Bytes.ofUnsignedLong(constant)));
  }

  /** The Holocene parameter bytes {@code denominator(u32) ++ elasticity(u32)}. */
  public static Bytes eip1559Params(long denominator, long elasticity) {
    if (denominator < 0 || denominator > 0xFFFFFFFFL || elasticity < 0 || elasticity > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("EIP-1559 denominator and elasticity are uint32s");
    }
    return Bytes.concatenate(Bytes.ofUnsignedInt(denominator), Bytes.ofUnsignedInt(elasticity));
  }
}
