package dev.opsim.engine.txpool;

import dev.opsim.evm.crypto.Secp256k1;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import dev.opsim.protocol.tx.AccessListTx;
import dev.opsim.protocol.tx.BlobTx;
import dev.opsim.protocol.tx.DynamicFeeTx;
import dev.opsim.protocol.tx.LegacyTx;
import dev.opsim.protocol.tx.Rlp;
import dev.opsim.protocol.tx.SetCodeTx;
import dev.opsim.protocol.tx.Transaction;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.tuweni.bytes.Bytes;

/**
 * The payload each transaction type signs, and sender recovery with the homestead (EIP-2) and EIP-155 rules.
 *
 * <ul>
 *   <li>legacy, unprotected: {@code keccak(rlp([nonce, gasPrice, gas, to, value, data]))};
 *   <li>legacy, EIP-155: {@code keccak(rlp([nonce, gasPrice, gas, to, value, data, chainId, 0, 0]))};
 *   <li>typed (EIP-2718): {@code keccak(type ‖ rlp(fields without yParity, r, s))} (EIP-2930, 1559, 4844, 7702).
 * </ul>
 */
public final class TransactionSigning {
  private TransactionSigning() {}

  /** Why a signature does not yield a sender. */
  public enum Failure {
    /** The signed chain id is not ours. */
    WRONG_CHAIN_ID,
    /** Unprotected legacy (v = 27/28) where replay protection is required. */
    UNPROTECTED,
    /** v, r or s out of range, high s (EIP-2), or no key recovers. */
    BAD_SIGNATURE
  }

  /** A recovered sender, or the reason there is none. */
  public sealed interface Recovery {
    record Sender(Address address) implements Recovery {}

    record Failed(Failure failure) implements Recovery {}
  }

  /** The hash a signer signs for {@code tx}; for legacy txs the chain id is taken from {@code v}. */
  public static Hash signingHash(Transaction tx) {
    return switch (tx) {
      case LegacyTx t -> legacySigningHash(t, Secp256k1.legacyChainId(t.v()));
      default -> Keccak.hash(signingPayload(tx));
    };
  }

  /** The legacy signing hash: EIP-155 form when {@code chainId} is present, the original form otherwise. */
  public static Hash legacySigningHash(LegacyTx t, Optional<BigInteger> chainId) {
    return Keccak.hash(Rlp.encodeList(w -> {
      Rlp.writeUint64(w, t.nonce());
      Rlp.writeUint(w, t.gasPrice());
      Rlp.writeUint64(w, t.gas());
      Rlp.writeOptionalAddress(w, t.to());
      Rlp.writeUint(w, t.value());
      w.writeValue(t.data());
      if (chainId.isPresent()) {
        Rlp.writeUint(w, chainId.get());
        Rlp.writeUint(w, BigInteger.ZERO);
        Rlp.writeUint(w, BigInteger.ZERO);
      }
    }));
  }

  /** The unhashed signing payload of a typed transaction: {@code type ‖ rlp(fields without signature)}. */
  public static Bytes signingPayload(Transaction tx) {
    return switch (tx) {
      case LegacyTx t -> throw new IllegalArgumentException("legacy payloads depend on the chain id; use signingHash");
      case AccessListTx t -> t.signingPayload();
      case DynamicFeeTx t -> t.signingPayload();
      case BlobTx t -> t.signingPayload();
      case SetCodeTx t -> t.signingPayload();
    };
  }

  /** The chain id a transaction commits to; empty for unprotected legacy transactions. */
  public static Optional<BigInteger> chainId(Transaction tx) {
    return switch (tx) {
      case LegacyTx t -> Secp256k1.legacyChainId(t.v());
      case AccessListTx t -> Optional.of(t.chainId());
      case DynamicFeeTx t -> Optional.of(t.chainId());
      case BlobTx t -> Optional.of(t.chainId());
      case SetCodeTx t -> Optional.of(t.chainId());
    };
  }

  /**
   * Recovers the sender of {@code tx} as a post-homestead chain with id {@code chainId} would: the chain id must
   * match (geth's "invalid chain id"), signatures need r, s in [1, n-1] and s <= n/2 (EIP-2), typed txs a y
   * parity of 0 or 1. Unprotected legacy txs are accepted only when {@code allowUnprotected}.
   */
  public static Recovery recoverSender(Transaction tx, BigInteger chainId, boolean allowUnprotected) {
    Optional<BigInteger> signedChainId = chainId(tx);
    int yParity;
    if (tx instanceof LegacyTx legacy) {
      OptionalInt parity = Secp256k1.legacyYParity(legacy.v());
      if (parity.isEmpty()) {
        return new Recovery.Failed(Failure.BAD_SIGNATURE);
      }
      yParity = parity.getAsInt();
    } else {
      if (tx.v().compareTo(BigInteger.ONE) > 0) {
        return new Recovery.Failed(Failure.BAD_SIGNATURE);
      }
      yParity = tx.v().intValue();
    }
    if (signedChainId.isEmpty()) {
      if (!allowUnprotected) {
        return new Recovery.Failed(Failure.UNPROTECTED);
      }
    } else if (!signedChainId.get().equals(chainId)) {
      return new Recovery.Failed(Failure.WRONG_CHAIN_ID);
    }
    if (!Secp256k1.isLowS(tx.s())) {
      return new Recovery.Failed(Failure.BAD_SIGNATURE);
    }
    Optional<Address> sender = Secp256k1.recoverAddress(
        signingHash(tx).bytes().toArrayUnsafe(), yParity, tx.r(), tx.s());
    return sender.<Recovery>map(Recovery.Sender::new).orElse(new Recovery.Failed(Failure.BAD_SIGNATURE));
  }
}
