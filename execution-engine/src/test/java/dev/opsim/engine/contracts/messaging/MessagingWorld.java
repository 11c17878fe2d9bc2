package dev.opsim.engine.contracts.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.opsim.evm.state.Log;
import dev.opsim.evm.tx.Transaction;
import dev.opsim.evm.tx.TransactionProcessor;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Both chains of the messaging tests in one EVM state (contracts.md allows it): the L1 messenger and bridge talk to
 * a test portal, the L2 predeploys sit at their spec addresses (code placed as a genesis would, then initialised
 * like a proxy), and a test message passer stands in at 0x4200…0016. A deposit is delivered the way derivation
 * delivers it: a transaction from the aliased L1 messenger to the L2 messenger.
 */
final class MessagingWorld {
  static final ObjectMapper JSON = new ObjectMapper();
  /** contracts/artifacts, relative to the execution-engine module (the test's working directory). */
  static final Path CONTRACT_ARTIFACTS = Path.of("").toAbsolutePath().getParent().resolve("contracts/artifacts");
  static final Path TEST_ARTIFACTS = Path.of("").toAbsolutePath().getParent().resolve("contracts/test-artifacts");
  static final BigInteger ETHER = BigInteger.TEN.pow(18);

  static final Address DEPLOYER = Address.fromHex("0x00000000000000000000000000000000000d3b10");
  static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000a11ce");
  static final Address BOB = Address.fromHex("0x0000000000000000000000000000000000000b0b");
  static final Address RELAYER = Address.fromHex("0x00000000000000000000000000000000000e1a7e");
  static final Address ESTIMATION = Address.fromHex("0x0000000000000000000000000000000000000001");
  static final Address L1_MESSENGER = Address.fromHex("0x00000000000000000000000000000000001c0001");
  static final Address L1_BRIDGE = Address.fromHex("0x00000000000000000000000000000000001c0002");
  static final Address L2_MESSENGER = Address.fromHex("0x4200000000000000000000000000000000000007");
  static final Address L2_BRIDGE = Address.fromHex("0x4200000000000000000000000000000000000010");
  static final Address FACTORY = Address.fromHex("0x4200000000000000000000000000000000000012");
  static final Address MESSAGE_PASSER = Address.fromHex("0x4200000000000000000000000000000000000016");
  static final Address DEAD = Address.fromHex("0x000000000000000000000000000000000000dEaD");
  static final Address ALIASED_L1_MESSENGER = L1_MESSENGER.applyL1ToL2Alias();

  private static final Address COINBASE = Address.fromHex("0x00000000000000000000000000000000c0ffee00");
  private static final long DEFAULT_GAS = 5_000_000;

  final InMemoryBaseState base = new InMemoryBaseState();
  private final EvmSpec spec = new CancunSpec();
  private final TransactionProcessor processor =
      new TransactionProcessor(spec, StandardPrecompiles.forSpec(spec), new CodeCache(64));
  private final BlockEnv block =
      new BlockEnv(1, COINBASE, 30_000_000, 1, 1_700_000_000L, Hash.ZERO, BigInteger.valueOf(7), 0, n -> Hash.ZERO);
  final Address portal;

  MessagingWorld() {
    for (Address a : List.of(DEPLOYER, ALICE, BOB, RELAYER, ESTIMATION, ALIASED_L1_MESSENGER)) {
      fund(a, ETHER.multiply(BigInteger.valueOf(1_000)));
    }
    portal = deploy(testArtifact("MessagingTestPortal"), Bytes.EMPTY);
    place(L1_MESSENGER, contractArtifact("L1CrossDomainMessenger"));
    place(L1_BRIDGE, contractArtifact("L1StandardBridge"));
    place(L2_MESSENGER, contractArtifact("L2CrossDomainMessenger"));
    place(L2_BRIDGE, contractArtifact("L2StandardBridge"));
    place(FACTORY, contractArtifact("OptimismMintableERC20Factory"));
    place(MESSAGE_PASSER, testArtifact("MessagingTestMessagePasser"));
    ok(send(DEPLOYER, L1_MESSENGER, fn("initialize", addr(Address.ZERO), addr(portal), addr(Address.ZERO))));
    ok(send(DEPLOYER, L2_MESSENGER, fn("initialize", addr(L1_MESSENGER))));
    ok(send(DEPLOYER, L1_BRIDGE, fn("initialize", addr(L1_MESSENGER), addr(Address.ZERO), addr(Address.ZERO))));
    ok(send(DEPLOYER, L2_BRIDGE, fn("initialize", addr(L1_BRIDGE))));
    ok(send(DEPLOYER, FACTORY, fn("initialize", addr(L2_BRIDGE))));
  }

  void fund(Address a, BigInteger amount) {
    var existing = base.accounts().get(a);
    if (existing == null) {
      base.put(a, 0, amount, Bytes.EMPTY, Map.of());
    } else {
      existing.balance = amount;
    }
  }

  BigInteger balance(Address a) {
    var account = base.accounts().get(a);
    return account == null ? BigInteger.ZERO : account.balance;
  }

  UInt256 storage(Address a, UInt256 slot) {
    return base.storage(a, slot);
  }

  /** Code placed at an address as a genesis would place a predeploy behind its proxy: storage empty. */
  void place(Address at, JsonNode artifact) {
    base.put(at, 0, BigInteger.ZERO, Bytes.fromHexString(artifact.get("deployedBytecode").asText()), Map.of());
  }

  Address deploy(JsonNode artifact, Bytes constructorArgs) {
    TxResult.Executed result = send(DEPLOYER, null, BigInteger.ZERO,
        Bytes.concatenate(Bytes.fromHexString(artifact.get("bytecode").asText()), constructorArgs), DEFAULT_GAS);
    assertTrue(result.success(), () -> "deployment of " + artifact.get("contractName") + " failed: " + result);
    return result.contractAddress();
  }

  TxResult.Executed send(Address from, Address to, Bytes data) {
    return send(from, to, BigInteger.ZERO, data, DEFAULT_GAS);
  }

  TxResult.Executed send(Address from, Address to, BigInteger value, Bytes data) {
    return send(from, to, value, data, DEFAULT_GAS);
  }

  TxResult.Executed send(Address from, Address to, BigInteger value, Bytes data, long gasLimit) {
    JournaledState state = new JournaledState(base);
    long nonce = base.accounts().get(from).nonce;
    Transaction tx = new Transaction(2, from, nonce, gasLimit, null, BigInteger.valueOf(100), BigInteger.ONE, to,
        value, data, List.of(), List.of(), null);
    TxResult result = processor.process(state, tx, block);
    if (!(result instanceof TxResult.Executed executed)) {
      throw new AssertionError("transaction rejected: " + result);
    }
    base.apply(state.changes());
    return executed;
  }

  /** A view call's return data (run as a transaction from the deployer). */
  Bytes call(Address to, Bytes data) {
    return ok(send(DEPLOYER, to, data)).output();
  }

  BigInteger uintAt(Address to, Bytes data) {
    return (BigInteger) decode(call(to, data), new TypeReference<Uint256>() {}).get(0).getValue();
  }

  Address addressAt(Address to, Bytes data) {
    String hex = (String) decode(call(to, data), new TypeReference<org.web3j.abi.datatypes.Address>() {}).get(0)
        .getValue();
    return Address.fromHex(hex);
  }

  boolean boolAt(Address to, Bytes data) {
    return !uintAt(to, data).equals(BigInteger.ZERO);
  }

  // ---- ABI helpers (web3j: an encoder independent of the contracts) ----

  static Bytes fn(String name, Type<?>... inputs) {
    return Bytes.fromHexString(FunctionEncoder.encode(new Function(name, List.of(inputs), List.of())));
  }

  static org.web3j.abi.datatypes.Address addr(Address a) {
    return new org.web3j.abi.datatypes.Address(a.toString());
  }

  static Uint256 uint(long v) {
    return new Uint256(v);
  }

  static Uint256 uint(BigInteger v) {
    return new Uint256(v);
  }

  static org.web3j.abi.datatypes.DynamicBytes dyn(Bytes b) {
    return new org.web3j.abi.datatypes.DynamicBytes(b.toArrayUnsafe());
  }

  static org.web3j.abi.datatypes.generated.Uint32 u32(long v) {
    return new org.web3j.abi.datatypes.generated.Uint32(v);
  }

  static Utf8String str(String s) {
    return new Utf8String(s);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static List<Type> decode(Bytes data, TypeReference<?>... types) {
    return FunctionReturnDecoder.decode(data.toHexString(), (List) Arrays.asList(types));
  }

  static Hash topic(String name, TypeReference<?>... params) {
    return Hash.fromHex(EventEncoder.encode(new Event(name, Arrays.asList(params))));
  }

  static Hash topic(Address a) {
    return Hash.wrap(a.toWord());
  }

  /** Logs of {@code emitter} whose first topic is {@code topic0}. */
  static List<Log> logs(TxResult.Executed result, Address emitter, Hash topic0) {
    List<Log> found = new ArrayList<>();
    for (Log log : result.logs()) {
      if (log.address().equals(emitter) && !log.topics().isEmpty() && log.topics().get(0).equals(topic0)) {
        found.add(log);
      }
    }
    return found;
  }

  static Log onlyLog(TxResult.Executed result, Address emitter, Hash topic0) {
    List<Log> found = logs(result, emitter, topic0);
    assertEquals(1, found.size(), () -> "expected one log " + topic0 + " from " + emitter + " in " + result.logs());
    return found.get(0);
  }

  static TxResult.Executed ok(TxResult.Executed result) {
    assertTrue(result.success(), () -> "transaction failed: " + result + " reason " + revertReason(result));
    return result;
  }

  /** The revert reason string of Error(string) revert data, else the raw hex. */
  static String revertReason(TxResult.Executed result) {
    Bytes out = result.output();
    if (out.size() >= 4 && out.slice(0, 4).equals(Bytes.fromHexString("0x08c379a0"))) {
      return (String) decode(out.slice(4), new TypeReference<Utf8String>() {}).get(0).getValue();
    }
    return out.toHexString();
  }

  static void assertReverts(TxResult.Executed result, String reason) {
    assertTrue(!result.success(), () -> "expected a revert with '" + reason + "' but succeeded");
    assertEquals(reason, revertReason(result));
  }

  static UInt256 mappingSlot(Bytes32 key, long slot) {
    return UInt256.fromBytes(Keccak.hash(Bytes.concatenate(key, UInt256.valueOf(slot))).bytes());
  }

  static JsonNode contractArtifact(String name) {
    try {
      return JSON.readTree(CONTRACT_ARTIFACTS.resolve(name + ".json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode testArtifact(String name) {
    try {
      return JSON.readTree(TEST_ARTIFACTS.resolve(name + ".json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
