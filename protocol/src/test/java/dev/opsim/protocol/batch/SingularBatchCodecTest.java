package dev.opsim.protocol.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.util.List;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.rlp.RLPWriter;
import org.junit.jupiter.api.Test;

/** Version-0 batches (protocol-reference 5.6), decoded as strictly as op-node's {@code rlp.DecodeBytes}. */
class SingularBatchCodecTest {
  private static final Hash PARENT = Hash.wrap(Bytes.fromHexString("0x" + "11".repeat(32)));
  private static final Hash EPOCH = Hash.wrap(Bytes.fromHexString("0x" + "22".repeat(32)));

  /** Written by hand from the RLP rules: a 71-byte list, so the long-form header f8 47. */
  private static final Bytes HAND_WRITTEN = Bytes.fromHexString(
      "0x00" + "f847" + "a0" + "11".repeat(32) + "01" + "a0" + "22".repeat(32) + "02" + "c281aa");

  @Test
  void encodesAndDecodesAHandWrittenBatch() throws DecodeException {
    SingularBatch batch = new SingularBatch(PARENT, 1, EPOCH, 2, List.of(Bytes.fromHexString("0xaa")));
    assertEquals(HAND_WRITTEN, BatchCodec.encode(batch));
    assertEquals(batch, BatchCodec.decode(HAND_WRITTEN));
  }

  private static Bytes batch(Consumer<RLPWriter> fields) {
    byte[] list = RLP.encodeList(fields).toArray();
    byte[] out = new byte[list.length + 1];
    System.arraycopy(list, 0, out, 1, list.length);
    return Bytes.wrap(out);
  }

  private static String reject(Bytes data) {
    return assertThrows(DecodeException.class, () -> BatchCodec.decode(data)).getMessage();
  }

  /**
   * op-node's {@code BatchData.decodeTyped} reads a singular batch with {@code rlp.Decode} on a
   * {@code bytes.Reader}: one value is read and whatever follows it is never looked at.
   */
  @Test
  void ignoresBytesAfterTheListLikeOpNodeRlpDecodeOnAReader() throws DecodeException {
    SingularBatch batch = new SingularBatch(PARENT, 1, EPOCH, 2, List.of(Bytes.fromHexString("0xaa")));
    for (String tail : List.of("00", "ff", "c0", "f847deadbeef")) {
      assertEquals(batch, BatchCodec.decode(Bytes.concatenate(HAND_WRITTEN, Bytes.fromHexString(tail))), tail);
    }
  }

  @Test
  void theListItselfStaysStrictWhenBytesFollow() {
    byte[] cut = HAND_WRITTEN.slice(0, HAND_WRITTEN.size() - 1).toArray();
    assertThrows(DecodeException.class, () -> BatchCodec.decode(Bytes.wrap(cut)));
    Bytes withHashTooShort = Bytes.fromHexString(
        "0x00" + "f846" + "9f" + "11".repeat(31) + "01" + "a0" + "22".repeat(32) + "02" + "c281aa" + "00");
    assertTrue(reject(withHashTooShort).contains("parent_hash must be 32 bytes"));
  }

  @Test
  void rejectsWrongFieldCounts() {
    Bytes four = batch(w -> {
      w.writeValue(PARENT.bytes());
      w.writeValue(Bytes.of(1));
      w.writeValue(EPOCH.bytes());
      w.writeValue(Bytes.of(2));
    });
    assertTrue(reject(four).contains("missing field transaction_list"));
    Bytes six = batch(w -> {
      w.writeValue(PARENT.bytes());
      w.writeValue(Bytes.of(1));
      w.writeValue(EPOCH.bytes());
      w.writeValue(Bytes.of(2));
      w.writeList(l -> { });
      w.writeValue(Bytes.EMPTY);
    });
    assertTrue(reject(six).contains("more elements"));
  }

  @Test
  void rejectsMalformedFields() {
    Bytes shortHash = batch(w -> {
      w.writeValue(PARENT.bytes().slice(1));
      w.writeValue(Bytes.of(1));
      w.writeValue(EPOCH.bytes());
      w.writeValue(Bytes.of(2));
      w.writeList(l -> { });
    });
    assertTrue(reject(shortHash).contains("parent_hash must be 32 bytes"));
    Bytes leadingZeroEpoch = batch(w -> {
      w.writeValue(PARENT.bytes());
      w.writeValue(Bytes.fromHexString("0x0001"));
      w.writeValue(EPOCH.bytes());
      w.writeValue(Bytes.of(2));
      w.writeList(l -> { });
    });
    assertTrue(reject(leadingZeroEpoch).contains("epoch_number has leading zero"));
    Bytes listAsTx = batch(w -> {
      w.writeValue(PARENT.bytes());
      w.writeValue(Bytes.of(1));
      w.writeValue(EPOCH.bytes());
      w.writeValue(Bytes.of(2));
      w.writeList(l -> l.writeList(inner -> { }));
    });
    assertTrue(reject(listAsTx).contains("transaction must be an RLP string"));
    Bytes stringAsBatch = Bytes.fromHexString("0x00820102");
    assertTrue(reject(stringAsBatch).contains("expected an RLP list"));
    assertTrue(reject(Bytes.of(0)).contains("empty"));
  }

  @Test
  void transactionsStayOpaque() throws DecodeException {
    // an empty tx or garbage decodes here; batch validity (rule 12) and the engine judge it later
    SingularBatch batch = new SingularBatch(PARENT, 1, EPOCH, 2, List.of(Bytes.EMPTY, Bytes.fromHexString("0x7e")));
    assertEquals(batch, BatchCodec.decode(BatchCodec.encode(batch)));
  }
}
