package dev.opsim.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.engine.node.EngineConfig;
import dev.opsim.engine.node.EngineNode;
import dev.opsim.engine.txpool.TransactionSigning;
import dev.opsim.evm.crypto.Secp256k1;
import dev.opsim.evm.crypto.Signature;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hex;
import dev.opsim.protocol.Keccak;
import dev.opsim.protocol.tx.DynamicFeeTx;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;

/**
 * Public JSON-RPC throughput of a real in-process engine over loopback: an {@link EngineNode} on an L1 dev chain
 * (a block per transaction, like {@code --dev.period 0}) on RocksDB, ProbeToken deployed through
 * {@code eth_sendRawTransaction}, then N client threads, each sending requests back to back over HTTP/1.1
 * keep-alive ({@link HttpClient}, one shared client), for a warm-up and then a timed window. Workloads:
 * {@code eth_blockNumber}, {@code eth_call} of {@code balanceOf(dev)} at latest, and a batch of 10
 * {@code eth_blockNumber}. Every response is checked (HTTP 200, a result, no error) and the run fails otherwise.
 * Client and server share the machine's cores, so this measures the pair, not the server alone.
 *
 * <p>Usage (from the project root, ProbeToken's artifact is read from the engine's test resources):
 * {@code java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar
 * dev.opsim.benchmarks.RpcThroughput [--seconds S] [--warmup S] [--threads 1,4,16]}.
 */
public final class RpcThroughput {
  private static final long CHAIN_ID = 1337;
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  /** Account 0 of the "test test ... junk" mnemonic, funded in the genesis. */
  private static final byte[] DEV_KEY =
      Hex.decode("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  private static final Address DEV = Secp256k1.addressOf(DEV_KEY);
  private static final BigInteger SUPPLY = BigInteger.TEN.pow(27);
  private static final Path ARTIFACT = Path.of("execution-engine/src/test/resources/solidity/ProbeToken.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private RpcThroughput() {}

  /** One kind of request: its body and how many JSON-RPC calls it carries. */
  private record Workload(String name, byte[] body, int calls) {}

  /** The outcome of one (workload, threads) run. */
  private record Row(long requests, double seconds, long[] sortedNanos, String errors) {
    double requestsPerSecond() {
      return requests / seconds;
    }

    double percentileMicros(double p) {
      if (sortedNanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100 * sortedNanos.length) - 1;
      return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e3;
    }
  }

  public static void main(String[] args) throws Exception {
    double seconds = 10;
    double warmup = 3;
    List<Integer> threadCounts = List.of(1, 4, 16);
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--seconds" -> seconds = Double.parseDouble(args[++i]);
          case "--warmup" -> warmup = Double.parseDouble(args[++i]);
          case "--threads" -> threadCounts = Arrays.stream(args[++i].split(",")).map(String::trim)
              .map(Integer::parseInt).toList();
          default -> throw new IllegalArgumentException(args[i]);
        }
      }
      if (seconds <= 0 || warmup < 0 || threadCounts.isEmpty() || threadCounts.stream().anyMatch(n -> n < 1)) {
        throw new IllegalArgumentException("bad value");
      }
    } catch (RuntimeException e) {
      System.err.println("usage: RpcThroughput [--seconds S] [--warmup S] [--threads 1,4,16]");
      System.exit(2);
    }
    Bytes creation = Bytes.fromHexString(JSON.readTree(ARTIFACT.toFile()).get("bytecode").asText());

    Path dir = Files.createTempDirectory("opsim-rpc");
    try {
      Path genesis = dir.resolve("genesis.json");
      Files.writeString(genesis, genesisJson());
      EngineConfig config = new EngineConfig(genesis, dir.resolve("data"), "127.0.0.1", 0, 0, Optional.empty(),
          OptionalLong.of(0));
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build();
      try (EngineNode node = EngineNode.start(config, InstantSource.system())) {
        URI uri = node.httpUri();
        Address token = deploy(client, uri, creation);
        List<Workload> workloads = workloads(token);
        System.out.printf(Locale.ROOT, "engine %s, token %s, %d processors, warm-up %.1f s, measured %.1f s%n",
            uri, token, Runtime.getRuntime().availableProcessors(), warmup, seconds);
        // The first row measured would otherwise pay for compiling the client's and the server's paths.
        int most = threadCounts.stream().mapToInt(Integer::intValue).max().orElseThrow();
        for (Workload w : workloads) {
          Row row = run(client, uri, w, most, 0, Math.max(warmup, 1));
          if (!row.errors().isEmpty()) {
            throw new IllegalStateException(w.name() + " (JIT warm-up): " + row.errors());
          }
        }
        System.out.printf(Locale.ROOT, "%-20s %7s %10s %10s %10s %10s %10s %6s%n", "workload", "threads",
            "requests", "req/s", "p50 us", "p99 us", "max us", "load");
        for (Workload w : workloads) {
          for (int threads : threadCounts) {
            Row row = run(client, uri, w, threads, warmup, seconds);
            if (!row.errors().isEmpty()) {
              throw new IllegalStateException(w.name() + " with " + threads + " threads: " + row.errors());
            }
            String rate = String.format(Locale.ROOT, "%.0f", row.requestsPerSecond());
            if (w.calls() > 1) {
              rate += String.format(Locale.ROOT, " (%.0f calls/s)", row.requestsPerSecond() * w.calls());
            }
            System.out.printf(Locale.ROOT, "%-20s %7d %10d %10s %10.0f %10.0f %10.0f %6.2f%n", w.name(), threads,
                row.requests(), rate, row.percentileMicros(50), row.percentileMicros(99), row.percentileMicros(100),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
          }
        }
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Like the engine tests' L1 genesis: every fork through Cancun at 0, the dev account funded, base fee 1 gwei. */
  private static String genesisJson() {
    return "{\"config\":{\"chainId\":" + CHAIN_ID + ",\"homesteadBlock\":0,\"eip150Block\":0,\"eip155Block\":0,"
        + "\"eip158Block\":0,\"byzantiumBlock\":0,\"constantinopleBlock\":0,\"petersburgBlock\":0,"
        + "\"istanbulBlock\":0,\"muirGlacierBlock\":0,\"berlinBlock\":0,\"londonBlock\":0,\"arrowGlacierBlock\":0,"
        + "\"grayGlacierBlock\":0,\"mergeNetsplitBlock\":0,\"shanghaiTime\":0,\"cancunTime\":0,"
        + "\"terminalTotalDifficulty\":0,\"terminalTotalDifficultyPassed\":true},"
        + "\"nonce\":\"0x0\",\"timestamp\":\"0x6553f100\",\"extraData\":\"0x\",\"gasLimit\":\"0x1c9c380\","
        + "\"difficulty\":\"0x0\",\"mixHash\":\"0x" + "00".repeat(32) + "\",\"coinbase\":\"0x" + "00".repeat(20)
        + "\",\"baseFeePerGas\":\"0x3b9aca00\",\"alloc\":{\"" + DEV + "\":{\"balance\":\"0x21e19e0c9bab2400000\"}}}";
  }

  /** Sends ProbeToken's creation through the pool, waits for its receipt, checks balanceOf(dev) through eth_call. */
  private static Address deploy(HttpClient client, URI uri, Bytes creation) throws Exception {
    Bytes data = Bytes.concatenate(creation, word(SUPPLY));
    BigInteger id = BigInteger.valueOf(CHAIN_ID);
    BigInteger feeCap = GWEI.multiply(BigInteger.valueOf(100));
    long gas = 3_000_000;
    DynamicFeeTx unsigned = new DynamicFeeTx(id, 0, GWEI, feeCap, gas, null, BigInteger.ZERO, data, List.of(),
        BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
    Signature sig = Secp256k1.sign(TransactionSigning.signingHash(unsigned), DEV_KEY);
    Bytes raw = new DynamicFeeTx(id, 0, GWEI, feeCap, gas, null, BigInteger.ZERO, data, List.of(),
        BigInteger.valueOf(sig.yParity()), sig.r(), sig.s()).encode();
    String txHash = call(client, uri, "eth_sendRawTransaction", "[\"" + raw.toHexString() + "\"]").asText();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonNode receipt = call(client, uri, "eth_getTransactionReceipt", "[\"" + txHash + "\"]");
    while (receipt.isNull()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no receipt for the deployment " + txHash + " after 30 s");
      }
      Thread.sleep(20);
      receipt = call(client, uri, "eth_getTransactionReceipt", "[\"" + txHash + "\"]");
    }
    if (!receipt.path("status").asText().equals("0x1")) {
      throw new IllegalStateException("deployment failed: " + receipt);
    }
    Address token = Address.fromHex(receipt.get("contractAddress").asText());
    String balance = call(client, uri, "eth_call", balanceOfParams(token)).asText();
    if (!new BigInteger(balance.substring(2), 16).equals(SUPPLY)) {
      throw new IllegalStateException("balanceOf(dev) is " + balance + ", expected " + SUPPLY);
    }
    return token;
  }

  private static List<Workload> workloads(Address token) {
    String blockNumber = request(1, "eth_blockNumber", "[]");
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 10; i++) {
      batch.append(i == 0 ? "" : ",").append(request(i + 1, "eth_blockNumber", "[]"));
    }
    batch.append(']');
    return List.of(
        new Workload("eth_blockNumber", blockNumber.getBytes(StandardCharsets.UTF_8), 1),
        new Workload("eth_call balanceOf", request(1, "eth_call", balanceOfParams(token))
            .getBytes(StandardCharsets.UTF_8), 1),
        new Workload("batch 10 blockNumber", batch.toString().getBytes(StandardCharsets.UTF_8), 10));
  }

  private static String balanceOfParams(Address token) {
    Bytes input = Bytes.concatenate(selector("balanceOf(address)"), Bytes.wrap(new byte[12]), DEV.bytes());
    return "[{\"from\":\"" + DEV + "\",\"to\":\"" + token + "\",\"data\":\"" + input.toHexString()
        + "\"},\"latest\"]";
  }

  private static String request(int id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}";
  }

  /**
   * Runs {@code threads} clients back to back until warm-up plus measurement is over; a request counts (rate and
   * latency) when it started inside the measured window.
   */
  private static Row run(HttpClient client, URI uri, Workload w, int threads, double warmup, double seconds)
      throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(w.body())).build();
    long start = System.nanoTime();
    long measureFrom = start + (long) (warmup * 1e9);
    long measureTo = measureFrom + (long) (seconds * 1e9);
    AtomicReference<String> error = new AtomicReference<>("");
    List<LongList> samples = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      LongList mine = new LongList();
      samples.add(mine);
      workers.add(Thread.ofVirtual().name("rpc-client-" + t).start(() -> {
        try {
          while (error.get().isEmpty()) {
            long t0 = System.nanoTime();
            if (t0 >= measureTo) {
              break;
            }
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long t1 = System.nanoTime();
            String problem = check(response, w.calls());
            if (problem != null) {
              error.compareAndSet("", problem);
              break;
            }
            if (t0 >= measureFrom) {
              mine.add(t1 - t0);
            }
          }
        } catch (IOException | InterruptedException e) {
          error.compareAndSet("", e.toString());
        }
      }));
    }
    for (Thread worker : workers) {
      worker.join();
    }
    LongList all = new LongList();
    samples.forEach(all::addAll);
    long[] sorted = all.toArray();
    Arrays.sort(sorted);
    return new Row(sorted.length, seconds, sorted, error.get());
  }

  /** Null when the response is a good answer carrying {@code calls} results; else what is wrong. */
  private static String check(HttpResponse<String> response, int calls) {
    String body = response.body();
    if (response.statusCode() != 200) {
      return "HTTP " + response.statusCode() + ": " + body;
    }
    // A cheap check that keeps the client's CPU share low: the server emits compact JSON.
    int results = count(body, "\"result\":");
    if (results != calls || body.contains("\"error\":")) {
      return "unexpected answer: " + body;
    }
    return null;
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  private static JsonNode call(HttpClient client, URI uri, String method, String params) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(request(1, method, params))).build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode answer = JSON.readTree(response.body());
    if (response.statusCode() != 200 || answer.has("error")) {
      throw new IllegalStateException(method + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return answer.get("result");
  }

  private static Bytes selector(String signature) {
    return Keccak.hash(Bytes.wrap(signature.getBytes(StandardCharsets.US_ASCII))).bytes().slice(0, 4);
  }

  private static Bytes word(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return Bytes.wrap(out);
  }

  /** A growable long array, so recording a latency does not box. */
  private static final class LongList {
    private long[] values = new long[1024];
    private int size;

    void add(long value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    void addAll(LongList other) {
      for (int i = 0; i < other.size; i++) {
        add(other.values[i]);
      }
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
