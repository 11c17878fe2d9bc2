package dev.opsim.benchmarks;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.channel.BatcherTxData;
import dev.opsim.protocol.channel.Frame;
import dev.opsim.protocol.tx.Transaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * The real OP Mainnet batcher transaction of the shared fixtures (one frame, a zlib channel holding one span batch
 * of 27 blocks and 209 transactions). Benchmarks read it at set-up; set -Dopsim.fixtures to point elsewhere.
 */
final class MainnetChannel {
  private MainnetChannel() {}

  static Bytes channelData() {
    Path file = Path.of(System.getProperty("opsim.fixtures", "../shared/fixtures"), "op/channels/raw_batcher_tx.hex");
    try {
      byte[] calldata = Transaction.decode(Files.readAllBytes(file)).data().toArrayUnsafe();
      List<Frame> frames = BatcherTxData.parse(calldata);
      return frames.get(0).data();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file.toAbsolutePath() + " (run from the project root or set"
          + " -Dopsim.fixtures)", e);
    } catch (DecodeException e) {
      throw new IllegalStateException("fixture does not decode: " + e.getMessage(), e);
    }
  }
}
