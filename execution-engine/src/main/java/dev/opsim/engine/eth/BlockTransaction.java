package dev.opsim.engine.eth;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.deposit.DepositTx;
import dev.opsim.protocol.tx.AccessListTx;
import dev.opsim.protocol.tx.BlobTx;
import dev.opsim.protocol.tx.DynamicFeeTx;
import dev.opsim.protocol.tx.LegacyTx;
import dev.opsim.protocol.tx.SetCodeTx;
import dev.opsim.protocol.tx.Transaction;
import java.math.BigInteger;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/** A transaction of a block or the pool, decoded from its EIP-2718 bytes: a signed one or an OP deposit. */
sealed interface BlockTransaction {
  Hash hash();

  int type();

  /** The recipient, empty for a creation. */
  Optional<Address> to();

  long gas();

  BigInteger value();

  Bytes data();

  record Signed(Transaction tx, Hash hash) implements BlockTransaction {
    @Override
    public int type() {
      return tx.type();
    }

    @Override
    public Optional<Address> to() {
      return Optional.ofNullable(tx.to());
    }

    @Override
    public long gas() {
      return tx.gas();
    }

    @Override
    public BigInteger value() {
      return tx.value();
    }

    @Override
    public Bytes data() {
      return tx.data();
    }
  }

  record Deposit(DepositTx tx, Hash hash) implements BlockTransaction {
    @Override
    public int type() {
      return DepositTx.TYPE;
    }

    @Override
    public Optional<Address> to() {
      return tx.to();
    }

    @Override
    public long gas() {
      return tx.gas();
    }

    @Override
    public BigInteger value() {
      return tx.value();
    }

    @Override
    public Bytes data() {
      return tx.data();
    }
  }

  static BlockTransaction decode(Bytes raw) throws DecodeException {
    if (!raw.isEmpty() && (raw.get(0) & 0xff) == DepositTx.TYPE) {
      DepositTx deposit = DepositTx.decode(raw.toArray());
      return new Deposit(deposit, deposit.hash());
    }
    Transaction tx = Transaction.decode(raw);
    return new Signed(tx, tx.hash());
  }

  /** What the sender offers per gas at most: gasPrice for legacy and 2930, maxFeePerGas after, 0 for deposits. */
  static BigInteger feeCap(BlockTransaction tx) {
    return switch (tx) {
      case Deposit d -> BigInteger.ZERO;
      case Signed s -> switch (s.tx()) {
        case LegacyTx t -> t.gasPrice();
        case AccessListTx t -> t.gasPrice();
        case DynamicFeeTx t -> t.maxFeePerGas();
        case BlobTx t -> t.maxFeePerGas();
        case SetCodeTx t -> t.maxFeePerGas();
      };
    };
  }

  /** The tip cap: gasPrice for legacy and 2930, maxPriorityFeePerGas after, 0 for deposits. */
  static BigInteger tipCap(BlockTransaction tx) {
    return switch (tx) {
      case Deposit d -> BigInteger.ZERO;
      case Signed s -> switch (s.tx()) {
        case LegacyTx t -> t.gasPrice();
        case AccessListTx t -> t.gasPrice();
        case DynamicFeeTx t -> t.maxPriorityFeePerGas();
        case BlobTx t -> t.maxPriorityFeePerGas();
        case SetCodeTx t -> t.maxPriorityFeePerGas();
      };
    };
  }

  /** The price per gas paid in a block with this base fee: {@code min(tipCap + baseFee, feeCap)}; 0 for deposits. */
  static BigInteger effectiveGasPrice(BlockTransaction tx, BigInteger baseFee) {
    if (tx instanceof Deposit) {
      return BigInteger.ZERO;
    }
    BigInteger feeCap = feeCap(tx);
    if (baseFee == null) {
      return feeCap;
    }
    return tipCap(tx).add(baseFee).min(feeCap);
  }

  /** geth EffectiveGasTip: {@code min(tipCap, feeCap - baseFee)}; 0 for deposits. */
  static BigInteger effectiveTip(BlockTransaction tx, BigInteger baseFee) {
    if (tx instanceof Deposit) {
      return BigInteger.ZERO;
    }
    if (baseFee == null) {
      return tipCap(tx);
    }
    return tipCap(tx).min(feeCap(tx).subtract(baseFee));
  }
}
