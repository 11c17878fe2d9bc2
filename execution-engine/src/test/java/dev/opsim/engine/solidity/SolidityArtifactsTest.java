package dev.opsim.engine.solidity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.evm.BlockEnv;
import dev.opsim.evm.CancunSpec;
import dev.opsim.evm.CodeCache;
import dev.opsim.evm.ContractAddress;
import dev.opsim.evm.EvmSpec;
import dev.opsim.evm.StandardPrecompiles;
import dev.opsim.evm.state.InMemoryBaseState;
import dev.opsim.evm.state.JournaledState;
import dev.opsim.evm.state.Log;
import dev.opsim.evm.tx.Transaction;
import dev.opsim.evm.tx.TransactionProcessor;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * The committed Solidity artifacts (src/test/resources/solidity, built by contracts/build.mjs): they have the
 * promised shape, they match their sources (when Node.js is available), and ProbeToken's bytecode runs on our EVM
 * with results checked through web3j's independent ABI encoder and decoder.
 */
class SolidityArtifactsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The test runs with the module directory as working directory. */
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path ROOT = MODULE.getParent();
  private static final Path SOURCES = MODULE.resolve("src/test/solidity");
  private static final Path ARTIFACTS = MODULE.resolve("src/test/resources/solidity");
  private static final Path CONTRACTS = ROOT.resolve("contracts");
  private static final List<String> FIELD_ORDER = List.of(
      "contractName", "sourceName", "abi", "bytecode", "deployedBytecode", "storageLayout", "compiler");
  private static final long NPM_TIMEOUT_SECONDS = 300;
  private static final long BUILD_TIMEOUT_SECONDS = 180;

  private static final Address DEPLOYER = Address.fromHex("0x00000000000000000000000000000000000d3b10");
  private static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000a11ce");
  private static final Address COINBASE = Address.fromHex("0x00000000000000000000000000000000c0ffee00");
  private static final BigInteger ETHER = BigInteger.TEN.pow(18);
  private static final BigInteger SUPPLY = BigInteger.valueOf(1_000_000).multiply(ETHER);
  private static final BigInteger BASE_FEE = BigInteger.valueOf(7);

  @Test
  void everyArtifactHasTheFieldsInOrderAndTheProjectSettings() throws IOException {
    String pinnedSolc = JSON.readTree(CONTRACTS.resolve("package.json").toFile()).path("dependencies")
        .path("solc").asText();
    List<Path> files = artifactFiles();
    assertFalse(files.isEmpty(), "no artifacts in " + ARTIFACTS);
    for (Path file : files) {
      String text = Files.readString(file);
      assertTrue(text.endsWith("}\n"), file + " should end with a newline");
      JsonNode artifact = JSON.readTree(text);
      List<String> fields = new ArrayList<>();
      artifact.fieldNames().forEachRemaining(fields::add);
      assertEquals(FIELD_ORDER, fields, file.toString());

      String name = file.getFileName().toString().replaceFirst("\\.json$", "");
      assertEquals(name, artifact.get("contractName").asText());
      assertTrue(Files.isRegularFile(SOURCES.resolve(artifact.get("sourceName").asText())),
          file + ": sourceName should name a file under " + SOURCES);
      assertTrue(artifact.get("abi").isArray(), file + ": abi");
      assertHex(artifact.get("bytecode").asText(), file + ": bytecode");
      assertHex(artifact.get("deployedBytecode").asText(), file + ": deployedBytecode");
      assertTrue(artifact.get("storageLayout").path("storage").isArray(), file + ": storageLayout.storage");
      assertTrue(artifact.get("storageLayout").path("types").isObject(), file + ": storageLayout.types");

      JsonNode compiler = artifact.get("compiler");
      assertTrue(compiler.path("version").asText().startsWith(pinnedSolc + "+commit."),
          file + ": compiled by " + compiler.path("version") + ", contracts/package.json pins " + pinnedSolc);
      JsonNode settings = compiler.path("settings");
      assertEquals("cancun", settings.path("evmVersion").asText(), file + ": evmVersion");
      assertTrue(settings.path("optimizer").path("enabled").asBoolean(), file + ": optimizer");
      assertEquals(200, settings.path("optimizer").path("runs").asInt(), file + ": optimizer runs");
    }
  }

  @Test
  void probeTokenAbiDeclaresWhatTheEvmTestCalls() throws IOException {
    JsonNode abi = probeToken().get("abi");
    for (String signature : List.of("transfer(address,uint256)", "balanceOf(address)", "totalSupply()", "name()",
        "fill(uint256)", "filled()", "store(uint256,uint256)", "value()", "items(uint256)", "fail(uint256)",
        "failWithReason()")) {
      assertTrue(hasEntry(abi, "function", signature), "ProbeToken ABI lacks function " + signature);
    }
    assertTrue(hasEntry(abi, "event", "Transfer(address,address,uint256)"), "Transfer event");
    assertTrue(hasEntry(abi, "event", "Stored(address,uint256,uint256)"), "Stored event");
    assertTrue(hasEntry(abi, "error", "Nope(uint256)"), "Nope error");
    assertTrue(hasEntry(abi, "error", "InsufficientBalance(uint256,uint256)"), "InsufficientBalance error");
  }

  @Test
  void committedArtifactsMatchTheirSources(@TempDir Path temp) throws Exception {
    Optional<Path> node = onPath("node");
    Assumptions.assumeTrue(node.isPresent(),
        "node is not on PATH: cannot check that the committed artifacts match their Solidity sources "
            + "(contracts/build.mjs --check)");
    if (!installedSolcIsPinned()) {
      Optional<Path> npm = onPath("npm");
      if (npm.isEmpty()) {
        fail("node is on PATH but npm is not, and contracts/node_modules lacks the pinned solc: run `npm ci` in "
            + CONTRACTS);
      }
      Run install = run(List.of(npm.get().toString(), "ci", "--no-audit", "--no-fund"), CONTRACTS,
          NPM_TIMEOUT_SECONDS, temp.resolve("npm.log"));
      assertEquals(0, install.exitCode(), "`npm ci` in " + CONTRACTS + " failed:\n" + install.output());
    }
    // Every Solidity tree the project commits artifacts for: the engine's test contracts, the contracts, and
    // their test-only helpers (which import the contracts through --lib contracts/src).
    List<List<String>> trees = List.of(
        List.of("--src", rootRelative(SOURCES), "--out", rootRelative(ARTIFACTS)),
        List.of("--src", rootRelative(CONTRACTS.resolve("src")),
            "--out", rootRelative(CONTRACTS.resolve("artifacts"))),
        List.of("--src", rootRelative(CONTRACTS.resolve("test-src")),
            "--out", rootRelative(CONTRACTS.resolve("test-artifacts")),
            "--lib", rootRelative(CONTRACTS.resolve("src"))));
    for (List<String> options : trees) {
      List<String> command = new ArrayList<>(List.of(node.get().toString(), "contracts/build.mjs", "--check"));
      command.addAll(options);
      Run check = run(command, ROOT, BUILD_TIMEOUT_SECONDS, temp.resolve("build.log"));
      assertEquals(0, check.exitCode(), "committed artifacts are out of date; rebuild with `node contracts/build.mjs "
          + String.join(" ", options) + "`:\n" + check.output());
    }
  }

  @Test
  void probeTokenDeploysAndTransfersOnOurEvm() throws IOException {
    JsonNode artifact = probeToken();
    Chain chain = new Chain();
    Bytes initCode = Bytes.fromHexString(artifact.get("bytecode").asText()
        + FunctionEncoder.encodeConstructor(List.of(new Uint256(SUPPLY))));

    TxResult.Executed deploy = chain.send(DEPLOYER, null, initCode);
    assertTrue(deploy.success(), "deployment failed: " + deploy);
    Address token = ContractAddress.createAddress(DEPLOYER, 0);
    assertEquals(token, deploy.contractAddress());
    assertEquals(Bytes.fromHexString(artifact.get("deployedBytecode").asText()),
        chain.base.accounts().get(token).code, "runtime code should be the artifact's deployedBytecode");
    assertTransfer(deploy.logs(), token, Address.ZERO, DEPLOYER, SUPPLY);

    assertEquals(SUPPLY, uint(chain.call(DEPLOYER, token, function("totalSupply"))));
    assertEquals(SUPPLY, balanceOf(chain, token, DEPLOYER));
    assertEquals(BigInteger.ZERO, balanceOf(chain, token, ALICE));
    List<Type> name = FunctionReturnDecoder.decode(chain.call(DEPLOYER, token, function("name")).toHexString(),
        outputs(new TypeReference<Utf8String>() {}));
    assertEquals("Probe", name.get(0).getValue());

    BigInteger amount = BigInteger.valueOf(250);
    TxResult.Executed transfer = chain.send(DEPLOYER, token, function("transfer", address(ALICE), new Uint256(amount)));
    assertTrue(transfer.success(), "transfer failed: " + transfer);
    List<Type> returned = FunctionReturnDecoder.decode(transfer.output().toHexString(),
        outputs(new TypeReference<Bool>() {}));
    assertEquals(Boolean.TRUE, returned.get(0).getValue());
    assertTransfer(transfer.logs(), token, DEPLOYER, ALICE, amount);
    assertEquals(SUPPLY.subtract(amount), balanceOf(chain, token, DEPLOYER));
    assertEquals(amount, balanceOf(chain, token, ALICE));

    // Overdrawing reverts with the custom error and changes no balance.
    TxResult.Executed overdraw = chain.send(ALICE, token, function("transfer", address(DEPLOYER),
        new Uint256(amount.add(BigInteger.ONE))));
    assertFalse(overdraw.success());
    assertTrue(overdraw.logs().isEmpty());
    assertEquals(Bytes.fromHexString(function("InsufficientBalance", new Uint256(amount),
        new Uint256(amount.add(BigInteger.ONE)))), overdraw.output());
    assertEquals(amount, balanceOf(chain, token, ALICE));
  }

  @Test
  void probeTokenStoresEmitsAndRevertsOnOurEvm() throws IOException {
    Chain chain = new Chain();
    Address token = chain.deployProbeToken(probeToken());

    TxResult.Executed store = chain.send(ALICE, token, function("store", new Uint256(7), new Uint256(42)));
    assertTrue(store.success(), "store failed: " + store);
    assertEquals(1, store.logs().size());
    Log stored = store.logs().get(0);
    assertEquals(token, stored.address());
    Event storedEvent = new Event("Stored", List.of(new TypeReference<org.web3j.abi.datatypes.Address>(true) {},
        new TypeReference<Uint256>(true) {}, new TypeReference<Uint256>(false) {}));
    assertEquals(List.of(Hash.fromHex(EventEncoder.encode(storedEvent)), Hash.wrap(ALICE.toWord()),
        Hash.wrap(Bytes32.leftPad(Bytes.of(7)))), stored.topics());
    assertEquals(BigInteger.valueOf(42), new BigInteger(1, stored.data().toArrayUnsafe()));
    assertEquals(BigInteger.valueOf(42), uint(chain.call(ALICE, token, function("value"))));
    assertEquals(BigInteger.valueOf(42), uint(chain.call(ALICE, token, function("items", new Uint256(7)))));

    // A custom error's revert data is encoded like a call to a function of the same signature.
    TxResult.Executed nope = chain.send(ALICE, token, function("fail", new Uint256(5)));
    assertFalse(nope.success());
    assertEquals(Bytes.fromHexString(function("Nope", new Uint256(5))), nope.output());

    TxResult.Executed reason = chain.send(ALICE, token, function("failWithReason"));
    assertFalse(reason.success());
    assertEquals(Bytes.fromHexString(function("Error", new Utf8String("probe says no"))),
        reason.output());
  }

  @Test
  void probeTokenFillWritesNewSlotsWhereTheStorageLayoutSays() throws IOException {
    JsonNode artifact = probeToken();
    Chain chain = new Chain();
    Address token = chain.deployProbeToken(artifact);
    UInt256 bulkSlot = slotOf(artifact, "bulk");
    UInt256 filledSlot = slotOf(artifact, "filled");
    int before = chain.base.accounts().get(token).storage.size();

    int n = 40;
    TxResult.Executed fill = chain.send(ALICE, token, function("fill", new Uint256(n)));
    assertTrue(fill.success(), "fill failed: " + fill);
    // EIP-2929 + EIP-2200: each new slot costs at least 2,100 (cold) + 20,000 (zero to non-zero).
    assertTrue(fill.gasUsed() >= 21_000 + n * 22_100L, "gas used " + fill.gasUsed());
    Map<UInt256, UInt256> storage = chain.base.accounts().get(token).storage;
    assertEquals(before + n + 1, storage.size(), "n bulk slots and the counter");
    assertEquals(UInt256.valueOf(n), storage.get(filledSlot));
    for (int i = 0; i < n; i++) {
      // Solidity mapping slot: keccak256(key . slot), both as 32-byte words.
      UInt256 key = UInt256.fromBytes(Keccak.hash(Bytes.concatenate(UInt256.valueOf(i), bulkSlot)).bytes());
      assertEquals(UInt256.valueOf(i + 1), storage.get(key), "bulk[" + i + "]");
    }

    TxResult.Executed more = chain.send(ALICE, token, function("fill", new Uint256(5)));
    assertTrue(more.success());
    assertEquals(before + n + 6, storage.size());
    assertEquals(BigInteger.valueOf(n + 5), uint(chain.call(ALICE, token, function("filled"))));
  }

  /** A world of funded accounts; every transaction runs in its own journal and is applied to the base. */
  private static final class Chain {
    final InMemoryBaseState base = new InMemoryBaseState();
    private final EvmSpec spec = new CancunSpec();
    private final TransactionProcessor processor =
        new TransactionProcessor(spec, StandardPrecompiles.forSpec(spec), new CodeCache(16));
    private final BlockEnv block =
        new BlockEnv(1, COINBASE, 30_000_000, 1, 1_700_000_000L, Hash.ZERO, BASE_FEE, 0, n -> Hash.ZERO);

    Chain() {
      base.put(DEPLOYER, 0, ETHER.multiply(BigInteger.valueOf(1000)), Bytes.EMPTY, Map.of());
      base.put(ALICE, 0, ETHER.multiply(BigInteger.valueOf(1000)), Bytes.EMPTY, Map.of());
    }

    Address deployProbeToken(JsonNode artifact) {
      TxResult.Executed deploy = send(DEPLOYER, null, Bytes.fromHexString(artifact.get("bytecode").asText()
          + FunctionEncoder.encodeConstructor(List.of(new Uint256(SUPPLY)))));
      assertTrue(deploy.success(), "deployment failed: " + deploy);
      return deploy.contractAddress();
    }

    TxResult.Executed send(Address from, Address to, String calldata) {
      return send(from, to, Bytes.fromHexString(calldata));
    }

    TxResult.Executed send(Address from, Address to, Bytes data) {
      JournaledState state = new JournaledState(base);
      long nonce = base.accounts().get(from).nonce;
      Transaction tx = new Transaction(2, from, nonce, 10_000_000, null, BigInteger.valueOf(100), BigInteger.ONE,
          to, BigInteger.ZERO, data, List.of(), List.of(), null);
      TxResult result = processor.process(state, tx, block);
      if (!(result instanceof TxResult.Executed executed)) {
        throw new AssertionError("transaction rejected: " + result);
      }
      base.apply(state.changes());
      return executed;
    }

    /** A successful call's return data (run as a transaction: our EVM has no separate call path to test here). */
    Bytes call(Address from, Address to, String calldata) {
      TxResult.Executed result = send(from, to, calldata);
      assertTrue(result.success(), "call failed: " + result);
      return result.output();
    }
  }

  private static BigInteger balanceOf(Chain chain, Address token, Address owner) {
    return uint(chain.call(owner, token, function("balanceOf", address(owner))));
  }

  private static void assertTransfer(List<Log> logs, Address token, Address from, Address to, BigInteger value) {
    Event transfer = new Event("Transfer", List.of(new TypeReference<org.web3j.abi.datatypes.Address>(true) {},
        new TypeReference<org.web3j.abi.datatypes.Address>(true) {}, new TypeReference<Uint256>(false) {}));
    assertEquals(1, logs.size(), "one Transfer log");
    Log log = logs.get(0);
    assertEquals(token, log.address());
    assertEquals(List.of(Hash.fromHex(EventEncoder.encode(transfer)), Hash.wrap(from.toWord()),
        Hash.wrap(to.toWord())), log.topics());
    assertEquals(value, uint(log.data()));
  }

  private static String function(String name, Type<?>... inputs) {
    return FunctionEncoder.encode(new Function(name, List.of(inputs), List.of()));
  }

  private static org.web3j.abi.datatypes.Address address(Address a) {
    return new org.web3j.abi.datatypes.Address(a.toString());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<TypeReference<Type>> outputs(TypeReference<?>... types) {
    return (List) Arrays.asList(types);
  }

  private static BigInteger uint(Bytes returned) {
    List<Type> values = FunctionReturnDecoder.decode(returned.toHexString(), outputs(new TypeReference<Uint256>() {}));
    assertEquals(1, values.size(), "one uint256 in " + returned);
    return (BigInteger) values.get(0).getValue();
  }

  private static UInt256 slotOf(JsonNode artifact, String label) {
    for (JsonNode entry : artifact.get("storageLayout").get("storage")) {
      if (entry.get("label").asText().equals(label)) {
        return UInt256.valueOf(new BigInteger(entry.get("slot").asText()));
      }
    }
    throw new AssertionError("no " + label + " in ProbeToken's storage layout");
  }

  private static boolean hasEntry(JsonNode abi, String type, String signature) {
    for (JsonNode entry : abi) {
      if (!entry.path("type").asText().equals(type)) {
        continue;
      }
      List<String> inputTypes = new ArrayList<>();
      entry.path("inputs").forEach(input -> inputTypes.add(input.path("type").asText()));
      if ((entry.path("name").asText() + "(" + String.join(",", inputTypes) + ")").equals(signature)) {
        return true;
      }
    }
    return false;
  }

  private static void assertHex(String value, String what) {
    // Interfaces and abstract contracts have no code: "0x".
    assertTrue(value.matches("0x([0-9a-f]{2})*"), what + " should be lower-case 0x-hex: " + value);
  }

  private static JsonNode probeToken() throws IOException {
    try (InputStream in = SolidityArtifactsTest.class.getResourceAsStream("/solidity/ProbeToken.json")) {
      if (in == null) {
        throw new AssertionError("solidity/ProbeToken.json is not on the test class path");
      }
      return JSON.readTree(in);
    }
  }

  private static List<Path> artifactFiles() throws IOException {
    try (Stream<Path> files = Files.list(ARTIFACTS)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  /** Whether contracts/node_modules holds the solc version package.json pins (else `npm ci` is due). */
  private static boolean installedSolcIsPinned() throws IOException {
    Path installed = CONTRACTS.resolve("node_modules/solc/package.json");
    if (!Files.isRegularFile(installed)) {
      return false;
    }
    String pinned = JSON.readTree(CONTRACTS.resolve("package.json").toFile()).path("dependencies").path("solc")
        .asText();
    return JSON.readTree(installed.toFile()).path("version").asText().equals(pinned);
  }

  /** build.mjs runs from the project root; paths are handed to it relative to that root. */
  private static String rootRelative(Path path) {
    return ROOT.relativize(path).toString();
  }

  private static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private record Run(int exitCode, String output) {}

  /** Runs a command with stdout and stderr in {@code log}; a command that outlives its timeout is killed. */
  private static Run run(List<String> command, Path directory, long timeoutSeconds, Path log)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s:\n"
          + Files.readString(log, StandardCharsets.UTF_8));
    }
    return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
