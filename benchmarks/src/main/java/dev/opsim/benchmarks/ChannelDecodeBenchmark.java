package dev.opsim.benchmarks;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.batch.BatchCodec;
import dev.opsim.protocol.channel.ChannelCompression;
import dev.opsim.protocol.channel.ChannelContent;
import dev.opsim.protocol.channel.ChannelReader;
import dev.opsim.protocol.channel.ChannelRules;
import dev.opsim.protocol.channel.Decompressed;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Channel → decompress (zlib) → RLP batch stream → span batch decode, on the real OP Mainnet channel. The aux
 * counters give compressed and decompressed bytes per second and batches per second besides ops/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ChannelDecodeBenchmark {
  private Bytes channel;

  /** Per-second rates JMH reports next to the score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Rates {
    public long compressedBytes;
    public long decompressedBytes;
    public long batches;

    @Setup(Level.Iteration)
    public void reset() {
      compressedBytes = 0;
      decompressedBytes = 0;
      batches = 0;
    }
  }

  @Setup
  public void load() {
    channel = MainnetChannel.channelData();
  }

  @Benchmark
  public void decompressAndDecode(Rates rates, Blackhole sink) throws DecodeException {
    Decompressed decompressed = ChannelCompression.decompress(channel, ChannelRules.FJORD);
    ChannelContent content = ChannelReader.readBatches(decompressed.data());
    for (Bytes payload : content.batches()) {
      sink.consume(BatchCodec.decode(payload));
    }
    rates.compressedBytes += channel.size();
    rates.decompressedBytes += decompressed.data().size();
    rates.batches += content.batches().size();
  }

  @Benchmark
  public void decompressOnly(Blackhole sink) throws DecodeException {
    sink.consume(ChannelCompression.decompress(channel, ChannelRules.FJORD));
  }
}
