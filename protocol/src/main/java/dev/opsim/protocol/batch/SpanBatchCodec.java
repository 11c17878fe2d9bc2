package dev.opsim.protocol.batch;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Version-1 batch content, {@code prefix ++ payload} (protocol-reference 5.7; op-node {@code span_batch.go},
 * {@code span_batch_txs.go}). Every count from the wire is checked against the element limit and against the bytes
 * actually left before anything is allocated for it. Bytes after the last field are ignored, as op-node does.
 * {@code tx_datas} entries are only framed here; their contents are checked when converting (see
 * {@link #readTxData}).
 */
final class SpanBatchCodec {
  private static final int SIGNATURE_SIZE = 64;

  private SpanBatchCodec() {}

  static SpanBatch decode(ByteReader in, int maxElements) throws DecodeException {
    long relTimestamp = Uvarint.read(in, "rel_timestamp");
    long l1OriginNum = Uvarint.read(in, "l1_origin_num");
    Bytes parentCheck = in.read(SpanBatch.CHECK_SIZE, "parent_check");
    Bytes l1OriginCheck = in.read(SpanBatch.CHECK_SIZE, "l1_origin_check");

    int countAt = in.offset();
    long blockCount = Uvarint.read(in, "block_count");
    if (blockCount == 0) {
      throw in.error("block_count is 0; an empty span batch is invalid", countAt);
    }
    checkLimit(in, "block_count", blockCount, maxElements, countAt);
    int blocks = (int) blockCount;
    BitList originBits = readBits(in, blocks, "origin_bits");

    in.require(blocks, "block_tx_counts");
    List<Integer> blockTxCounts = new ArrayList<>(blocks);
    long totalTxs = 0;
    for (int i = 0; i < blocks; i++) {
      int at = in.offset();
      long count = Uvarint.read(in, "block_tx_counts[" + i + "]");
      checkLimit(in, "block_tx_counts[" + i + "]", count, maxElements, at);
      blockTxCounts.add((int) count);
      totalTxs += count;
    }
    checkLimit(in, "total tx count", totalTxs, maxElements, in.offset());

    SpanBatchTxs txs = readTxs(in, (int) totalTxs);
    return new SpanBatch(relTimestamp, l1OriginNum, parentCheck, l1OriginCheck, originBits, blockTxCounts, txs);
  }

  private static void checkLimit(ByteReader in, String field, long value, int max, int at) throws DecodeException {
    if (Long.compareUnsigned(value, max) > 0) {
      throw in.error(field + " " + Long.toUnsignedString(value) + " exceeds the span batch limit of " + max, at);
    }
  }

  private static SpanBatchTxs readTxs(ByteReader in, int count) throws DecodeException {
    BitList creationBits = readBits(in, count, "contract_creation_bits");
    BitList yParityBits = readBits(in, count, "y_parity_bits");

    in.require((long) count * SIGNATURE_SIZE, "tx_sigs");
    List<SpanTxSignature> signatures = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Bytes32 r = Bytes32.wrap(in.read(32, "tx_sigs r"));
      Bytes32 s = Bytes32.wrap(in.read(32, "tx_sigs s"));
      signatures.add(new SpanTxSignature(r, s));
    }

    int toCount = count - creationBits.count();
    in.require((long) toCount * Address.SIZE, "tx_tos");
    List<Address> tos = new ArrayList<>(toCount);
    for (int i = 0; i < toCount; i++) {
      tos.add(Address.wrap(in.read(Address.SIZE, "tx_tos")));
    }

    in.require(count, "tx_datas");
    List<Bytes> datas = new ArrayList<>(count);
    int legacy = 0;
    for (int i = 0; i < count; i++) {
      Bytes data = readTxData(in, i);
      datas.add(data);
      if (SpanTxData.isLegacy(data)) {
        legacy++;
      }
    }

    List<Long> nonces = readUvarints(in, count, "tx_nonces");
    List<Long> gases = readUvarints(in, count, "tx_gases");
    BitList protectedBits = readBits(in, legacy, "protected_bits");
    return new SpanBatchTxs(creationBits, yParityBits, signatures, tos, datas, nonces, gases, protectedBits);
  }

  private static List<Long> readUvarints(ByteReader in, int count, String field) throws DecodeException {
    in.require(count, field);
    List<Long> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(Uvarint.read(in, field + "[" + i + "]"));
    }
    return values;
  }

  /**
   * One tx data entry, framed as op-node's {@code ReadTxData} frames it: an optional type byte (at most 0x7f) and
   * one RLP list of at most {@link SpanBatchLimits#MAX_TX_DATA_RLP_BYTES}, whose header must be canonical (the
   * checks of go-ethereum's {@code rlp.Stream.Kind}). Neither the type nor the list's contents are looked at here:
   * op-node checks them in {@code DeriveSpanBatch}, where a failure drops only this batch, so
   * {@link SpanBatchConversion} does (throwing {@link InvalidBatchException}).
   */
  private static Bytes readTxData(ByteReader in, int index) throws DecodeException {
    String field = "tx_datas[" + index + "]";
    int start = in.offset();
    if (in.peek(field) < 0x80) {
      in.readByte(field);
    }
    int headerAt = in.offset();
    int prefix = in.readByte(field);
    if (prefix < 0xC0) {
      throw in.error(field + " must be an RLP list, found prefix 0x" + Integer.toHexString(prefix), headerAt);
    }
    long length;
    if (prefix <= 0xF7) {
      length = prefix - 0xC0;
    } else {
      int lengthBytes = prefix - 0xF7;
      Bytes encodedLength = in.read(lengthBytes, field + " list length");
      if (encodedLength.get(0) == 0) {
        throw in.error(field + " list length has leading zero bytes", headerAt);
      }
      if (lengthBytes > 4) {
        throw in.error(field + " list is larger than " + SpanBatchLimits.MAX_TX_DATA_RLP_BYTES + " bytes", headerAt);
      }
      length = encodedLength.toLong();
      if (length < 56) {
        throw in.error(field + " list length " + length + " should use the short form", headerAt);
      }
    }
    long rlpSize = in.offset() - headerAt + length;
    if (rlpSize > SpanBatchLimits.MAX_TX_DATA_RLP_BYTES) {
      throw in.error(field + " list is larger than " + SpanBatchLimits.MAX_TX_DATA_RLP_BYTES + " bytes", headerAt);
    }
    in.read((int) length, field);
    return in.since(start);
  }

  private static BitList readBits(ByteReader in, int length, String field) throws DecodeException {
    int at = in.offset();
    Bytes bytes = in.read(BitList.byteLength(length), field);
    if (BitList.paddingBitsSet(length, bytes)) {
      throw in.error(field + " has bits set above its " + length + " bits", at);
    }
    return new BitList(length, bytes);
  }

  static Bytes encode(SpanBatch batch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Uvarint.write(out, batch.relTimestamp());
    Uvarint.write(out, batch.l1OriginNum());
    out.writeBytes(batch.parentCheck().toArrayUnsafe());
    out.writeBytes(batch.l1OriginCheck().toArrayUnsafe());
    Uvarint.write(out, batch.blockCount());
    out.writeBytes(batch.originBits().bytes().toArrayUnsafe());
    for (int count : batch.blockTxCounts()) {
      Uvarint.write(out, count);
    }
    SpanBatchTxs txs = batch.txs();
    out.writeBytes(txs.contractCreationBits().bytes().toArrayUnsafe());
    out.writeBytes(txs.yParityBits().bytes().toArrayUnsafe());
    for (SpanTxSignature sig : txs.signatures()) {
      out.writeBytes(sig.r().toArrayUnsafe());
      out.writeBytes(sig.s().toArrayUnsafe());
    }
    for (Address to : txs.tos()) {
      out.writeBytes(to.bytes().toArrayUnsafe());
    }
    for (Bytes data : txs.datas()) {
      out.writeBytes(data.toArrayUnsafe());
    }
    for (long nonce : txs.nonces()) {
      Uvarint.write(out, nonce);
    }
    for (long gas : txs.gases()) {
      Uvarint.write(out, gas);
    }
    out.writeBytes(txs.protectedBits().bytes().toArrayUnsafe());
    return Bytes.wrap(out.toByteArray());
  }
}
