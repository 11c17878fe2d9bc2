package dev.opsim.engine.chain;

import dev.opsim.engine.genesis.ChainConfig;
import dev.opsim.engine.genesis.EthereumFork;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.config.Fork;
import java.math.BigInteger;
import java.util.function.Supplier;

/**
 * Checks a header against its parent before import, as geth's beacon consensus engine and op-geth do for the
 * header alone (body-dependent roots and gasUsed are checked after execution, elsewhere).
 *
 * <p>L1 and OP differ in: the gas limit (OP: set by the payload attributes, not bounded by the parent; op-geth
 * skips {@code VerifyGaslimit} on OP chains, protocol-reference 7.1), extraData (OP Holocene: the EIP-1559
 * parameters; Jovian adds the minimum base fee, 6.4), the base fee parameters (7.1) and the blob fields (OP
 * Ecotone: always 0; Jovian: blobGasUsed is the DA footprint, 6.4).
 */
public final class HeaderValidator {
  /** geth's params.MaximumExtraDataSize. */
  public static final int MAX_EXTRA_DATA = 32;
  /** geth's params.MinGasLimit. */
  public static final long MIN_GAS_LIMIT = 5000;
  /** geth's params.MaxGasLimit (2^63-1). */
  public static final long MAX_GAS_LIMIT = Long.MAX_VALUE;
  /** geth's params.GasLimitBoundDivisor. */
  public static final long GAS_LIMIT_BOUND_DIVISOR = 1024;
  /** EIP-7685 requestsHash with no requests: sha256(""), what OP Isthmus headers always carry. */
  public static final Hash EMPTY_REQUESTS_HASH =
      Hash.fromHex("0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  private final ChainConfig config;

  public HeaderValidator(ChainConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("chain config is null");
    }
    this.config = config;
  }

  /** Checks {@code header} as the child of {@code parent}; the first broken rule is thrown. */
  public void validate(BlockHeader parent, BlockHeader header) throws HeaderValidationException {
    check(header.parentHash().equals(parent.hash()), HeaderRule.PARENT_HASH,
        () -> "parentHash " + header.parentHash() + " is not the parent's hash " + parent.hash());
    check(parent.number() != -1 && header.number() == parent.number() + 1, HeaderRule.NUMBER,
        () -> "number " + Long.toUnsignedString(header.number()) + " does not follow the parent's "
            + Long.toUnsignedString(parent.number()));
    check(Long.compareUnsigned(header.timestamp(), parent.timestamp()) > 0, HeaderRule.TIMESTAMP,
        () -> "timestamp " + Long.toUnsignedString(header.timestamp()) + " is not after the parent's "
            + Long.toUnsignedString(parent.timestamp()));
    HeaderShape expectedShape = config.headerShape(header.number(), header.timestamp());
    check(header.shape() == expectedShape, HeaderRule.FORK_FIELDS,
        () -> "the header has the " + header.shape() + " fields, the active forks require " + expectedShape);
    validateExtraData(header);
    validateGasLimit(parent, header);
    check(Long.compareUnsigned(header.gasUsed(), header.gasLimit()) <= 0, HeaderRule.GAS_USED,
        () -> "gasUsed " + Long.toUnsignedString(header.gasUsed()) + " exceeds gasLimit "
            + Long.toUnsignedString(header.gasLimit()));
    if (header.baseFeePerGas().isPresent()) {
      BigInteger expected = expectedBaseFee(parent, header.timestamp());
      check(header.baseFeePerGas().get().equals(expected), HeaderRule.BASE_FEE,
          () -> "baseFeePerGas " + header.baseFeePerGas().get() + ", expected " + expected);
    }
    if (config.isPostMerge()) {
      check(header.difficulty().signum() == 0, HeaderRule.DIFFICULTY,
          () -> "difficulty " + header.difficulty() + " after the merge, expected 0");
      check(header.nonce() == 0, HeaderRule.NONCE,
          () -> "nonce " + Long.toUnsignedString(header.nonce()) + " after the merge, expected 0");
      check(header.ommersHash().equals(BlockHeader.EMPTY_OMMERS_HASH), HeaderRule.OMMERS_HASH,
          () -> "ommersHash " + header.ommersHash() + " is not the empty-list hash");
    }
    if (header.blobGasUsed().isPresent()) {
      validateBlobGas(parent, header);
    }
    if (config.isOptimism() && header.requestsHash().isPresent()) {
      check(header.requestsHash().get().equals(EMPTY_REQUESTS_HASH), HeaderRule.REQUESTS_HASH,
          () -> "OP requestsHash " + header.requestsHash().get() + ", expected sha256(\"\")");
    }
  }

  /**
   * The base fee a child of {@code parent} at {@code timestamp} must have: the initial 1 gwei for the first London
   * block, else the EIP-1559 update with the chain's parameters, from OP Holocene (active at the parent's
   * timestamp) those in the parent's extraData, and from Jovian also its minimum base fee and DA footprint.
   *
   * @throws HeaderValidationException (rule BASE_FEE) if the parent's Holocene / Jovian extraData is unreadable
   */
  public BigInteger expectedBaseFee(BlockHeader parent, long timestamp) throws HeaderValidationException {
    if (!config.isActive(EthereumFork.LONDON, parent.number(), parent.timestamp())
        || parent.baseFeePerGas().isEmpty()) {
      return BaseFee.INITIAL_BASE_FEE;
    }
    Eip1559Params params = config.eip1559Params(timestamp);
    long parentGasUsed = parent.gasUsed();
    BigInteger minBaseFee = BigInteger.ZERO;
    try {
      if (config.isOptimism() && config.isActive(Fork.JOVIAN, parent.timestamp())) {
        // Jovian: the DA footprint (blobGasUsed) counts when it exceeds gasUsed, and a floor applies (7.1)
        JovianExtraData jovian = JovianExtraData.decode(parent.extraData());
        params = jovian.params();
        minBaseFee = new BigInteger(Long.toUnsignedString(jovian.minBaseFee()));
        long footprint = parent.blobGasUsed().orElse(0);
        if (Long.compareUnsigned(footprint, parentGasUsed) > 0) {
          parentGasUsed = footprint;
        }
      } else if (config.isOptimism() && config.isActive(Fork.HOLOCENE, parent.timestamp())) {
        params = HoloceneExtraData.decode(parent.extraData());
      }
    } catch (DecodeException e) {
      throw new HeaderValidationException(HeaderRule.BASE_FEE, "parent extraData: " + e.getMessage());
    }
    return BaseFee.next(parent.gasLimit(), parentGasUsed, parent.baseFeePerGas().get(), params).max(minBaseFee);
  }

  private void validateExtraData(BlockHeader header) throws HeaderValidationException {
    if (config.isOptimism() && config.isActive(Fork.HOLOCENE, header.timestamp())) {
      try {
        if (config.isActive(Fork.JOVIAN, header.timestamp())) {
          JovianExtraData.decode(header.extraData());
        } else {
          HoloceneExtraData.decode(header.extraData());
        }
      } catch (DecodeException e) {
        throw new HeaderValidationException(HeaderRule.EXTRA_DATA, e.getMessage());
      }
      return;
    }
    check(header.extraData().size() <= MAX_EXTRA_DATA, HeaderRule.EXTRA_DATA,
        () -> "extraData of " + header.extraData().size() + " bytes exceeds " + MAX_EXTRA_DATA);
  }

  private void validateGasLimit(BlockHeader parent, BlockHeader header) throws HeaderValidationException {
    check(Long.compareUnsigned(header.gasLimit(), MAX_GAS_LIMIT) <= 0, HeaderRule.GAS_LIMIT_MAX,
        () -> "gasLimit " + Long.toUnsignedString(header.gasLimit()) + " exceeds 2^63-1");
    if (config.isOptimism()) {
      return;
    }
    long parentLimit = parent.gasLimit();
    if (!config.isActive(EthereumFork.LONDON, parent.number(), parent.timestamp())
        && config.isActive(EthereumFork.LONDON, header.number(), header.timestamp())) {
      // EIP-1559: the first London block's limit is judged against the doubled target
      parentLimit = parentLimit > Long.MAX_VALUE / 2 ? Long.MAX_VALUE
          : parentLimit * Eip1559Params.ETHEREUM.elasticity();
    }
    long limit = parentLimit;
    long diff = Math.abs(limit - header.gasLimit());
    long bound = limit / GAS_LIMIT_BOUND_DIVISOR;
    check(diff < bound, HeaderRule.GAS_LIMIT_CHANGE,
        () -> "gasLimit " + header.gasLimit() + " moves by " + diff + " from " + limit + ", the bound is below "
            + bound);
    check(header.gasLimit() >= MIN_GAS_LIMIT, HeaderRule.GAS_LIMIT_MIN,
        () -> "gasLimit " + header.gasLimit() + " is below " + MIN_GAS_LIMIT);
  }

  private void validateBlobGas(BlockHeader parent, BlockHeader header) throws HeaderValidationException {
    long used = header.blobGasUsed().getAsLong();
    long excess = header.excessBlobGas().getAsLong();
    if (config.isOptimism()) {
      // from Jovian blobGasUsed carries the DA footprint, which only the body determines (6.4)
      boolean footprint = config.isActive(Fork.JOVIAN, header.timestamp());
      check(footprint || used == 0, HeaderRule.BLOB_GAS_USED, () -> "OP blobGasUsed " + Long.toUnsignedString(used)
          + ", expected 0");
      check(excess == 0, HeaderRule.EXCESS_BLOB_GAS, () -> "OP excessBlobGas " + Long.toUnsignedString(excess)
          + ", expected 0");
      return;
    }
    check(Long.compareUnsigned(used, BlobGas.MAX_BLOB_GAS_PER_BLOCK) <= 0, HeaderRule.BLOB_GAS_USED,
        () -> "blobGasUsed " + Long.toUnsignedString(used) + " exceeds " + BlobGas.MAX_BLOB_GAS_PER_BLOCK);
    check(used % BlobGas.GAS_PER_BLOB == 0, HeaderRule.BLOB_GAS_USED,
        () -> "blobGasUsed " + used + " is not a multiple of " + BlobGas.GAS_PER_BLOB);
    long expected = parent.excessBlobGas().isPresent()
        ? BlobGas.excessBlobGas(parent.excessBlobGas().getAsLong(), parent.blobGasUsed().getAsLong())
        : 0;
    check(excess == expected, HeaderRule.EXCESS_BLOB_GAS,
        () -> "excessBlobGas " + Long.toUnsignedString(excess) + ", expected " + Long.toUnsignedString(expected));
  }

  private static void check(boolean ok, HeaderRule rule, Supplier<String> message)
      throws HeaderValidationException {
    if (!ok) {
      throw new HeaderValidationException(rule, message.get());
    }
  }
}
