package dev.opsim.engine.statetest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.evm.BlockEnv;
import dev.opsim.evm.CodeCache;
import dev.opsim.evm.EvmSpec;
import dev.opsim.evm.PrecompileRegistry;
import dev.opsim.evm.Tracer;
import dev.opsim.evm.state.InMemoryBaseState;
import dev.opsim.evm.state.JournaledState;
import dev.opsim.evm.tx.AccessListEntry;
import dev.opsim.evm.tx.Transaction;
import dev.opsim.evm.tx.TransactionProcessor;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Hex;
import dev.opsim.protocol.Keccak;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Runs GeneralStateTests files (format: the ethereum-tests fixture README): each post entry is one transaction
 * on a fresh copy of the pre-state; the post state root and logs hash are compared.
 */
public final class StateTestRunner {
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final long CHAIN_ID = 1;

  private final ObjectMapper mapper = new ObjectMapper();
  private final Function<EvmSpec, PrecompileRegistry> precompiles;
  private final CodeCache codeCache = new CodeCache(4096);
  private final Map<String, EvmSpec> specs = new HashMap<>();

  /** @param precompiles the precompile set for a fork */
  public StateTestRunner(Function<EvmSpec, PrecompileRegistry> precompiles) {
    this.precompiles = precompiles;
  }

  /** Post entries skipped in the last {@link #runFile} call: filtered out, or of a fork the EVM does not have. */
  private int skipped;

  public int lastSkipped() {
    return skipped;
  }

  /**
   * Runs every post entry of {@code file} whose fork passes {@code forkFilter} and whose test name matches
   * {@code nameFilter}; {@code tracerFactory} may give a tracer per entry (or null).
   */
  public List<StateTestResult> runFile(Path file, Predicate<String> forkFilter, Predicate<String> nameFilter,
      Function<String, Tracer> tracerFactory) throws IOException {
    skipped = 0;
    JsonNode root = mapper.readTree(file.toFile());
    List<StateTestResult> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> tests = root.fields();
    while (tests.hasNext()) {
      Map.Entry<String, JsonNode> t = tests.next();
      String name = t.getKey();
      JsonNode test = t.getValue();
      if (!nameFilter.test(name)) {
        continue;
      }
      Iterator<Map.Entry<String, JsonNode>> forks = test.path("post").fields();
      while (forks.hasNext()) {
        Map.Entry<String, JsonNode> fe = forks.next();
        String fork = fe.getKey();
        if (!forkFilter.test(fork) || !supported(fork)) {
          // Forks before Shanghai are not implemented; their entries count as skipped, like filtered ones.
          skipped += fe.getValue().size();
          continue;
        }
        for (int i = 0; i < fe.getValue().size(); i++) {
          JsonNode post = fe.getValue().get(i);
          StateTestResult r;
          try {
            r = runEntry(name, test, fork, post, i, file.toString(),
                tracerFactory == null ? null : tracerFactory.apply(name));
          } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            r = new StateTestResult(name, false, "0x", fork, "runner error: " + e, "0x", 0, file.toString(), i);
          }
          out.add(r);
        }
      }
    }
    return out;
  }

  private static boolean supported(String fork) {
    return fork.equals("Shanghai") || fork.equals("Cancun");
  }

  private EvmSpec spec(String fork) {
    return specs.computeIfAbsent(fork, EvmSpec::forName);
  }

  private StateTestResult runEntry(String name, JsonNode test, String fork, JsonNode post, int index, String file,
      Tracer tracer) {
    EvmSpec spec;
    try {
      spec = spec(fork);
    } catch (IllegalArgumentException e) {
      return new StateTestResult(name, false, "0x", fork, "unsupported fork " + fork, "0x", 0, file, index);
    }
    InMemoryBaseState base = preState(test.path("pre"));
    BlockEnv block = blockEnv(test.path("env"));
    String expectException = post.hasNonNull("expectException") ? post.get("expectException").asText() : null;
    String wantRoot = post.path("hash").asText();
    String wantLogs = post.path("logs").asText();

    Transaction tx;
    String buildError = null;
    try {
      tx = transaction(test.path("transaction"), post.path("indexes"));
    } catch (IllegalArgumentException e) {
      tx = null;
      buildError = e.getMessage();
    }
    TxResult result;
    if (tx == null) {
      result = new TxResult.Rejected(null, buildError);
    } else {
      JournaledState state = new JournaledState(base);
      result = new TransactionProcessor(spec, precompiles.apply(spec), codeCache).process(state, tx, block, tracer);
      if (result instanceof TxResult.Executed) {
        base.apply(state.changes());
      }
    }
    String root = StateRoots.stateRoot(base).toString();
    long gasUsed = 0;
    String logs = StateRoots.logsHash(List.of()).toString();
    if (result instanceof TxResult.Executed ex) {
      gasUsed = ex.gasUsed();
      logs = StateRoots.logsHash(ex.logs()).toString();
    }
    String error = null;
    if (expectException != null) {
      if (result instanceof TxResult.Executed) {
        error = "expected error " + expectException + ", got no error";
      } else if (!root.equalsIgnoreCase(wantRoot)) {
        error = "post state root mismatch: got " + root + ", want " + wantRoot;
      }
    } else if (result instanceof TxResult.Rejected rej) {
      error = "unexpected error: " + (rej.reason() == null ? "" : rej.reason() + ": ") + rej.detail();
    } else if (!root.equalsIgnoreCase(wantRoot)) {
      error = "post state root mismatch: got " + root + ", want " + wantRoot;
    } else if (!logs.equalsIgnoreCase(wantLogs)) {
      error = "post state logs hash mismatch: got " + logs + ", want " + wantLogs;
    }
    return new StateTestResult(name, error == null, root, fork, error, logs, gasUsed, file, index);
  }

  static BigInteger quantity(JsonNode n) {
    String s = n.asText().strip();
    if (s.startsWith("0x:bigint ")) {
      s = s.substring("0x:bigint ".length());
    }
    if (s.startsWith("0x") || s.startsWith("0X")) {
      String digits = s.substring(2);
      return digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, 16);
    }
    return s.isEmpty() ? BigInteger.ZERO : new BigInteger(s);
  }

  static Bytes bytes(JsonNode n) {
    return Bytes.wrap(Hex.decode(n.asText()));
  }

  private static UInt256 word(JsonNode n) {
    return UInt256.valueOf(quantity(n));
  }

  static InMemoryBaseState preState(JsonNode pre) {
    InMemoryBaseState base = new InMemoryBaseState();
    pre.fields().forEachRemaining(e -> {
      JsonNode a = e.getValue();
      Map<UInt256, UInt256> storage = new HashMap<>();
      a.path("storage").fields().forEachRemaining(s -> storage.put(
          UInt256.valueOf(quantity(new com.fasterxml.jackson.databind.node.TextNode(s.getKey()))),
          word(s.getValue())));
      base.put(Address.fromHex(e.getKey()), quantity(a.path("nonce")).longValue(), quantity(a.path("balance")),
          bytes(a.path("code")), storage);
    });
    return base;
  }

  private static BlockEnv blockEnv(JsonNode env) {
    long number = quantity(env.path("currentNumber")).longValue();
    Hash random = env.hasNonNull("currentRandom")
        ? Hash.wrap(Bytes32Pad.leftPad(Hex.decode(env.get("currentRandom").asText())))
        : Hash.ZERO;
    return new BlockEnv(
        CHAIN_ID,
        Address.fromHex(env.path("currentCoinbase").asText()),
        clampLong(quantity(env.path("currentGasLimit"))),
        number,
        quantity(env.path("currentTimestamp")).longValue(),
        random,
        env.hasNonNull("currentBaseFee") ? quantity(env.get("currentBaseFee")) : BigInteger.ZERO,
        env.hasNonNull("currentExcessBlobGas") ? quantity(env.get("currentExcessBlobGas")).longValue() : 0,
        n -> Keccak.hash(Long.toString(n).getBytes(StandardCharsets.US_ASCII)));
  }

  private static long clampLong(BigInteger v) {
    return v.bitLength() > 63 ? Long.MAX_VALUE : v.longValue();
  }

  private static Transaction transaction(JsonNode t, JsonNode indexes) {
    int d = indexes.path("data").asInt();
    int g = indexes.path("gas").asInt();
    int v = indexes.path("value").asInt();
    BigInteger nonce = quantity(t.path("nonce"));
    if (nonce.compareTo(UINT64_MAX) > 0) {
      throw new IllegalArgumentException("RLP_INVALID_VALUE: nonce above 2^64-1");
    }
    BigInteger gasLimit = quantity(t.path("gasLimit").get(g));
    if (gasLimit.compareTo(UINT64_MAX) > 0) {
      throw new IllegalArgumentException("RLP_INVALID_VALUE: gas limit above 2^64-1");
    }
    String toText = t.path("to").asText("");
    Address to = toText.isEmpty() ? null : Address.fromHex(toText);
    JsonNode accessLists = t.path("accessLists");
    List<AccessListEntry> accessList = null;
    if (accessLists.isArray() && accessLists.size() > d && !accessLists.get(d).isNull()) {
      accessList = new ArrayList<>();
      for (JsonNode e : accessLists.get(d)) {
        List<Hash> keys = new ArrayList<>();
        for (JsonNode k : e.path("storageKeys")) {
          keys.add(Hash.wrap(Bytes32Pad.leftPad(Hex.decode(k.asText()))));
        }
        accessList.add(new AccessListEntry(Address.fromHex(e.path("address").asText()), keys));
      }
    }
    boolean blob = t.has("blobVersionedHashes") || t.has("maxFeePerBlobGas");
    boolean dynamic = t.has("maxFeePerGas");
    int type = blob ? 3 : dynamic ? 2 : accessList != null ? 1 : 0;
    List<Hash> blobHashes = new ArrayList<>();
    for (JsonNode h : t.path("blobVersionedHashes")) {
      blobHashes.add(Hash.wrap(Bytes32Pad.leftPad(Hex.decode(h.asText()))));
    }
    BigInteger value = quantity(t.path("value").get(v));
    return new Transaction(
        type,
        Address.fromHex(t.path("sender").asText()),
        nonce.longValue(),
        gasLimit.bitLength() > 63 ? -1L : gasLimit.longValue(),
        dynamic ? null : quantity(t.path("gasPrice")),
        dynamic ? quantity(t.path("maxFeePerGas")) : null,
        dynamic ? quantity(t.path("maxPriorityFeePerGas")) : null,
        to,
        value,
        bytes(t.path("data").get(d)),
        accessList,
        blobHashes,
        blob ? quantity(t.path("maxFeePerBlobGas")) : null);
  }

  /** Left-pads short hex values (some fixtures write 32-byte words without leading zeros). */
  private static final class Bytes32Pad {
    static byte[] leftPad(byte[] b) {
      if (b.length >= 32) {
        return b.length == 32 ? b : java.util.Arrays.copyOfRange(b, b.length - 32, b.length);
      }
      byte[] out = new byte[32];
      System.arraycopy(b, 0, out, 32 - b.length, b.length);
      return out;
    }
  }
}
