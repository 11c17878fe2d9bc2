package dev.opsim.protocol.batch;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.tx.Rlp;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/**
 * The {@code txs} section of a span batch in its wire layout (protocol-reference 5.7): one entry per transaction
 * in every per-tx list, {@code tos} only for non-creations, {@code protectedBits} only for legacy txs. Kept
 * exactly as decoded so re-encoding gives the same bytes; {@link SpanBatchConversion} turns it into full
 * transactions. {@code datas} entries are framed as the decoder frames them (an optional type byte at most 0x7f,
 * then one RLP list) but may hold anything inside: their type and fields are checked when converting
 * ({@link SpanTxData#decode}); an entry of type 0 (no type byte, or 0x00) owns a protected bit.
 */
public record SpanBatchTxs(
    BitList contractCreationBits,
    BitList yParityBits,
    List<SpanTxSignature> signatures,
    List<Address> tos,
    List<Bytes> datas,
    List<Long> nonces,
    List<Long> gases,
    BitList protectedBits) {
  public SpanBatchTxs {
    datas = datas.stream().map(Rlp::copyOf).toList();
    signatures = List.copyOf(signatures);
    tos = List.copyOf(tos);
    nonces = List.copyOf(nonces);
    gases = List.copyOf(gases);
    int count = datas.size();
    requireLength("contract creation bits", contractCreationBits.length(), count);
    requireLength("y parity bits", yParityBits.length(), count);
    requireLength("signatures", signatures.size(), count);
    requireLength("nonces", nonces.size(), count);
    requireLength("gases", gases.size(), count);
    requireLength("tos", tos.size(), count - contractCreationBits.count());
    for (Bytes data : datas) {
      if (data.isEmpty()) {
        throw new IllegalArgumentException("an empty tx data entry");
      }
    }
    requireLength("protected bits", Objects.requireNonNull(protectedBits).length(), legacyCount(datas));
  }

  /** No transactions. */
  public static final SpanBatchTxs EMPTY = new SpanBatchTxs(
      BitList.of(), BitList.of(), List.of(), List.of(), List.of(), List.of(), List.of(), BitList.of());

  private static void requireLength(String what, int actual, int expected) {
    if (actual != expected) {
      throw new IllegalArgumentException(what + ": expected " + expected + " entries, got " + actual);
    }
  }

  static int legacyCount(List<Bytes> datas) {
    int legacy = 0;
    for (Bytes data : datas) {
      if (SpanTxData.isLegacy(data)) {
        legacy++;
      }
    }
    return legacy;
  }

  /** The number of transactions. */
  public int count() {
    return datas.size();
  }

  /** The EIP-2718 type of transaction {@code i} (0 for legacy), read from its tx data. */
  public int txType(int i) {
    return SpanTxData.txType(datas.get(i));
  }
}
