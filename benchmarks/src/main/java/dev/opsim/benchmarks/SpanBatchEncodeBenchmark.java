package dev.opsim.benchmarks;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.batch.BatchCodec;
import dev.opsim.protocol.batch.SpanBatch;
import dev.opsim.protocol.channel.ChannelCompression;
import dev.opsim.protocol.channel.ChannelReader;
import dev.opsim.protocol.channel.ChannelRules;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Encoding the real OP Mainnet span batch (27 blocks, 209 txs, about 240 kB) back to its bytes. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SpanBatchEncodeBenchmark {
  private SpanBatch batch;

  @Setup
  public void load() throws DecodeException {
    Bytes payload = ChannelReader.readBatches(
        ChannelCompression.decompress(MainnetChannel.channelData(), ChannelRules.FJORD).data()).batches().get(0);
    batch = (SpanBatch) BatchCodec.decode(payload);
  }

  @Benchmark
  public Bytes encode() {
    return BatchCodec.encode(batch);
  }
}
