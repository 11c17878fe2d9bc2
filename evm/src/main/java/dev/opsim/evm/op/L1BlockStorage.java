package dev.opsim.evm.op;

import dev.opsim.evm.state.BaseState;
import dev.opsim.evm.state.JournaledState;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.fee.L1Cost;
import dev.opsim.protocol.fee.L1CostFunction;
import dev.opsim.protocol.fee.L1FeeFormula;
import dev.opsim.protocol.fee.L1FeeParams;
import java.math.BigInteger;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The L1 fee parameters as the L1Block predeploy stores them (protocol-reference 4.7, 7.2). Layout checked against
 * ethereum-optimism/optimism {@code packages/contracts-bedrock/snapshots/storageLayout/L1Block.json} and op-geth
 * {@code core/types/rollup_cost.go}, which reads the same slots: slot 1 {@code basefee}; slot 3 packs
 * {@code sequenceNumber} (uint64, Solidity offset 0), {@code blobBaseFeeScalar} (uint32, offset 8) and
 * {@code baseFeeScalar} (uint32, offset 12), offsets counted in bytes from the least significant end; slot 5
 * {@code l1FeeOverhead}; slot 6 {@code l1FeeScalar}; slot 7 {@code blobBaseFee}.
 *
 * <p>op-geth reads these once per block, after the block's deposits have run (only the depositor can write them),
 * so the engine should read them after the deposits and before the first normal transaction.
 */
public final class L1BlockStorage {
  /** The L1Block predeploy (protocol-reference 1.1). */
  public static final Address L1_BLOCK = Address.fromHex("0x4200000000000000000000000000000000000015");

  static final UInt256 BASE_FEE_SLOT = UInt256.valueOf(1);
  static final UInt256 SCALARS_SLOT = UInt256.valueOf(3);
  static final UInt256 OVERHEAD_SLOT = UInt256.valueOf(5);
  static final UInt256 SCALAR_SLOT = UInt256.valueOf(6);
  static final UInt256 BLOB_BASE_FEE_SLOT = UInt256.valueOf(7);
  /** Solidity offsets within slot 3, in bytes from the least significant end. */
  private static final int BASE_FEE_SCALAR_OFFSET = 12;
  private static final int BLOB_BASE_FEE_SCALAR_OFFSET = 8;

  private L1BlockStorage() {}

  /** Every L1 fee field L1Block holds: the pre-Ecotone overhead and scalar and the Ecotone values. */
  public static L1FeeParams read(Function<UInt256, UInt256> slots) {
    Bytes packed = slots.apply(SCALARS_SLOT);
    return new L1FeeParams(
        big(slots.apply(BASE_FEE_SLOT)),
        big(slots.apply(OVERHEAD_SLOT)),
        big(slots.apply(SCALAR_SLOT)),
        big(slots.apply(BLOB_BASE_FEE_SLOT)),
        uint32At(packed, BASE_FEE_SCALAR_OFFSET),
        uint32At(packed, BLOB_BASE_FEE_SCALAR_OFFSET));
  }

  /** The values a Bedrock/Regolith cost function reads (slots 1, 5, 6); the Ecotone fields are zero. */
  public static L1FeeParams readBedrock(Function<UInt256, UInt256> slots) {
    return L1FeeParams.preEcotone(big(slots.apply(BASE_FEE_SLOT)), big(slots.apply(OVERHEAD_SLOT)),
        big(slots.apply(SCALAR_SLOT)));
  }

  public static L1FeeParams read(JournaledState state) {
    return read(key -> state.storage(L1_BLOCK, key));
  }

  public static L1FeeParams read(BaseState state) {
    return read(key -> state.storage(L1_BLOCK, key));
  }

  /**
   * The cost function for {@code formula} (chosen by the engine from the fork schedule) over L1Block's values.
   * {@link #read} keeps overhead and scalar so that Ecotone/Fjord can fall back to the Regolith function while the
   * Ecotone scalars are still empty (first Ecotone block, see {@link L1CostFunction}).
   */
  public static L1CostFunction costFunction(L1FeeFormula formula, Function<UInt256, UInt256> slots) {
    return new L1CostFunction(formula, read(slots));
  }

  /** The L1 data fee (and L1 gas used) of a transaction's signed EIP-2718 bytes; 0 for a deposit. */
  public static L1Cost l1Cost(L1FeeFormula formula, L1FeeParams params, byte[] signedTx) {
    return new L1CostFunction(formula, params).cost(signedTx);
  }

  private static BigInteger big(UInt256 value) {
    return value.toUnsignedBigInteger();
  }

  private static long uint32At(Bytes word, int offsetFromEnd) {
    int end = 32 - offsetFromEnd;
    return word.slice(end - 4, 4).toLong() & 0xFFFF_FFFFL;
  }
}
