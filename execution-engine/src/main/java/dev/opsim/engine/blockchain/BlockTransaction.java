package dev.opsim.engine.blockchain;

import dev.opsim.engine.txpool.TransactionSigning;
import dev.opsim.evm.tx.AccessListEntry;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import dev.opsim.protocol.deposit.DepositTx;
import dev.opsim.protocol.tx.AccessListTx;
import dev.opsim.protocol.tx.BlobTx;
import dev.opsim.protocol.tx.DynamicFeeTx;
import dev.opsim.protocol.tx.LegacyTx;
import dev.opsim.protocol.tx.Transaction;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * One transaction of a block, decoded from its EIP-2718 bytes: a signed transaction with its recovered sender, or
 * an OP deposit (protocol-reference 2.1), which carries its sender and has no signature.
 */
public sealed interface BlockTransaction {
  Bytes raw();

  Hash hash();

  Address sender();

  /** A signed transaction; {@code evm} is the form the EVM's transaction processor runs. */
  record Signed(Bytes raw, Hash hash, Transaction tx, Address sender, dev.opsim.evm.tx.Transaction evm)
      implements BlockTransaction {}

  record Deposit(Bytes raw, Hash hash, DepositTx tx) implements BlockTransaction {
    @Override
    public Address sender() {
      return tx.from();
    }
  }

  /**
   * Decodes and recovers the sender. Deposits are accepted only when {@code depositsAllowed} (OP chains).
   *
   * @throws InvalidTransactionException with a message naming what is wrong
   */
  static BlockTransaction decode(Bytes raw, BigInteger chainId, boolean depositsAllowed)
      throws InvalidTransactionException {
    if (raw.isEmpty()) {
      throw new InvalidTransactionException("empty transaction");
    }
    Hash hash = Keccak.hash(raw);
    if ((raw.get(0) & 0xff) == DepositTx.TYPE) {
      if (!depositsAllowed) {
        throw new InvalidTransactionException("deposit transactions exist only on OP chains");
      }
      try {
        return new Deposit(raw, hash, DepositTx.decode(raw.toArrayUnsafe()));
      } catch (DecodeException e) {
        throw new InvalidTransactionException("malformed deposit transaction: " + e.getMessage());
      }
    }
    Transaction tx;
    try {
      tx = Transaction.decode(raw);
    } catch (DecodeException e) {
      throw new InvalidTransactionException("malformed transaction: " + e.getMessage());
    }
    TransactionSigning.Recovery recovery = TransactionSigning.recoverSender(tx, chainId, true);
    if (!(recovery instanceof TransactionSigning.Recovery.Sender(Address sender))) {
      throw new InvalidTransactionException("invalid sender: " + recovery);
    }
    return new Signed(raw, hash, tx, sender, toEvm(tx, sender));
  }

  /** The EVM's flat view of a signed transaction. */
  static dev.opsim.evm.tx.Transaction toEvm(Transaction tx, Address sender) throws InvalidTransactionException {
    return switch (tx) {
      case LegacyTx t -> new dev.opsim.evm.tx.Transaction(0, sender, t.nonce(), t.gas(), t.gasPrice(), null, null,
          t.to(), t.value(), t.data(), List.of(), List.of(), null);
      case AccessListTx t -> new dev.opsim.evm.tx.Transaction(1, sender, t.nonce(), t.gas(), t.gasPrice(), null,
          null, t.to(), t.value(), t.data(), accessList(t.accessList()), List.of(), null);
      case DynamicFeeTx t -> new dev.opsim.evm.tx.Transaction(2, sender, t.nonce(), t.gas(), null,
          t.maxFeePerGas(), t.maxPriorityFeePerGas(), t.to(), t.value(), t.data(), accessList(t.accessList()),
          List.of(), null);
      case BlobTx t -> new dev.opsim.evm.tx.Transaction(3, sender, t.nonce(), t.gas(), null, t.maxFeePerGas(),
          t.maxPriorityFeePerGas(), t.to(), t.value(), t.data(), accessList(t.accessList()),
          t.blobVersionedHashes(), t.maxFeePerBlobGas());
      default -> throw new InvalidTransactionException("transaction type " + tx.type() + " is not supported");
    };
  }

  private static List<AccessListEntry> accessList(List<dev.opsim.protocol.tx.AccessListEntry> entries) {
    return entries.stream().map(e -> new AccessListEntry(e.address(), e.storageKeys())).toList();
  }
}
