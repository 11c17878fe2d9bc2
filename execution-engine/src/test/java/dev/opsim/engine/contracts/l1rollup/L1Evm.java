package dev.opsim.engine.contracts.l1rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.evm.BlockEnv;
import dev.opsim.evm.CancunSpec;
import dev.opsim.evm.CodeCache;
import dev.opsim.evm.EvmSpec;
import dev.opsim.evm.StandardPrecompiles;
import dev.opsim.evm.state.InMemoryBaseState;
import dev.opsim.evm.state.JournaledState;
import dev.opsim.evm.tx.Transaction;
import dev.opsim.evm.tx.TransactionProcessor;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;

/**
 * One L1 world on our EVM for the L1 rollup contracts' tests: funded accounts, a block whose number and timestamp
 * the test moves, every transaction in its own journal applied to the base on success or failure alike (as a
 * block would). Artifacts are read from contracts/artifacts, test-only helpers (harnesses, the proxy) from
 * contracts/test-artifacts (both built by contracts/build.mjs; see contracts/README.md).
 */
final class L1Evm {
  static final Path ARTIFACTS = Path.of("").toAbsolutePath().getParent().resolve("contracts/artifacts");
  static final Path TEST_ARTIFACTS = Path.of("").toAbsolutePath().getParent().resolve("contracts/test-artifacts");
  static final BigInteger ETHER = BigInteger.TEN.pow(18);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Address COINBASE = Address.fromHex("0x00000000000000000000000000000000c0ffee00");

  final InMemoryBaseState base = new InMemoryBaseState();
  private final EvmSpec spec = new CancunSpec();
  private final TransactionProcessor processor =
      new TransactionProcessor(spec, StandardPrecompiles.forSpec(spec), new CodeCache(64));
  long number = 100;
  long timestamp = 1_700_000_000L;

  L1Evm(Address... funded) {
    for (Address account : funded) {
      fund(account);
    }
  }

  void fund(Address account) {
    base.put(account, 0, ETHER.multiply(BigInteger.valueOf(1_000_000)), Bytes.EMPTY, Map.of());
  }

  /** Moves to a later block, {@code seconds} later. */
  void advance(long seconds) {
    number++;
    timestamp += seconds;
  }

  /** The hash our block environment reports for block {@code n} (BLOCKHASH). */
  static Hash blockHash(long n) {
    return Keccak.hash(Bytes.ofUnsignedLong(n));
  }

  private BlockEnv block() {
    return new BlockEnv(1, COINBASE, 60_000_000, number, timestamp, Hash.ZERO, BigInteger.ONE, 0,
        L1Evm::blockHash);
  }

  TxResult.Executed send(Address from, Address to, BigInteger value, Bytes data, long gas) {
    JournaledState state = new JournaledState(base);
    long nonce = base.accounts().get(from).nonce;
    Transaction tx = new Transaction(2, from, nonce, gas, null, BigInteger.valueOf(10), BigInteger.ONE, to, value,
        data, List.of(), List.of(), null);
    TxResult result = processor.process(state, tx, block());
    if (!(result instanceof TxResult.Executed executed)) {
      throw new AssertionError("transaction rejected: " + result);
    }
    base.apply(state.changes());
    return executed;
  }

  TxResult.Executed send(Address from, Address to, BigInteger value, String calldata) {
    return send(from, to, value, Bytes.fromHexString(calldata), 15_000_000);
  }

  TxResult.Executed send(Address from, Address to, String calldata) {
    return send(from, to, BigInteger.ZERO, calldata);
  }

  /** A call that must succeed; its return data. */
  Bytes call(Address from, Address to, String calldata) {
    TxResult.Executed result = send(from, to, calldata);
    assertTrue(result.success(), "call failed: " + revertReason(result.output()) + " " + result);
    return result.output();
  }

  List<Type> call(Address to, Function function) {
    Bytes out = call(Address.fromHex("0x00000000000000000000000000000000000000aa"), to,
        FunctionEncoder.encode(function));
    return FunctionReturnDecoder.decode(out.toHexString(), function.getOutputParameters());
  }

  /** Deploys {@code name}'s creation code with the ABI-encoded constructor arguments appended. */
  Address deploy(Address from, String name, String encodedConstructorArgs) {
    Bytes code = Bytes.fromHexString(artifact(name).get("bytecode").asText() + encodedConstructorArgs);
    TxResult.Executed result = send(from, null, BigInteger.ZERO, code, 30_000_000);
    assertTrue(result.success(), "deploying " + name + " failed: " + revertReason(result.output()));
    return result.contractAddress();
  }

  Address deploy(Address from, String name) {
    return deploy(from, name, "");
  }

  /** Deploys {@code name} behind a RollupTestProxy whose constructor delegates {@code initCall}. */
  Address deployProxied(Address from, String name, String initCall) {
    Address implementation = deploy(from, name);
    String args = FunctionEncoder.encodeConstructor(List.of(
        new org.web3j.abi.datatypes.Address(implementation.toString()),
        new org.web3j.abi.datatypes.DynamicBytes(Bytes.fromHexString(initCall).toArrayUnsafe())));
    return deploy(from, "RollupTestProxy", args);
  }

  /** The production artifact {@code name}, or else the test-only one; a name in both would be ambiguous. */
  static JsonNode artifact(String name) {
    Path production = ARTIFACTS.resolve(name + ".json");
    Path testOnly = TEST_ARTIFACTS.resolve(name + ".json");
    boolean inProduction = Files.isRegularFile(production);
    if (inProduction && Files.isRegularFile(testOnly)) {
      throw new AssertionError(name + " is both in " + ARTIFACTS + " and in " + TEST_ARTIFACTS);
    }
    try {
      return JSON.readTree((inProduction ? production : testOnly).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void assertReverts(TxResult.Executed result, String reason) {
    assertFalse(result.success(), "expected a revert with \"" + reason + "\"");
    assertEquals(reason, revertReason(result.output()));
  }

  /** The Error(string) reason of revert data, or its hex when it is something else. */
  static String revertReason(Bytes output) {
    String hex = output.toHexString();
    if (hex.startsWith("0x08c379a0")) {
      List<Type> decoded = FunctionReturnDecoder.decode("0x" + hex.substring(10), outputs(
          new TypeReference<Utf8String>() {}));
      return (String) decoded.get(0).getValue();
    }
    return hex;
  }

  /** The 4-byte selector of a custom error, as revert data starts with. */
  static String selector(String signature) {
    return Keccak.hash(Bytes.wrap(signature.getBytes(java.nio.charset.StandardCharsets.UTF_8))).bytes().slice(0, 4)
        .toHexString();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static List<TypeReference<Type>> outputs(TypeReference<?>... types) {
    return (List) Arrays.asList(types);
  }
}
