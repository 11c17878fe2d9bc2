package dev.opsim.protocol.batch;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Fixtures;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Hex;
import dev.opsim.protocol.tx.DynamicFeeTx;
import dev.opsim.protocol.tx.Transaction;
import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;

/**
 * The batch fixtures of {@code shared/fixtures/op}, unwrapped to batch data ({@code version ++ content}). The real
 * OP Mainnet span batch sits inside a batcher transaction, a frame and a zlib channel; the channel code lives in
 * another package, so the few steps are done here by hand (protocol-reference 5.2–5.5).
 */
final class BatchFixtures {
  /** OP Mainnet L2 genesis time: the README's L2 time 1710338157 minus rel_timestamp 24269254. */
  static final long OP_MAINNET_GENESIS_TIME = 1710338157L - 24269254L;
  /** OP Sepolia L2 genesis time: the README's L2 time 1703204432 minus rel_timestamp 11401892. */
  static final long OP_SEPOLIA_GENESIS_TIME = 1703204432L - 11401892L;

  private BatchFixtures() {}

  /** {@code raw_batch.hex}: binary span batch content without the version byte; we add {@code 0x01}. */
  static Bytes rawBatchContent() {
    return Bytes.wrap(Fixtures.bytes("op/batches/raw_batch.hex"));
  }

  /** {@code span_batch}: hex text of a span batch with its version byte. */
  static Bytes sepoliaSpanBatch() {
    return Bytes.wrap(Hex.decode(Fixtures.text("op/batches/span_batch")));
  }

  /** The real OP Mainnet L1 batcher transaction, {@code channels/raw_batcher_tx.hex} (binary). */
  static Bytes mainnetBatcherTx() {
    return Bytes.wrap(Fixtures.bytes("op/channels/raw_batcher_tx.hex"));
  }

  /** Calldata → version 0 → one frame → zlib channel → one RLP string → batch data. */
  static Bytes mainnetSpanBatch() throws DecodeException, DataFormatException {
    return RLP.decode(Bytes.wrap(mainnetChannel()), reader -> {
      Bytes batch = reader.readValue();
      if (!reader.isComplete()) {
        throw new IllegalStateException("expected exactly one batch in the channel");
      }
      return batch;
    });
  }

  /** The decompressed channel of the mainnet batcher tx (collector: 240,308 bytes). */
  static int mainnetChannelLength() throws DecodeException, DataFormatException {
    return mainnetChannel().length;
  }

  private static byte[] mainnetChannel() throws DecodeException, DataFormatException {
    DynamicFeeTx tx = (DynamicFeeTx) Transaction.decode(mainnetBatcherTx());
    byte[] calldata = tx.data().toArrayUnsafe();
    if (calldata[0] != 0) {
      throw new IllegalStateException("expected derivation version 0");
    }
    int frameDataLength = Bytes.wrap(calldata, 1 + 16 + 2, 4).toInt();
    byte[] frameData = Bytes.wrap(calldata, 1 + 16 + 2 + 4, frameDataLength).toArray();
    if (calldata.length != 1 + 16 + 2 + 4 + frameDataLength + 1 || calldata[calldata.length - 1] != 1) {
      throw new IllegalStateException("expected exactly one closing frame");
    }
    return inflate(frameData);
  }

  /**
   * Inflates everything the input holds. This channel's zlib stream is flushed but not finished (no final block
   * or adler32), and op-node's reader keeps what it decompressed before the input ran out; so do we.
   */
  static byte[] inflate(byte[] zlib) throws DataFormatException {
    Inflater inflater = new Inflater();
    inflater.setInput(zlib);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[65536];
    while (!inflater.finished()) {
      int n = inflater.inflate(buffer);
      if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
        break;
      }
      out.write(buffer, 0, n);
    }
    inflater.end();
    return out.toByteArray();
  }

  /** An L1 block hash for tests that need one per epoch; {@code last} gets a hash starting with {@code check}. */
  static Hash fakeL1Hash(long number, long last, Bytes check) {
    Hash filler = Hash.ofLong(number);
    if (number != last) {
      return filler;
    }
    return Hash.wrap(Bytes.concatenate(check, filler.bytes().slice(check.size())));
  }
}
