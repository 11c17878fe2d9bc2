package dev.opsim.engine.contracts.rootbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * The root bridge's contracts in one in-memory world on our EVM: the L1 side (a test messenger, IdentityRootSource,
 * RootBridge) and the L2 side (the test messenger's code at the L2 messenger predeploy, RootRegistry). Messages the
 * bridge sends are read from the L1 messenger's SentMessage log and delivered on L2 by the L2 test messenger's
 * relay, with the bridge as cross-domain sender and the message's own gas limit. Block time is set per test.
 */
final class RootBridgeWorld {
  static final Address DEPLOYER = Address.fromHex("0x00000000000000000000000000000000000d3b10");
  static final Address OPERATOR = Address.fromHex("0x0000000000000000000000000000000000000be1");
  static final Address OWNER = Address.fromHex("0x0000000000000000000000000000000000000a01");
  static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000a11ce");
  static final Address BOB = Address.fromHex("0x0000000000000000000000000000000000000b0b");
  /** protocol-reference 1.1: the L2CrossDomainMessenger predeploy. */
  static final Address L2_MESSENGER = Address.fromHex("0x4200000000000000000000000000000000000007");
  static final long START = 1_700_000_000L;
  static final long WEEK = 7L * 24 * 60 * 60;

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Tests run with the execution-engine module directory as working directory. */
  private static final Path CONTRACTS = Path.of("").toAbsolutePath().getParent().resolve("contracts");
  private static final Address COINBASE = Address.fromHex("0x00000000000000000000000000000000c0ffee00");
  private static final BigInteger ETHER = BigInteger.TEN.pow(18);
  private static final BigInteger BASE_FEE = BigInteger.valueOf(7);

  final InMemoryBaseState base = new InMemoryBaseState();
  private final EvmSpec spec = new CancunSpec();
  private final TransactionProcessor processor =
      new TransactionProcessor(spec, StandardPrecompiles.forSpec(spec), new CodeCache(64));
  private long time = START;
  private long number = 1;

  final Address l1Messenger;
  final Address source;
  final Address bridge;
  final Address registry;

  /** A message the L1 test messenger recorded (its SentMessage event). */
  record SentMessage(Address target, Address sender, Bytes message, BigInteger nonce, long gasLimit) {}

  /** Everything deployed, the registry owned locally by OWNER and the source starting without a root. */
  RootBridgeWorld() {
    this(OWNER, true);
  }

  RootBridgeWorld(Address registryOwner, boolean registryOwnerIsLocal) {
    for (Address a : List.of(DEPLOYER, OPERATOR, OWNER, ALICE, BOB)) {
      base.put(a, 0, ETHER.multiply(BigInteger.valueOf(1000)), Bytes.EMPTY, Map.of());
    }
    base.put(L2_MESSENGER, 0, BigInteger.ZERO, deployedCode(testArtifact("RootBridgeTestMessenger")), Map.of());
    l1Messenger = deploy(testArtifact("RootBridgeTestMessenger"));
    source = deploy(artifact("IdentityRootSource"), address(OPERATOR), bytes32(Hash.ZERO));
    // The bridge and the registry name each other: the registry's CREATE address is known before it exists.
    Address futureRegistry = ContractAddress.createAddress(DEPLOYER, base.accounts().get(DEPLOYER).nonce + 1);
    bridge = deploy(artifact("RootBridge"), address(l1Messenger), address(source), address(futureRegistry),
        address(OWNER));
    Address owner = registryOwner == null ? bridge : registryOwner;
    registry = deploy(artifact("RootRegistry"), address(bridge), address(owner), new Bool(registryOwnerIsLocal));
    assertEquals(futureRegistry, registry);
  }

  // ---- time ----

  void at(long timestamp) {
    time = timestamp;
  }

  long now() {
    return time;
  }

  // ---- transactions and views ----

  /** Runs a transaction at the current time and keeps its effects (a reverted one still uses its nonce). */
  TxResult.Executed send(Address from, Address to, Bytes data) {
    JournaledState state = new JournaledState(base);
    TxResult.Executed executed = execute(state, from, base.accounts().get(from).nonce, to, data);
    base.apply(state.changes());
    number++;
    return executed;
  }

  TxResult.Executed send(Address from, Address to, String function, Type<?>... args) {
    return send(from, to, Bytes.fromHexString(encode(function, args)));
  }

  /** A successful transaction. */
  TxResult.Executed sendOk(Address from, Address to, String function, Type<?>... args) {
    TxResult.Executed result = send(from, to, function, args);
    assertTrue(result.success(), function + " failed: " + result.output());
    return result;
  }

  /** A read-only call at the current time: run as a transaction whose effects are dropped. */
  TxResult.Executed view(Address to, String function, Type<?>... args) {
    return execute(new JournaledState(base), ALICE, base.accounts().get(ALICE).nonce, to,
        Bytes.fromHexString(encode(function, args)));
  }

  Bytes viewOk(Address to, String function, Type<?>... args) {
    TxResult.Executed result = view(to, function, args);
    assertTrue(result.success(), function + " failed: " + result.output());
    return result.output();
  }

  BigInteger uintView(Address to, String function, Type<?>... args) {
    return (BigInteger) decode(viewOk(to, function, args), new TypeReference<Uint256>() {}).get(0).getValue();
  }

  Hash bytes32View(Address to, String function, Type<?>... args) {
    return Hash.wrap(Bytes.wrap(viewOk(to, function, args)));
  }

  Address addressView(Address to, String function, Type<?>... args) {
    return Address.fromHex((String) decode(viewOk(to, function, args),
        new TypeReference<org.web3j.abi.datatypes.Address>() {}).get(0).getValue());
  }

  boolean boolView(Address to, String function, Type<?>... args) {
    return (Boolean) decode(viewOk(to, function, args), new TypeReference<Bool>() {}).get(0).getValue();
  }

  private TxResult.Executed execute(JournaledState state, Address from, long nonce, Address to, Bytes data) {
    Transaction tx = new Transaction(2, from, nonce, 10_000_000, null, BigInteger.valueOf(100), BigInteger.ONE, to,
        BigInteger.ZERO, data, List.of(), List.of(), null);
    BlockEnv block = new BlockEnv(1, COINBASE, 30_000_000, number, time, Hash.ZERO, BASE_FEE, 0, n -> Hash.ZERO);
    TxResult result = processor.process(state, tx, block);
    if (!(result instanceof TxResult.Executed executed)) {
      throw new AssertionError("transaction rejected: " + result);
    }
    return executed;
  }

  private Address deploy(JsonNode artifact, Type<?>... constructorArgs) {
    TxResult.Executed deploy = send(DEPLOYER, null, Bytes.fromHexString(artifact.get("bytecode").asText()
        + FunctionEncoder.encodeConstructor(List.of(constructorArgs))));
    assertTrue(deploy.success(), artifact.get("contractName").asText() + " deployment failed: " + deploy.output());
    return deploy.contractAddress();
  }

  /** Deploys another instance and returns the failed result, or the address on success. */
  TxResult.Executed tryDeploy(String name, Type<?>... constructorArgs) {
    return send(DEPLOYER, null, Bytes.fromHexString(artifact(name).get("bytecode").asText()
        + FunctionEncoder.encodeConstructor(List.of(constructorArgs))));
  }

  // ---- the root flow ----

  TxResult.Executed postRoot(Hash preRoot, Hash postRoot) {
    return sendOk(OPERATOR, source, "updateRoot", bytes32(preRoot), bytes32(postRoot), new Uint8(0));
  }

  /** propagateRoot() by anyone; the one message it sent. */
  SentMessage propagate() {
    return single(sendOk(BOB, bridge, "propagateRoot"));
  }

  SentMessage propagate(Hash... roots) {
    return single(sendOk(BOB, bridge, "propagateRoots", bytes32Array(roots)));
  }

  SentMessage single(TxResult.Executed result) {
    List<SentMessage> sent = sentMessages(result);
    assertEquals(1, sent.size(), "one message sent");
    return sent.get(0);
  }

  /** The SentMessage logs of the L1 test messenger in a transaction. */
  List<SentMessage> sentMessages(TxResult.Executed result) {
    Hash topic = topic("SentMessage(address,address,bytes,uint256,uint256)");
    List<SentMessage> sent = new ArrayList<>();
    for (Log log : result.logs()) {
      if (!log.address().equals(l1Messenger) || !log.topics().get(0).equals(topic)) {
        continue;
      }
      List<Type> fields = decode(log.data(), new TypeReference<org.web3j.abi.datatypes.Address>() {},
          new TypeReference<DynamicBytes>() {}, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {});
      sent.add(new SentMessage(Address.fromWord(log.topics().get(1).bytes()),
          Address.fromHex((String) fields.get(0).getValue()), Bytes.wrap((byte[]) fields.get(1).getValue()),
          (BigInteger) fields.get(2).getValue(), ((BigInteger) fields.get(3).getValue()).longValueExact()));
    }
    return sent;
  }

  /** Relays a sent message on L2 as its messenger would: its L1 sender as xDomainMessageSender, its gas limit. */
  TxResult.Executed deliver(SentMessage message) {
    return relay(message.sender(), message.target(), message.message(), message.gasLimit());
  }

  TxResult.Executed relay(Address xDomainSender, Address target, Bytes message, long gasLimit) {
    return relayVia(L2_MESSENGER, xDomainSender, target, message, gasLimit);
  }

  /** A hand-made message to the registry from {@code xDomainSender}, with ample gas. */
  TxResult.Executed relayToRegistry(Address xDomainSender, String function, Type<?>... args) {
    return relay(xDomainSender, registry, Bytes.fromHexString(encode(function, args)), 1_000_000);
  }

  TxResult.Executed relayVia(Address messenger, Address xDomainSender, Address target, Bytes message, long gasLimit) {
    return send(ALICE, messenger, "relay", address(xDomainSender), address(target), new DynamicBytes(message.toArray()),
        new Uint256(gasLimit));
  }

  Address deployAnotherMessenger() {
    return deploy(testArtifact("RootBridgeTestMessenger"));
  }

  // ---- registry queries ----

  Hash latestRoot() {
    return bytes32View(registry, "latestRoot");
  }

  boolean isValid(Hash root) {
    return boolView(registry, "isValidRoot", bytes32(root));
  }

  /** requireValidRoot's outcome: empty output on success, else the revert data. */
  TxResult.Executed requireValid(Hash root) {
    return view(registry, "requireValidRoot", bytes32(root));
  }

  // ---- ABI helpers (web3j, independent of the contracts) ----

  static String encode(String function, Type<?>... args) {
    return FunctionEncoder.encode(new Function(function, List.of(args), List.of()));
  }

  /** Revert data of a custom error: encoded like a call to a function of the same signature. */
  static Bytes error(String name, Type<?>... args) {
    return Bytes.fromHexString(encode(name, args));
  }

  static void assertReverted(TxResult.Executed result, String error, Type<?>... args) {
    assertFalse(result.success(), "expected revert " + error);
    assertEquals(error(error, args), result.output(), "revert data of " + error);
  }

  static Hash topic(String eventSignature) {
    return Keccak.hash(eventSignature.getBytes(StandardCharsets.UTF_8));
  }

  static Hash root(String label) {
    return Keccak.hash(("identity tree " + label).getBytes(StandardCharsets.UTF_8));
  }

  static Bytes32 bytes32(Hash h) {
    return new Bytes32(h.toArray());
  }

  static DynamicArray<Bytes32> bytes32Array(Hash... roots) {
    return new DynamicArray<>(Bytes32.class, Arrays.stream(roots).map(RootBridgeWorld::bytes32).toList());
  }

  static org.web3j.abi.datatypes.Address address(Address a) {
    return new org.web3j.abi.datatypes.Address(a.toString());
  }

  static Uint256 uint(long v) {
    return new Uint256(v);
  }

  static Uint32 uint32(long v) {
    return new Uint32(v);
  }

  static Hash word(Address a) {
    return Hash.wrap(a.toWord());
  }

  static Hash word(long v) {
    return Hash.ofLong(v);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static List<Type> decode(Bytes data, TypeReference<?>... types) {
    return FunctionReturnDecoder.decode(data.toHexString(), (List) Arrays.asList(types));
  }

  /** The logs of {@code emitter} with the given event signature's topic. */
  static List<Log> events(TxResult.Executed result, Address emitter, String eventSignature) {
    Hash t = topic(eventSignature);
    return result.logs().stream().filter(l -> l.address().equals(emitter) && l.topics().get(0).equals(t)).toList();
  }

  static Log event(TxResult.Executed result, Address emitter, String eventSignature) {
    List<Log> found = events(result, emitter, eventSignature);
    assertEquals(1, found.size(), "one " + eventSignature);
    return found.get(0);
  }

  static JsonNode artifact(String name) {
    return read(CONTRACTS.resolve("artifacts").resolve(name + ".json"));
  }

  static JsonNode testArtifact(String name) {
    return read(CONTRACTS.resolve("test-artifacts").resolve(name + ".json"));
  }

  private static Bytes deployedCode(JsonNode artifact) {
    return Bytes.fromHexString(artifact.get("deployedBytecode").asText());
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read artifact " + file, e);
    }
  }
}
