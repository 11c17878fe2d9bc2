package dev.opsim.protocol.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Hex;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * op-node's {@code rollup.json} layout ({@code op-node/rollup/types.go}, protocol-reference 5.1): snake_case at
 * the top level, camelCase inside {@code genesis.system_config}, numbers as JSON numbers, hashes and addresses as
 * 0x-hex strings. Unknown fields are ignored; duplicate keys and trailing content are errors.
 */
final class RollupConfigJson {
  // ObjectReader and ObjectWriter are immutable and thread-safe; the mapper that made them is not kept.
  private static final ObjectReader READER;
  private static final ObjectWriter WRITER;

  static {
    ObjectMapper mapper = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
    READER = mapper.reader();
    WRITER = mapper.writerWithDefaultPrettyPrinter();
  }

  private static final BigInteger UINT64_LIMIT = BigInteger.ONE.shiftLeft(64);

  private RollupConfigJson() {}

  static RollupConfig read(String json) throws DecodeException {
    if (json == null) {
      throw new DecodeException("rollup config: no JSON text");
    }
    JsonNode root;
    try {
      root = READER.readTree(json);
    } catch (JacksonException e) {
      throw new DecodeException("rollup config: not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new DecodeException("rollup config: expected a JSON object at the top level");
    }
    try {
      return read(root);
    } catch (IllegalArgumentException e) {
      throw new DecodeException("rollup config: " + e.getMessage(), e);
    }
  }

  private static RollupConfig read(JsonNode root) throws DecodeException {
    JsonNode genesisNode = object(root, "", "genesis");
    JsonNode sysNode = object(genesisNode, "genesis.", "system_config");
    String sysPath = "genesis.system_config.";
    SystemConfig sys = new SystemConfig(
        address(sysNode, sysPath, "batcherAddr"),
        Bytes32.wrap(hex(required(sysNode, sysPath, "overhead"), 32, sysPath + "overhead")),
        Bytes32.wrap(hex(required(sysNode, sysPath, "scalar"), 32, sysPath + "scalar")),
        uint64(required(sysNode, sysPath, "gasLimit"), sysPath + "gasLimit"),
        optionalHex(sysNode, sysPath, "eip1559Params", SystemConfig.EIP1559_PARAMS_SIZE),
        Bytes32.wrap(optionalHex(sysNode, sysPath, "operatorFeeParams", 32)),
        optionalUint64(sysNode, sysPath, "minBaseFee"),
        uint16(optional(sysNode, "daFootprintGasScalar"), sysPath + "daFootprintGasScalar"));
    Genesis genesis = new Genesis(
        blockId(object(genesisNode, "genesis.", "l1"), "genesis.l1."),
        blockId(object(genesisNode, "genesis.", "l2"), "genesis.l2."),
        uint64(required(genesisNode, "genesis.", "l2_time"), "genesis.l2_time"),
        sys);
    Map<Fork, Long> forks = new EnumMap<>(Fork.class);
    for (Fork fork : Fork.values()) {
      JsonNode time = optional(root, fork.jsonKey());
      if (time != null) {
        forks.put(fork, uint64(time, fork.jsonKey()));
      }
    }
    JsonNode drift = optional(root, "max_sequencer_drift");
    return new RollupConfig(
        genesis,
        uint64(required(root, "", "block_time"), "block_time"),
        drift == null ? 0 : uint64(drift, "max_sequencer_drift"),
        uint64(required(root, "", "seq_window_size"), "seq_window_size"),
        uint64(required(root, "", "channel_timeout"), "channel_timeout"),
        chainId(required(root, "", "l1_chain_id"), "l1_chain_id"),
        chainId(required(root, "", "l2_chain_id"), "l2_chain_id"),
        address(root, "", "batch_inbox_address"),
        address(root, "", "deposit_contract_address"),
        address(root, "", "l1_system_config_address"),
        forks);
  }

  static String write(RollupConfig config) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    ObjectNode genesis = root.putObject("genesis");
    genesis.set("l1", blockIdNode(config.genesis().l1()));
    genesis.set("l2", blockIdNode(config.genesis().l2()));
    genesis.set("l2_time", uint64Node(config.genesis().l2Time()));
    SystemConfig sys = config.genesis().systemConfig();
    ObjectNode sysNode = genesis.putObject("system_config");
    sysNode.put("batcherAddr", sys.batcherAddr().toString());
    sysNode.put("overhead", sys.overhead().toHexString());
    sysNode.put("scalar", sys.scalar().toHexString());
    sysNode.set("gasLimit", uint64Node(sys.gasLimit()));
    // Omitted when unset: op-node loads rollup.json with DisallowUnknownFields (ParseRollupConfig), so versions
    // from before Holocene/Isthmus/Jovian would reject these fields.
    if (!sys.eip1559Params().isZero()) {
      sysNode.put("eip1559Params", sys.eip1559Params().toHexString());
    }
    if (!sys.operatorFeeParams().isZero()) {
      sysNode.put("operatorFeeParams", sys.operatorFeeParams().toHexString());
    }
    if (sys.minBaseFee() != 0) {
      sysNode.set("minBaseFee", uint64Node(sys.minBaseFee()));
    }
    if (sys.daFootprintGasScalar() != 0) {
      sysNode.put("daFootprintGasScalar", sys.daFootprintGasScalar());
    }
    root.set("block_time", uint64Node(config.blockTime()));
    if (config.maxSequencerDriftBedrock() != 0) {
      root.set("max_sequencer_drift", uint64Node(config.maxSequencerDriftBedrock()));
    }
    root.set("seq_window_size", uint64Node(config.seqWindowSize()));
    root.set("channel_timeout", uint64Node(config.channelTimeoutBedrock()));
    root.put("l1_chain_id", config.l1ChainId());
    root.put("l2_chain_id", config.l2ChainId());
    for (Fork fork : Fork.values()) {
      config.activationTime(fork).ifPresent(t -> root.set(fork.jsonKey(), uint64Node(t)));
    }
    root.put("batch_inbox_address", config.batchInboxAddress().toString());
    root.put("deposit_contract_address", config.depositContractAddress().toString());
    root.put("l1_system_config_address", config.l1SystemConfigAddress().toString());
    try {
      return WRITER.writeValueAsString(root);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot serialize a JSON tree we built", e);
    }
  }

  private static ObjectNode blockIdNode(BlockId id) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("hash", id.hash().toString());
    node.set("number", uint64Node(id.number()));
    return node;
  }

  private static JsonNode uint64Node(long value) {
    return value >= 0
        ? JsonNodeFactory.instance.numberNode(value)
        : JsonNodeFactory.instance.numberNode(new BigInteger(Long.toUnsignedString(value)));
  }

  private static BlockId blockId(JsonNode node, String path) throws DecodeException {
    Hash hash = Hash.wrap(hex(required(node, path, "hash"), 32, path + "hash"));
    return new BlockId(hash, uint64(required(node, path, "number"), path + "number"));
  }

  private static JsonNode optional(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }

  private static JsonNode required(JsonNode node, String path, String name) throws DecodeException {
    JsonNode value = optional(node, name);
    if (value == null) {
      throw new DecodeException("rollup config: missing field " + path + name);
    }
    return value;
  }

  private static JsonNode object(JsonNode node, String path, String name) throws DecodeException {
    JsonNode value = required(node, path, name);
    if (!value.isObject()) {
      throw new DecodeException("rollup config: " + path + name + ": expected an object, got " + describe(value));
    }
    return value;
  }

  private static Address address(JsonNode node, String path, String name) throws DecodeException {
    return Address.wrap(hex(required(node, path, name), Address.SIZE, path + name));
  }

  private static Bytes optionalHex(JsonNode node, String path, String name, int size) throws DecodeException {
    JsonNode value = optional(node, name);
    return Bytes.wrap(value == null ? new byte[size] : hex(value, size, path + name));
  }

  private static byte[] hex(JsonNode value, int size, String where) throws DecodeException {
    if (!value.isTextual()) {
      throw new DecodeException("rollup config: " + where + ": expected a hex string, got " + describe(value));
    }
    byte[] bytes;
    try {
      bytes = Hex.decode(value.textValue());
    } catch (IllegalArgumentException e) {
      throw new DecodeException("rollup config: " + where + ": " + e.getMessage(), e);
    }
    if (bytes.length != size) {
      throw new DecodeException(
          "rollup config: " + where + ": expected " + size + " bytes of hex, got " + bytes.length);
    }
    return bytes;
  }

  private static long optionalUint64(JsonNode node, String path, String name) throws DecodeException {
    JsonNode value = optional(node, name);
    return value == null ? 0 : uint64(value, path + name);
  }

  private static long uint64(JsonNode value, String where) throws DecodeException {
    BigInteger v = integer(value, where);
    if (v.compareTo(UINT64_LIMIT) >= 0) {
      throw new DecodeException("rollup config: " + where + ": " + v + " does not fit in a uint64");
    }
    return v.longValue();
  }

  private static int uint16(JsonNode value, String where) throws DecodeException {
    if (value == null) {
      return 0;
    }
    BigInteger v = integer(value, where);
    if (v.bitLength() > 16) {
      throw new DecodeException("rollup config: " + where + ": " + v + " does not fit in a uint16");
    }
    return v.intValue();
  }

  private static long chainId(JsonNode value, String where) throws DecodeException {
    BigInteger v = integer(value, where);
    if (v.signum() == 0 || v.bitLength() > 63) {
      throw new DecodeException("rollup config: " + where + ": chain id " + v + " is not in 1..2^63-1");
    }
    return v.longValue();
  }

  private static BigInteger integer(JsonNode value, String where) throws DecodeException {
    if (!value.isIntegralNumber()) {
      throw new DecodeException(
          "rollup config: " + where + ": expected a non-negative integer, got " + describe(value));
    }
    BigInteger v = value.bigIntegerValue();
    if (v.signum() < 0) {
      throw new DecodeException("rollup config: " + where + ": expected a non-negative integer, got " + v);
    }
    return v;
  }

  private static String describe(JsonNode value) {
    String text = value.toString();
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }
}
