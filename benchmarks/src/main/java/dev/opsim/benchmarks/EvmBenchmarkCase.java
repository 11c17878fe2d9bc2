package dev.opsim.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.engine.trie.AccountState;
import dev.opsim.engine.trie.AccountTrie;
import dev.opsim.engine.trie.InMemoryNodeStore;
import dev.opsim.engine.trie.NodeStore;
import dev.opsim.engine.trie.StorageTrie;
import dev.opsim.evm.BlockEnv;
import dev.opsim.evm.CodeCache;
import dev.opsim.evm.EvmSpec;
import dev.opsim.evm.PrecompileRegistry;
import dev.opsim.evm.StandardPrecompiles;
import dev.opsim.evm.state.InMemoryBaseState;
import dev.opsim.evm.state.JournaledState;
import dev.opsim.evm.state.Log;
import dev.opsim.evm.tx.Transaction;
import dev.opsim.evm.tx.TransactionProcessor;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Hex;
import dev.opsim.protocol.Keccak;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * One case of the evm-benchmarks suite (shared/fixtures/evm-benchmarks/README.md): the {@code London} post entry
 * of a state-test file, executed under Cancun rules as the README prescribes. The files only use legacy
 * transactions, no pre-state storage and no access lists, which is all this loader reads.
 *
 * <p>{@code StateTestRunner} builds the same objects but keeps its builders private, so this is a small copy of
 * them for this fixture subset. The pre-state is never mutated by {@link #execute}: every run starts from it.
 */
public final class EvmBenchmarkCase {
  /** The fork key every file of the suite uses (README "Format notes"). */
  public static final String FILE_FORK = "London";
  /** The rules the cases run under (README "Running them under Cancun rules"). */
  public static final String RUN_AS = "Cancun";
  private static final long CHAIN_ID = 1;

  private final String id;
  private final InMemoryBaseState preState;
  private final BlockEnv block;
  private final Transaction tx;
  private final Hash expectedRoot;
  private final Hash expectedLogsHash;

  private EvmBenchmarkCase(String id, InMemoryBaseState preState, BlockEnv block, Transaction tx,
      Hash expectedRoot, Hash expectedLogsHash) {
    this.id = id;
    this.preState = preState;
    this.block = block;
    this.tx = tx;
    this.expectedRoot = expectedRoot;
    this.expectedLogsHash = expectedLogsHash;
  }

  /** A case without expected post-state (hand-written programs); {@link #verify} then only checks it executes. */
  static EvmBenchmarkCase of(String id, InMemoryBaseState preState, BlockEnv block, Transaction tx) {
    return new EvmBenchmarkCase(id, preState, block, tx, null, null);
  }

  /** {@code file-stem/label}, e.g. {@code snailtracer/benchmark} or {@code memory_grow_mload/by16}. */
  public String id() {
    return id;
  }

  /** Runs the transaction on a fresh journal over the (unchanged) pre-state. */
  public TxResult.Executed execute(EvmSpec spec, PrecompileRegistry precompiles, CodeCache codeCache) {
    JournaledState state = new JournaledState(preState);
    TxResult r = new TransactionProcessor(spec, precompiles, codeCache).process(state, tx, block);
    if (r instanceof TxResult.Executed ex) {
      return ex;
    }
    throw new IllegalStateException(id + ": transaction rejected: " + r);
  }

  /**
   * Runs the case once on a copy of the pre-state and checks the post-state root and logs hash against the file,
   * so a benchmark never measures a wrong execution. Returns the transaction's gas used.
   */
  public long verify() {
    EvmSpec spec = EvmSpec.forName(RUN_AS);
    JournaledState state = new JournaledState(preState);
    TxResult r = new TransactionProcessor(spec, StandardPrecompiles.forSpec(spec), new CodeCache(16))
        .process(state, tx, block);
    if (!(r instanceof TxResult.Executed ex)) {
      throw new IllegalStateException(id + ": transaction rejected: " + r);
    }
    if (expectedRoot == null) {
      if (!ex.success()) {
        throw new IllegalStateException(id + ": execution failed with status " + ex.status());
      }
      return ex.gasUsed();
    }
    InMemoryBaseState post = copy(preState);
    post.apply(state.changes());
    Hash root = stateRoot(post);
    if (!root.equals(expectedRoot)) {
      throw new IllegalStateException(id + ": post state root " + root + ", file says " + expectedRoot);
    }
    Hash logs = logsHash(ex.logs());
    if (!logs.equals(expectedLogsHash)) {
      throw new IllegalStateException(id + ": logs hash " + logs + ", file says " + expectedLogsHash);
    }
    return ex.gasUsed();
  }

  /** All cases under {@code dir} (the suite's {@code benchmarks/} folder), sorted by id. */
  public static List<EvmBenchmarkCase> loadAll(Path dir) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<EvmBenchmarkCase> out = new ArrayList<>();
    for (Path f : files) {
      out.addAll(load(f));
    }
    out.sort((a, b) -> a.id.compareTo(b.id));
    return out;
  }

  /** The case with this id under {@code dir}. */
  public static EvmBenchmarkCase find(Path dir, String id) {
    return loadAll(dir).stream().filter(c -> c.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no evm-benchmarks case " + id + " under " + dir));
  }

  /** The cases of one file: one per {@code London} post entry, named by {@code _info.labels}. */
  public static List<EvmBenchmarkCase> load(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
    List<EvmBenchmarkCase> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> tests = root.fields();
    while (tests.hasNext()) {
      JsonNode test = tests.next().getValue();
      JsonNode labels = test.path("_info").path("labels");
      BlockEnv block = blockEnv(test.path("env"));
      for (JsonNode post : test.path("post").path(FILE_FORK)) {
        int d = post.path("indexes").path("data").asInt();
        String label = labels.path(Integer.toString(d)).asText("d" + d);
        out.add(new EvmBenchmarkCase(stem + "/" + label, preState(test.path("pre")), block,
            transaction(test.path("transaction"), post.path("indexes")), Hash.fromHex(post.path("hash").asText()),
            Hash.fromHex(post.path("logs").asText())));
      }
    }
    return out;
  }

  /**
   * The suite's folder: system property {@code evmbench.dir}, else {@code shared/fixtures/evm-benchmarks/benchmarks}
   * found from the working directory or one of its parents' siblings (worktree root, module dir).
   */
  public static Path suiteDir() {
    String prop = System.getProperty("evmbench.dir");
    if (prop != null) {
      return Path.of(prop);
    }
    Path rel = Path.of("shared", "fixtures", "evm-benchmarks", "benchmarks");
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve(rel);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("evm-benchmarks fixtures not found; pass -Devmbench.dir=PATH");
  }

  private static BigInteger quantity(JsonNode n) {
    String s = n.asText().strip();
    if (s.startsWith("0x") || s.startsWith("0X")) {
      String digits = s.substring(2);
      return digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, 16);
    }
    return s.isEmpty() ? BigInteger.ZERO : new BigInteger(s);
  }

  private static InMemoryBaseState preState(JsonNode pre) {
    InMemoryBaseState base = new InMemoryBaseState();
    pre.fields().forEachRemaining(e -> {
      JsonNode a = e.getValue();
      Map<UInt256, UInt256> storage = new HashMap<>();
      a.path("storage").fields().forEachRemaining(s -> storage.put(
          UInt256.fromHexString(s.getKey()), UInt256.valueOf(quantity(s.getValue()))));
      base.put(Address.fromHex(e.getKey()), quantity(a.path("nonce")).longValue(), quantity(a.path("balance")),
          Bytes.wrap(Hex.decode(a.path("code").asText())), storage);
    });
    return base;
  }

  private static InMemoryBaseState copy(InMemoryBaseState s) {
    InMemoryBaseState c = new InMemoryBaseState();
    s.accounts().forEach((a, e) -> c.put(a, e.nonce, e.balance, e.code, e.storage));
    return c;
  }

  private static BlockEnv blockEnv(JsonNode env) {
    byte[] random = new byte[32];
    byte[] r = Hex.decode(env.path("currentRandom").asText("0x"));
    System.arraycopy(r, 0, random, 32 - r.length, r.length);
    return new BlockEnv(
        CHAIN_ID,
        Address.fromHex(env.path("currentCoinbase").asText()),
        quantity(env.path("currentGasLimit")).longValueExact(),
        quantity(env.path("currentNumber")).longValueExact(),
        quantity(env.path("currentTimestamp")).longValueExact(),
        Hash.wrap(random),
        quantity(env.path("currentBaseFee")),
        0,
        n -> Keccak.hash(Long.toString(n).getBytes(StandardCharsets.US_ASCII)));
  }

  private static Transaction transaction(JsonNode t, JsonNode indexes) {
    return new Transaction(
        0,
        Address.fromHex(t.path("sender").asText()),
        quantity(t.path("nonce")).longValueExact(),
        quantity(t.path("gasLimit").get(indexes.path("gas").asInt())).longValueExact(),
        quantity(t.path("gasPrice")),
        null,
        null,
        Address.fromHex(t.path("to").asText()),
        quantity(t.path("value").get(indexes.path("value").asInt())),
        Bytes.wrap(Hex.decode(t.path("data").get(indexes.path("data").asInt()).asText())),
        null,
        null,
        null);
  }

  /** State root as the state tests define it (ethereum-tests README "hash"), through the engine's tries. */
  private static Hash stateRoot(InMemoryBaseState state) {
    NodeStore store = new InMemoryNodeStore();
    AccountTrie accounts = new AccountTrie(store);
    state.accounts().forEach((address, a) -> {
      StorageTrie storage = new StorageTrie(store);
      a.storage.forEach((k, v) -> storage.put(k.toBytes(), v.toBytes()));
      accounts.put(address, new AccountState(a.nonce, a.balance, storage.rootHash(), a.codeHash));
    });
    return accounts.rootHash();
  }

  private static Hash logsHash(List<Log> logs) {
    Bytes rlp = RLP.encodeList(w -> {
      for (Log l : logs) {
        w.writeList(lw -> {
          lw.writeValue(l.address().bytes());
          lw.writeList(tw -> l.topics().forEach(topic -> tw.writeValue(topic.bytes())));
          lw.writeValue(l.data());
        });
      }
    });
    return Keccak.hash(rlp);
  }
}
