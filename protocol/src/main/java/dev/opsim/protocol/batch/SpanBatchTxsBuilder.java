package dev.opsim.protocol.batch;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.tx.AccessListTx;
import dev.opsim.protocol.tx.BlobTx;
import dev.opsim.protocol.tx.DynamicFeeTx;
import dev.opsim.protocol.tx.LegacyTx;
import dev.opsim.protocol.tx.SetCodeTx;
import dev.opsim.protocol.tx.Transaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/** Accumulates transactions into the span layout (op-node {@code spanBatchTxs.AddTxs}). */
final class SpanBatchTxsBuilder {
  private final BigInteger chainId;
  private final List<Boolean> creation = new ArrayList<>();
  private final List<Boolean> yParity = new ArrayList<>();
  private final List<SpanTxSignature> signatures = new ArrayList<>();
  private final List<Address> tos = new ArrayList<>();
  private final List<Bytes> datas = new ArrayList<>();
  private final List<Long> nonces = new ArrayList<>();
  private final List<Long> gases = new ArrayList<>();
  private final List<Boolean> protectedBits = new ArrayList<>();

  SpanBatchTxsBuilder(BigInteger chainId) {
    this.chainId = chainId;
  }

  void add(Bytes encoded, String where) {
    Transaction tx;
    try {
      tx = Transaction.decode(encoded);
    } catch (DecodeException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
    SpanTxData data;
    try {
      data = SpanTxData.of(tx);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
    yParity.add(yParityOf(tx, where) == 1);
    creation.add(tx.to() == null);
    if (tx.to() != null) {
      tos.add(tx.to());
    }
    signatures.add(SpanTxSignature.of(tx.r(), tx.s()));
    datas.add(data.encode());
    nonces.add(tx.nonce());
    gases.add(tx.gas());
  }

  /** The y parity, checking the chain id as op-node does for protected transactions. */
  private int yParityOf(Transaction tx, String where) {
    Optional<BigInteger> txChainId = switch (tx) {
      case LegacyTx legacy -> legacy.chainId();
      case AccessListTx t -> Optional.of(t.chainId());
      case DynamicFeeTx t -> Optional.of(t.chainId());
      case SetCodeTx t -> Optional.of(t.chainId());
      case BlobTx t -> Optional.of(t.chainId());
    };
    if (txChainId.isPresent() && !txChainId.get().equals(chainId)) {
      throw new IllegalArgumentException(
          where + ": protected tx has chain id " + txChainId.get() + ", expected " + chainId);
    }
    if (tx instanceof LegacyTx legacy) {
      protectedBits.add(legacy.isProtected());
      try {
        return legacy.yParity();
      } catch (IllegalStateException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    if (tx.v().compareTo(BigInteger.ONE) > 0) {
      throw new IllegalArgumentException(where + ": typed tx y parity must be 0 or 1, got " + tx.v());
    }
    return tx.v().intValue();
  }

  SpanBatchTxs build() {
    return new SpanBatchTxs(bits(creation), bits(yParity), signatures, tos, datas, nonces, gases,
        bits(protectedBits));
  }

  private static BitList bits(List<Boolean> values) {
    boolean[] out = new boolean[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return BitList.of(out);
  }
}
