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
 * London/Shanghai/Cancun EIPs). A rejected transaction leaves the state as it was. OP deposit rules are meant to
 * come as a separate processor built from the same steps.
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
    state.beginTransaction();
    BigInteger blobBaseFee = block.blobBaseFee();
    TxResult.Rejected rejected = validate(state, tx, block, blobBaseFee);
    if (rejected != null) {
      return rejected;
    }
    Address sender = tx.sender();
    BigInteger baseFee = block.baseFee();
    BigInteger price = tx.effectiveGasPrice(baseFee);
    long blobGas = BlobGas.GAS_PER_BLOB * tx.blobVersionedHashes().size();
    BigInteger gasLimit = BigInteger.valueOf(tx.gasLimit());

    // Buy gas at the effective price; the blob fee is burned up front (EIP-4844).
    state.subBalance(sender, gasLimit.multiply(price).add(BigInteger.valueOf(blobGas).multiply(blobBaseFee)));
    state.setNonce(sender, tx.nonce() + 1);

    // Warm set at the start (EIP-2929, EIP-2930, EIP-3651).
    state.warm(sender);
    for (int i = 1; i <= spec.precompileCount(); i++) {
      state.warm(PrecompileRegistry.address(i));
    }
    state.warm(block.coinbase());
    for (AccessListEntry e : tx.accessList()) {
      state.warm(e.address());
      for (Hash k : e.storageKeys()) {
        state.warm(e.address(), UInt256.fromBytes(k.bytes()));
      }
    }

    Evm evm = new Evm(spec, precompiles, codeCache, tracer, state, block, sender, price, tx.blobVersionedHashes());
    long gas = tx.gasLimit() - IntrinsicGas.of(tx);
    ExecutionResult result;
    if (tx.isCreate()) {
      Address created = ContractAddress.createAddress(sender, tx.nonce());
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
    // The coinbase is credited (and so touched) even with a zero fee.
    state.addBalance(block.coinbase(), BigInteger.valueOf(gasUsed).multiply(tx.priorityFee(baseFee)));
    List<dev.opsim.evm.state.Log> logs = result.success() ? state.logs() : List.of();
    state.finishTransaction();
    return new TxResult.Executed(result.success(), result.status(), gasUsed, blobGas, logs, result.output(),
        result.createdAddress());
  }

  private TxResult.Rejected validate(JournaledState state, Transaction tx, BlockEnv block, BigInteger blobBaseFee) {
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
    if (tx.gasLimit() < 0 || Long.compareUnsigned(tx.gasLimit(), block.gasLimit()) > 0) {
      return reject(TxRejection.GAS_ALLOWANCE_EXCEEDED, "gas limit above the block gas limit");
    }
    if (tx.type() >= 2 && tx.maxPriorityFeePerGas().compareTo(tx.maxFeePerGas()) > 0) {
      return reject(TxRejection.PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS, "priority fee above max fee");
    }
    BigInteger feeCap = tx.feeCap();
    if (feeCap.compareTo(block.baseFee()) < 0) {
      return reject(TxRejection.INSUFFICIENT_MAX_FEE_PER_GAS, "fee cap " + feeCap + " below base fee "
          + block.baseFee());
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
      if (tx.maxFeePerBlobGas().compareTo(blobBaseFee) < 0) {
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

  private static TxResult.Rejected reject(TxRejection reason, String detail) {
    return new TxResult.Rejected(reason, detail);
  }
}
