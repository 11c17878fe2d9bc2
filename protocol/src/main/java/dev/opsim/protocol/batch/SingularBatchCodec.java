package dev.opsim.protocol.batch;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.tx.Rlp;
import org.apache.tuweni.bytes.Bytes;

/**
 * Version-0 batch content: {@code rlp([parent_hash, epoch_number, epoch_hash, timestamp, [tx, ...]])}
 * (protocol-reference 5.6). The list is decoded as strictly as go-ethereum's RLP decoder fills op-node's struct:
 * exact field count, 32-byte hashes, canonical uint64s, every tx a byte string. Bytes after the list are ignored:
 * op-node's {@code BatchData.decodeTyped} calls {@code rlp.Decode} on a {@code bytes.Reader}, which reads one value
 * and leaves the rest unread.
 */
final class SingularBatchCodec {
  private SingularBatchCodec() {}

  static SingularBatch decode(Bytes content) throws DecodeException {
    return Rlp.decodeLeadingList(content, "singular batch", f -> new SingularBatch(
        Rlp.readHash(f, "parent_hash"),
        Rlp.readUint64(f, "epoch_number"),
        Rlp.readHash(f, "epoch_hash"),
        Rlp.readUint64(f, "timestamp"),
        Rlp.readList(f, "transaction_list", tx -> Rlp.readBytes(tx, "transaction"))));
  }

  static Bytes encode(SingularBatch batch) {
    return Rlp.encodeList(w -> {
      w.writeValue(batch.parentHash().bytes());
      Rlp.writeUint64(w, batch.epochNum());
      w.writeValue(batch.epochHash().bytes());
      Rlp.writeUint64(w, batch.timestamp());
      w.writeList(batch.transactions(), (t, tx) -> t.writeValue(tx));
    });
  }
}
