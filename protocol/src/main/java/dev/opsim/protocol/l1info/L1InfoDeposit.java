package dev.opsim.protocol.l1info;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.config.EcotoneScalars;
import dev.opsim.protocol.config.Fork;
import dev.opsim.protocol.config.RollupConfig;
import dev.opsim.protocol.config.SystemConfig;
import dev.opsim.protocol.deposit.DepositTx;
import dev.opsim.protocol.deposit.SourceHash;
import java.math.BigInteger;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/** Builds the L1 attributes deposit, the first transaction of every L2 block (protocol-reference 4). */
public final class L1InfoDeposit {
  /** The system account that sends it ({@code CALLER}/{@code ORIGIN}, protocol-reference 1.2). */
  public static final Address DEPOSITOR = Address.fromHex("0xdeaddeaddeaddeaddeaddeaddeaddeaddead0001");
  /** The L1Block predeploy. */
  public static final Address L1_BLOCK = Address.fromHex("0x4200000000000000000000000000000000000015");
  public static final long BEDROCK_GAS = 150_000_000;
  public static final long REGOLITH_GAS = 1_000_000;
  /** What Jovian's L1 info carries when SystemConfig's DA footprint gas scalar is 0 (protocol-reference 4.4). */
  public static final int DEFAULT_DA_FOOTPRINT_GAS_SCALAR = 400;

  private L1InfoDeposit() {}

  /**
   * The calldata values of the L1 info deposit of the L2 block at {@code l2Timestamp}, number {@code seqNumber}
   * in the epoch of {@code origin}, under {@code sys} (the system config for that block, protocol-reference 5.10).
   *
   * @throws DecodeException if an Ecotone-or-later layout is due and {@code sys.scalar()} is not a valid versioned
   *     scalar (protocol-reference 12.2); op-node fails the block in that case too
   */
  public static L1BlockInfo blockInfo(
      RollupConfig config, SystemConfig sys, L1Origin origin, long seqNumber, long l2Timestamp)
      throws DecodeException {
    L1InfoLayout layout = L1InfoLayout.forBlock(config, l2Timestamp);
    if (layout == L1InfoLayout.BEDROCK) {
      return new BedrockL1BlockInfo(origin.number(), origin.timestamp(), origin.baseFee(), origin.hash(), seqNumber,
          sys.batcherHash(), sys.overhead(), sys.scalar());
    }
    EcotoneScalars scalars = EcotoneScalars.forL1Info(sys.scalar());
    return switch (layout) {
      case ECOTONE -> new EcotoneL1BlockInfo(scalars.baseFeeScalar(), scalars.blobBaseFeeScalar(), seqNumber,
          origin.timestamp(), origin.number(), origin.baseFee(), origin.blobBaseFee(), origin.hash(),
          sys.batcherHash());
      case ISTHMUS -> new IsthmusL1BlockInfo(scalars.baseFeeScalar(), scalars.blobBaseFeeScalar(), seqNumber,
          origin.timestamp(), origin.number(), origin.baseFee(), origin.blobBaseFee(), origin.hash(),
          sys.batcherHash(), sys.operatorFeeScalar(), sys.operatorFeeConstant());
      case JOVIAN -> new JovianL1BlockInfo(scalars.baseFeeScalar(), scalars.blobBaseFeeScalar(), seqNumber,
          origin.timestamp(), origin.number(), origin.baseFee(), origin.blobBaseFee(), origin.hash(),
          sys.batcherHash(), sys.operatorFeeScalar(), sys.operatorFeeConstant(),
          sys.daFootprintGasScalar() == 0 ? DEFAULT_DA_FOOTPRINT_GAS_SCALAR : sys.daFootprintGasScalar());
      case BEDROCK -> throw new IllegalStateException("handled above");
    };
  }

  /** The whole L1 info deposit: {@link #blockInfo} wrapped by {@link #toDeposit}. */
  public static DepositTx build(
      RollupConfig config, SystemConfig sys, L1Origin origin, long seqNumber, long l2Timestamp)
      throws DecodeException {
    return toDeposit(config, blockInfo(config, sys, origin, seqNumber, l2Timestamp), l2Timestamp);
  }

  /**
   * Wraps calldata into the deposit (protocol-reference 4.1): source hash domain 1 over the origin hash and
   * sequence number, from the depositor to L1Block, no mint or value; gas 150M as a system tx before Regolith,
   * 1M and not a system tx from Regolith (by the L2 block timestamp).
   */
  public static DepositTx toDeposit(RollupConfig config, L1BlockInfo info, long l2Timestamp) {
    boolean regolith = config.isActive(Fork.REGOLITH, l2Timestamp);
    return new DepositTx(
        SourceHash.l1Info(info.hash(), info.sequenceNumber()),
        DEPOSITOR,
        Optional.of(L1_BLOCK),
        BigInteger.ZERO,
        BigInteger.ZERO,
        regolith ? REGOLITH_GAS : BEDROCK_GAS,
        !regolith,
        Bytes.wrap(info.encode()));
  }
}
