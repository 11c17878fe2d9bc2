package dev.opsim.evm.tx;

import dev.opsim.evm.BlobGas;
import dev.opsim.evm.BlockEnv;
import dev.opsim.evm.ContractAddress;
import dev.opsim.evm.CodeCache;
import dev.opsim.evm.Evm;
import dev.opsim.evm.EvmSpec;
import dev.opsim.evm.ExecutionResult;
import dev.opsim.evm.PrecompileRegistry;
import dev.opsim.evm.Tracer;
import dev.opsim.evm.state.JournaledState;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Validates and executes one transaction against a {@link JournaledState} (yellow paper section 6 with the
 * London/Shanghai/Cancun EIPs). A rejected transaction leaves the state as it was. {@link FeeRules} selects Ethereum
 * or OP fee handling, {@link ProcessingMode} consensus or eth_call rules; OP deposits go through
 * {@code dev.opsim.evm.op.DepositProcessor}.
 */
public final class TransactionProcessor {
  private static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);

  private final EvmSpec spec;
  private final PrecompileRegistry precompiles;
  private final CodeCache codeCache;

  public TransactionProcessor(EvmSpec spec, PrecompileRegistry precompiles, CodeCache codeCache) {
    this.spec = spec;
    this.precompiles = precompiles;
    this.codeCache = codeCache;
  }

  public TxResult process(JournaledState state, Transaction tx, BlockEnv block) {
    return process(state, tx, block, null);
  }

  public TxResult process(JournaledState state, Transaction tx, BlockEnv block, Tracer tracer) {
    return process(state, tx, block, tracer, FeeRules.ETHEREUM, ProcessingMode.BLOCK);
  }

  /**
   * Processes {@code tx} with the given fee rules (Ethereum or OP) and mode (block or eth_call simulation, see
   * {@link ProcessingMode}). {@code tracer} may be null.
   */
  public TxResult process(JournaledState state, Transaction tx, BlockEnv block, Tracer tracer, FeeRules fees,
      ProcessingMode mode) {
    state.beginTransaction();
    boolean simulation = mode == ProcessingMode.SIMULATION;
    // geth eth_call: with all fee fields zero the base fee is lowered to 0 and no fee is paid (NoBaseFee).
    boolean feeFree = simulation && tx.feeCap().signum() == 0
        && (tx.type() < 2 || tx.maxPriorityFeePerGas().signum() == 0);
    BlockEnv env = feeFree ? withBaseFee(block, BigInteger.ZERO) : block;
    boolean blobFeeFree = simulation && tx.type() == 3 && tx.maxFeePerBlobGas().signum() == 0;
    BigInteger blobBaseFee = blobFeeFree ? BigInteger.ZERO : block.blobBaseFee();
    // op-geth charges the L1 data fee only when nonce and EOA checks are on (not for eth_call).
    BigInteger l1Cost = simulation ? BigInteger.ZERO : fees.l1Cost();
    TxResult.Rejected rejected = validate(state, tx, env, blobBaseFee, l1Cost, simulation, feeFree, blobFeeFree);
    if (rejected != null) {
      return rejected;
    }
    Address sender = tx.sender();
    long nonce = simulation ? state.nonce(sender) : tx.nonce();
    BigInteger baseFee = env.baseFee();
    BigInteger price = tx.effectiveGasPrice(baseFee);
    long blobGas = BlobGas.GAS_PER_BLOB * tx.blobVersionedHashes().size();
    BigInteger gasLimit = BigInteger.valueOf(tx.gasLimit());

    // Buy gas at the effective price; the blob fee is burned up front (EIP-4844); OP: the L1 data fee too.
    BigInteger upFront = gasLimit.multiply(price).add(BigInteger.valueOf(blobGas).multiply(blobBaseFee));
    if (l1Cost.signum() != 0) {
      upFront = upFront.add(l1Cost);
    }
    state.subBalance(sender, upFront);
    state.setNonce(sender, nonce + 1);

    // Warm set at the start (EIP-2929, EIP-2930, EIP-3651).
    state.warm(sender);
    for (int i = 1; i <= spec.precompileCount(); i++) {
      state.warm(PrecompileRegistry.address(i));
    }
    state.warm(env.coinbase());
    for (AccessListEntry e : tx.accessList()) {
      state.warm(e.address());
      for (Hash k : e.storageKeys()) {
        state.warm(e.address(), UInt256.fromBytes(k.bytes()));
      }
    }

    Evm evm = new Evm(spec, precompiles, codeCache, tracer, state, env, sender, price, tx.blobVersionedHashes());
    long gas = tx.gasLimit() - IntrinsicGas.of(tx);
    ExecutionResult result;
    if (tx.isCreate()) {
      Address created = ContractAddress.createAddress(sender, nonce);
      state.warm(created);
      result = evm.create(sender, created, tx.value(), tx.data(), gas);
    } else {
      state.warm(tx.to());
      result = evm.call(sender, tx.to(), tx.value(), tx.data(), gas);
    }

    long gasUsed = tx.gasLimit() - result.gasLeft();
    long refund = Math.min(state.refund(), gasUsed / 5); // EIP-3529
    gasUsed -= refund;
    state.addBalance(sender, BigInteger.valueOf(tx.gasLimit() - gasUsed).multiply(price));
    if (!feeFree) {
      // The coinbase is credited (and so touched) even with a zero fee; geth skips it for a fee-free eth_call.
      state.addBalance(env.coinbase(), BigInteger.valueOf(gasUsed).multiply(tx.priorityFee(baseFee)));
    }
    if (fees instanceof FeeRules.Optimism) {
      // protocol-reference 7: the base fee is not burned on OP; op-geth credits both vaults for every normal tx.
      state.addBalance(FeeRules.Optimism.BASE_FEE_VAULT, BigInteger.valueOf(gasUsed).multiply(baseFee));
      state.addBalance(FeeRules.Optimism.L1_FEE_VAULT, l1Cost);
    }
    List<dev.opsim.evm.state.Log> logs = result.success() ? state.logs() : List.of();
    state.finishTransaction();
    return new TxResult.Executed(result.success(), result.status(), gasUsed, blobGas, logs, result.output(),
        result.createdAddress());
  }

  private static BlockEnv withBaseFee(BlockEnv b, BigInteger baseFee) {
    return new BlockEnv(b.chainId(), b.coinbase(), b.gasLimit(), b.number(), b.timestamp(), b.prevRandao(), baseFee,
        b.excessBlobGas(), b.blockHashes());
  }

  private TxResult.Rejected validate(JournaledState state, Transaction tx, BlockEnv block, BigInteger blobBaseFee,
      BigInteger l1Cost, boolean simulation, boolean feeFree, boolean blobFeeFree) {
    Address sender = tx.sender();
    if (!simulation) {
      TxResult.Rejected r = validateNonceAndSender(state, tx);
      if (r != null) {
        return r;
      }
    }
    if (tx.gasLimit() < 0 || (!simulation && Long.compareUnsigned(tx.gasLimit(), block.gasLimit()) > 0)) {
      return reject(TxRejection.GAS_ALLOWANCE_EXCEEDED, "gas limit above the block gas limit");
    }
    BigInteger feeCap = tx.feeCap();
    if (!feeFree) {
      if (tx.type() >= 2 && tx.maxPriorityFeePerGas().compareTo(tx.maxFeePerGas()) > 0) {
        return reject(TxRejection.PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS, "priority fee above max fee");
      }
      if (feeCap.compareTo(block.baseFee()) < 0) {
        return reject(TxRejection.INSUFFICIENT_MAX_FEE_PER_GAS, "fee cap " + feeCap + " below base fee "
            + block.baseFee());
      }
    }
    if (tx.type() == 3) {
      if (!spec.hasBlobs()) {
        return reject(TxRejection.TYPE_3_TX_PRE_FORK, "blob transactions need Cancun");
      }
      if (tx.isCreate()) {
        return reject(TxRejection.TYPE_3_TX_CONTRACT_CREATION, "a blob transaction cannot create");
      }
      int blobs = tx.blobVersionedHashes().size();
      if (blobs == 0) {
        return reject(TxRejection.TYPE_3_TX_ZERO_BLOBS, "no blobs");
      }
      if (blobs > BlobGas.MAX_BLOBS_PER_BLOCK) {
        return reject(TxRejection.TYPE_3_TX_BLOB_COUNT_EXCEEDED, blobs + " blobs");
      }
      for (Hash h : tx.blobVersionedHashes()) {
        if (h.bytes().get(0) != BlobGas.VERSIONED_HASH_VERSION_KZG) {
          return reject(TxRejection.TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH, "version byte " + h.bytes().get(0));
        }
      }
      if (!blobFeeFree && tx.maxFeePerBlobGas().compareTo(blobBaseFee) < 0) {
        return reject(TxRejection.INSUFFICIENT_MAX_FEE_PER_BLOB_GAS, "blob fee cap below " + blobBaseFee);
      }
    }
    BigInteger gasCost = BigInteger.valueOf(tx.gasLimit()).multiply(feeCap);
    if (gasCost.compareTo(UINT256_LIMIT) >= 0) {
      return reject(TxRejection.GASLIMIT_PRICE_PRODUCT_OVERFLOW, "gas limit times fee cap exceeds 256 bits");
    }
    BigInteger maxCost = gasCost.add(tx.value());
    if (tx.type() == 3) {
      maxCost = maxCost.add(BigInteger.valueOf(BlobGas.GAS_PER_BLOB * tx.blobVersionedHashes().size())
          .multiply(tx.maxFeePerBlobGas()));
    }
    // OP: the L1 data fee is part of the balance check (op-geth buyGas).
    maxCost = maxCost.add(l1Cost);
    if (state.balance(sender).compareTo(maxCost) < 0) {
      return reject(TxRejection.INSUFFICIENT_ACCOUNT_FUNDS, "balance " + state.balance(sender) + " < " + maxCost);
    }
    if (tx.isCreate() && tx.data().size() > spec.maxInitCodeSize()) {
      return reject(TxRejection.INITCODE_SIZE_EXCEEDED, tx.data().size() + " bytes of init code");
    }
    long intrinsic = IntrinsicGas.of(tx);
    if (tx.gasLimit() < intrinsic) {
      return reject(TxRejection.INTRINSIC_GAS_TOO_LOW, "gas limit " + tx.gasLimit() + " < intrinsic " + intrinsic);
    }
    return null;
  }

  private static TxResult.Rejected validateNonceAndSender(JournaledState state, Transaction tx) {
    Address sender = tx.sender();
    long accountNonce = state.nonce(sender);
    if (accountNonce == -1L) {
      return reject(TxRejection.NONCE_IS_MAX, "sender nonce is 2^64-1");
    }
    if (Long.compareUnsigned(tx.nonce(), accountNonce) < 0) {
      return reject(TxRejection.NONCE_TOO_LOW, "tx nonce " + Long.toUnsignedString(tx.nonce()) + " < account "
          + Long.toUnsignedString(accountNonce));
    }
    if (Long.compareUnsigned(tx.nonce(), accountNonce) > 0) {
      return reject(TxRejection.NONCE_TOO_HIGH, "tx nonce " + Long.toUnsignedString(tx.nonce()) + " > account "
          + Long.toUnsignedString(accountNonce));
    }
    if (state.hasCode(sender)) {
      return reject(TxRejection.SENDER_NOT_EOA, "sender has code (EIP-3607)");
    }
    return null;
  }

  private static TxResult.Rejected reject(TxRejection reason, String detail) {
    return new TxResult.Rejected(reason, detail);
  }
}
