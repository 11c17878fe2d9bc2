package dev.opsim.engine.contracts.l2core;

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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;

/**
 * A small L2 world on our EVM for the predeploy tests: contracts from the committed artifacts in
 * {@code contracts/artifacts}, predeploys installed behind {@code Proxy} code at their spec addresses (protocol-reference
 * 1.1), every transaction applied to an in-memory base state. Senders are funded on first use.
 */
final class L2Sandbox {
  static final Path ARTIFACTS = Path.of("").toAbsolutePath().getParent().resolve("contracts/artifacts");
  static final BigInteger ETHER = BigInteger.TEN.pow(18);
  static final BigInteger BASE_FEE = BigInteger.valueOf(7);
  static final Address DEPOSITOR = Address.fromHex("0xdeaddeaddeaddeaddeaddeaddeaddeaddead0001");
  static final Address PROXY_ADMIN = Address.fromHex("0x4200000000000000000000000000000000000018");
  static final Address L1_BLOCK = Address.fromHex("0x4200000000000000000000000000000000000015");
  static final Address GAS_PRICE_ORACLE = Address.fromHex("0x420000000000000000000000000000000000000f");
  static final Address MESSAGE_PASSER = Address.fromHex("0x4200000000000000000000000000000000000016");
  static final UInt256 IMPLEMENTATION_SLOT = UInt256.fromHexString(
      "0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc");
  static final UInt256 ADMIN_SLOT = UInt256.fromHexString(
      "0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Address DEPLOYER = Address.fromHex("0x00000000000000000000000000000000000d3b10");
  /** Not the SequencerFeeVault, so that the priority fees of the tests' own transactions do not land in it. */
  private static final Address COINBASE = Address.fromHex("0x00000000000000000000000000000000c0ffee00");

  final InMemoryBaseState base = new InMemoryBaseState();
  private final EvmSpec spec = new CancunSpec();
  private final TransactionProcessor processor =
      new TransactionProcessor(spec, StandardPrecompiles.forSpec(spec), new CodeCache(32));
  private final BlockEnv block =
      new BlockEnv(10, COINBASE, 60_000_000, 1, 1_700_000_000L, Hash.ZERO, BASE_FEE, 0, n -> Hash.ZERO);
  private final Map<String, JsonNode> artifacts = new HashMap<>();

  static JsonNode artifact(String name) {
    try {
      return JSON.readTree(ARTIFACTS.resolve(name + ".json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read artifact " + name, e);
    }
  }

  JsonNode cached(String name) {
    return artifacts.computeIfAbsent(name, L2Sandbox::artifact);
  }

  /** Deploys {@code name} with ABI-encoded constructor arguments from the deployer; returns its address. */
  Address deploy(String name, Type<?>... constructorArgs) {
    String init = cached(name).get("bytecode").asText() + FunctionEncoder.encodeConstructor(List.of(constructorArgs));
    TxResult.Executed result = send(DEPLOYER, null, BigInteger.ZERO, Bytes.fromHexString(init));
    assertTrue(result.success(), "deploying " + name + " failed: " + result);
    return result.contractAddress();
  }

  /**
   * Deploys the implementation {@code name} and installs a {@code Proxy} at {@code at} whose implementation and
   * admin slots point at it and at the ProxyAdmin predeploy, as a genesis would.
   */
  Address installProxied(Address at, String name, Type<?>... constructorArgs) {
    Address implementation = deploy(name, constructorArgs);
    base.put(at, 0, BigInteger.ZERO, Bytes.fromHexString(cached("Proxy").get("deployedBytecode").asText()),
        Map.of(IMPLEMENTATION_SLOT, word(implementation), ADMIN_SLOT, word(PROXY_ADMIN)));
    return implementation;
  }

  void fund(Address who, BigInteger wei) {
    InMemoryBaseState.Entry entry = base.accounts().get(who);
    if (entry == null) {
      base.put(who, 0, wei, Bytes.EMPTY, Map.of());
    } else {
      entry.balance = wei;
    }
  }

  BigInteger balance(Address who) {
    InMemoryBaseState.Entry entry = base.accounts().get(who);
    return entry == null ? BigInteger.ZERO : entry.balance;
  }

  boolean hasCode(Address who) {
    InMemoryBaseState.Entry entry = base.accounts().get(who);
    return entry != null && !entry.code.isEmpty();
  }

  UInt256 storage(Address who, UInt256 slot) {
    return base.storage(who, slot);
  }

  TxResult.Executed send(Address from, Address to, String calldata) {
    return send(from, to, BigInteger.ZERO, Bytes.fromHexString(calldata));
  }

  TxResult.Executed send(Address from, Address to, BigInteger value, String calldata) {
    return send(from, to, value, Bytes.fromHexString(calldata));
  }

  TxResult.Executed send(Address from, Address to, BigInteger value, Bytes data) {
    if (!base.accounts().containsKey(from)) {
      fund(from, ETHER.multiply(BigInteger.valueOf(1000)));
    }
    JournaledState state = new JournaledState(base);
    long nonce = base.accounts().get(from).nonce;
    Transaction tx = new Transaction(2, from, nonce, 30_000_000, null, BigInteger.valueOf(100), BigInteger.ONE, to,
        value, data, List.of(), List.of(), null);
    TxResult result = processor.process(state, tx, block);
    if (!(result instanceof TxResult.Executed executed)) {
      throw new AssertionError("transaction rejected: " + result);
    }
    base.apply(state.changes());
    return executed;
  }

  /** Processes {@code tx} under OP fee rules with this L1 data fee, as the engine does for a normal transaction. */
  TxResult.Executed sendWithL1Fee(Transaction tx, BigInteger l1Fee) {
    JournaledState state = new JournaledState(base);
    TxResult result = processor.process(state, tx, block, null, dev.opsim.evm.tx.FeeRules.optimism(l1Fee),
        dev.opsim.evm.tx.ProcessingMode.BLOCK);
    if (!(result instanceof TxResult.Executed executed)) {
      throw new AssertionError("transaction rejected: " + result);
    }
    base.apply(state.changes());
    return executed;
  }

  /** The return data of a call that must succeed (run as a transaction). */
  Bytes call(Address from, Address to, String calldata) {
    TxResult.Executed result = send(from, to, calldata);
    assertTrue(result.success(), "call failed: " + result + " " + result.output());
    return result.output();
  }

  BigInteger callUint(Address from, Address to, String calldata) {
    return uint(call(from, to, calldata));
  }

  /** Asserts the call reverts with {@code Error(reason)}. */
  void assertRevertsWith(Address from, Address to, String calldata, String reason) {
    TxResult.Executed result = send(from, to, calldata);
    assertFalse(result.success(), "expected a revert with \"" + reason + "\"");
    assertEquals(Bytes.fromHexString(encode("Error", new Utf8String(reason))), result.output(),
        "revert data should be Error(\"" + reason + "\")");
  }

  static String encode(String name, Type<?>... inputs) {
    return FunctionEncoder.encode(new Function(name, List.of(inputs), List.of()));
  }

  static org.web3j.abi.datatypes.Address address(Address a) {
    return new org.web3j.abi.datatypes.Address(a.toString());
  }

  static UInt256 word(Address a) {
    return UInt256.fromBytes(Bytes32.leftPad(a.bytes()));
  }

  static Address addressOf(UInt256 word) {
    return Address.wrap(word.slice(12, 20));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static List<Type> decode(Bytes returned, TypeReference<?>... types) {
    return FunctionReturnDecoder.decode(returned.toHexString(), (List) Arrays.asList(types));
  }

  static BigInteger uint(Bytes returned) {
    assertEquals(32, returned.size(), "one word in " + returned);
    return returned.toUnsignedBigInteger();
  }
}
