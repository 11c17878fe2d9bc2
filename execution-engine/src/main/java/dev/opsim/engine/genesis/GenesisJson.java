package dev.opsim.engine.genesis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Hex;
import dev.opsim.protocol.config.Fork;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Reads geth's {@code genesis.json} layout, with op-geth's OP fields, so genesis files written by other tools load
 * unchanged. Numbers may be JSON numbers or strings, hex ({@code 0x…}) or decimal, as geth's HexOrDecimal types
 * accept; unknown fields are ignored; a {@code null} value counts as absent. Storage keys and values may be
 * shorter than 32 bytes (left-padded, as the Ethereum test fixtures write them).
 */
public final class GenesisJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<Fork, String> OP_FORK_FIELDS = new EnumMap<>(Map.of(
      Fork.REGOLITH, "regolithTime",
      Fork.CANYON, "canyonTime",
      Fork.DELTA, "deltaTime",
      Fork.ECOTONE, "ecotoneTime",
      Fork.FJORD, "fjordTime",
      Fork.GRANITE, "graniteTime",
      Fork.HOLOCENE, "holoceneTime",
      Fork.ISTHMUS, "isthmusTime",
      Fork.JOVIAN, "jovianTime"));

  private GenesisJson() {}

  /**
   * Parses a genesis file.
   *
   * @throws DecodeException naming the field, for malformed JSON, a missing {@code config} or {@code chainId},
   *     and values that are not numbers / hex of the right size
   */
  public static GenesisSpec parse(String json) throws DecodeException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new DecodeException("genesis: not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new DecodeException("genesis: expected a JSON object at the top level");
    }
    JsonNode configNode = field(root, "config");
    if (configNode == null || !configNode.isObject()) {
      throw new DecodeException("genesis: missing the config object");
    }
    ChainConfig config = parseConfig(configNode);
    Map<Address, GenesisAccount> alloc = new HashMap<>();
    JsonNode allocNode = field(root, "alloc");
    if (allocNode != null) {
      if (!allocNode.isObject()) {
        throw new DecodeException("genesis: alloc must be an object keyed by address");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = allocNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        Address address = address(entry.getKey(), "alloc key " + entry.getKey());
        if (alloc.put(address, account(entry.getValue(), "alloc[" + entry.getKey() + "]")) != null) {
          throw new DecodeException("genesis: alloc lists " + address + " twice");
        }
      }
    }
    return new GenesisSpec(
        config,
        field(configNode, "ethash") != null,
        uint64(root, "nonce").orElse(0),
        uint64(root, "timestamp").orElse(0),
        bytes(root, "extraData").orElse(Bytes.EMPTY),
        uint64(root, "gasLimit").orElse(0),
        uint(root, "difficulty", 256),
        hash(root, "mixHash").orElse(Hash.ZERO),
        optionalAddress(root, "coinbase").orElse(Address.ZERO),
        uint64(root, "number").orElse(0),
        uint64(root, "gasUsed").orElse(0),
        hash(root, "parentHash").orElse(Hash.ZERO),
        uint(root, "baseFeePerGas", 256),
        uint64(root, "excessBlobGas"),
        uint64(root, "blobGasUsed"),
        alloc);
  }

  private static ChainConfig parseConfig(JsonNode config) throws DecodeException {
    BigInteger chainId = uint(config, "chainId", 256)
        .orElseThrow(() -> new DecodeException("genesis: config.chainId is missing"));
    if (chainId.signum() == 0) {
      throw new DecodeException("genesis: config.chainId must not be 0");
    }
    Optional<OptimismParams> optimism = Optional.empty();
    JsonNode op = field(config, "optimism");
    if (op != null) {
      if (!op.isObject()) {
        throw new DecodeException("genesis: config.optimism must be an object");
      }
      EnumMap<Fork, Long> forkTimes = new EnumMap<>(Fork.class);
      for (Map.Entry<Fork, String> fork : OP_FORK_FIELDS.entrySet()) {
        OptionalLong time = uint64(config, fork.getValue());
        if (time.isPresent()) {
          forkTimes.put(fork.getKey(), time.getAsLong());
        }
      }
      long elasticity = positive(op, "eip1559Elasticity");
      long denominator = positive(op, "eip1559Denominator");
      OptionalLong canyonDenominator = uint64(op, "eip1559DenominatorCanyon");
      if (canyonDenominator.isPresent() && canyonDenominator.getAsLong() == 0) {
        throw new DecodeException("genesis: config.optimism.eip1559DenominatorCanyon must not be 0");
      }
      optimism = Optional.of(new OptimismParams(uint64(config, "bedrockBlock"), forkTimes, elasticity, denominator,
          canyonDenominator));
    }
    return new ChainConfig(chainId, uint64(config, "londonBlock"), uint64(config, "shanghaiTime"),
        uint64(config, "cancunTime"), uint64(config, "pragueTime"), uint(config, "terminalTotalDifficulty", 256),
        optimism);
  }

  private static long positive(JsonNode node, String name) throws DecodeException {
    OptionalLong value = uint64(node, name);
    if (value.isEmpty() || value.getAsLong() == 0) {
      throw new DecodeException("genesis: config.optimism." + name + " must be present and positive");
    }
    return value.getAsLong();
  }

  private static GenesisAccount account(JsonNode node, String where) throws DecodeException {
    if (!node.isObject()) {
      throw new DecodeException("genesis: " + where + " must be an object");
    }
    BigInteger balance = uint(node, "balance", 256, where).orElse(BigInteger.ZERO);
    Bytes code = bytes(node, "code", where).orElse(Bytes.EMPTY);
    long nonce = uint64(node, "nonce", where).orElse(0);
    Map<Bytes32, Bytes32> storage = new HashMap<>();
    JsonNode storageNode = field(node, "storage");
    if (storageNode != null) {
      if (!storageNode.isObject()) {
        throw new DecodeException("genesis: " + where + ".storage must be an object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = storageNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> slot = it.next();
        String slotWhere = where + ".storage[" + slot.getKey() + "]";
        Bytes32 key = word(slot.getKey(), slotWhere + " key");
        if (!slot.getValue().isTextual()) {
          throw new DecodeException("genesis: " + slotWhere + " must be a hex string");
        }
        if (storage.put(key, word(slot.getValue().asText(), slotWhere)) != null) {
          throw new DecodeException("genesis: " + where + ".storage lists slot " + key + " twice");
        }
      }
    }
    return new GenesisAccount(balance, code, nonce, storage);
  }

  private static JsonNode field(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }

  private static OptionalLong uint64(JsonNode node, String name) throws DecodeException {
    return uint64(node, name, null);
  }

  private static OptionalLong uint64(JsonNode node, String name, String where) throws DecodeException {
    Optional<BigInteger> value = uint(node, name, 64, where);
    return value.isPresent() ? OptionalLong.of(value.get().longValue()) : OptionalLong.empty();
  }

  private static Optional<BigInteger> uint(JsonNode node, String name, int maxBits) throws DecodeException {
    return uint(node, name, maxBits, null);
  }

  private static Optional<BigInteger> uint(JsonNode node, String name, int maxBits, String where)
      throws DecodeException {
    JsonNode value = field(node, name);
    if (value == null) {
      return Optional.empty();
    }
    String label = (where == null ? "" : where + ".") + name;
    BigInteger number;
    if (value.isIntegralNumber()) {
      number = value.bigIntegerValue();
    } else if (value.isTextual()) {
      number = parseNumber(value.asText().strip(), label);
    } else {
      throw new DecodeException("genesis: " + label + " must be an integer or a hex/decimal string, got "
          + value.getNodeType());
    }
    if (number.signum() < 0 || number.bitLength() > maxBits) {
      throw new DecodeException("genesis: " + label + " = " + number + " is not an unsigned " + maxBits
          + "-bit integer");
    }
    return Optional.of(number);
  }

  private static BigInteger parseNumber(String text, String label) throws DecodeException {
    try {
      if (text.startsWith("0x") || text.startsWith("0X")) {
        String digits = text.substring(2);
        if (digits.isEmpty() || digits.length() > 64) {
          throw new NumberFormatException("bad hex length");
        }
        return new BigInteger(digits, 16);
      }
      if (text.isEmpty() || text.length() > 78 || !text.chars().allMatch(Character::isDigit)) {
        throw new NumberFormatException("not decimal");
      }
      return new BigInteger(text);
    } catch (NumberFormatException e) {
      throw new DecodeException("genesis: " + label + " = \"" + text + "\" is not a hex or decimal number");
    }
  }

  private static Optional<Bytes> bytes(JsonNode node, String name) throws DecodeException {
    return bytes(node, name, null);
  }

  private static Optional<Bytes> bytes(JsonNode node, String name, String where) throws DecodeException {
    JsonNode value = field(node, name);
    if (value == null) {
      return Optional.empty();
    }
    String label = (where == null ? "" : where + ".") + name;
    if (!value.isTextual()) {
      throw new DecodeException("genesis: " + label + " must be a hex string");
    }
    return Optional.of(Bytes.wrap(hex(value.asText(), label)));
  }

  private static Optional<Hash> hash(JsonNode node, String name) throws DecodeException {
    Optional<Bytes> value = bytes(node, name);
    if (value.isPresent() && value.get().size() != 32) {
      throw new DecodeException("genesis: " + name + " must be 32 bytes, got " + value.get().size());
    }
    return value.map(Hash::wrap);
  }

  private static Optional<Address> optionalAddress(JsonNode node, String name) throws DecodeException {
    JsonNode value = field(node, name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new DecodeException("genesis: " + name + " must be a hex string");
    }
    return Optional.of(address(value.asText(), name));
  }

  private static Address address(String text, String label) throws DecodeException {
    byte[] raw = hex(text, label);
    if (raw.length != Address.SIZE) {
      throw new DecodeException("genesis: " + label + " must be a 20-byte address, got " + raw.length + " bytes");
    }
    return Address.wrap(raw);
  }

  private static Bytes32 word(String text, String label) throws DecodeException {
    String s = text.strip();
    String digits = s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
    if (digits.length() % 2 == 1) {
      digits = "0" + digits;
    }
    byte[] raw = hex(digits, label);
    if (raw.length > 32) {
      throw new DecodeException("genesis: " + label + " is " + raw.length + " bytes, more than 32");
    }
    return Bytes32.leftPad(Bytes.wrap(raw));
  }

  private static byte[] hex(String text, String label) throws DecodeException {
    try {
      return Hex.decode(text);
    } catch (IllegalArgumentException e) {
      throw new DecodeException("genesis: " + label + " is not hex: " + e.getMessage());
    }
  }
}
