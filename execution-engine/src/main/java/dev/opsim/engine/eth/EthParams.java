package dev.opsim.engine.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.opsim.engine.rpc.RpcException;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.tx.AccessListEntry;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Strict parsing of eth_* parameters with geth's hexutil rules (0x prefix, no leading zero digits in quantities,
 * even-length data, exact sizes for addresses and hashes). Every problem is a -32602 naming the argument.
 */
final class EthParams {
  private EthParams() {}

  static RpcException invalid(String what, String problem) {
    return RpcException.invalidParams("invalid argument " + what + ": " + problem);
  }

  private static String text(JsonNode node, String what) throws RpcException {
    if (node == null || !node.isTextual()) {
      throw invalid(what, "expected a 0x-prefixed hex string, got " + describe(node));
    }
    String s = node.textValue();
    if (!s.startsWith("0x") && !s.startsWith("0X")) {
      throw invalid(what, "hex string without 0x prefix");
    }
    return s.substring(2);
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    String s = node.toString();
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  private static String quantityDigits(JsonNode node, String what) throws RpcException {
    String digits = text(node, what);
    if (digits.isEmpty()) {
      throw invalid(what, "hex string \"0x\"");
    }
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      throw invalid(what, "hex number with leading zero digits");
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), 16) < 0) {
        throw invalid(what, "invalid hex string");
      }
    }
    return digits;
  }

  /** A uint64 quantity. */
  static long uint64(JsonNode node, String what) throws RpcException {
    String digits = quantityDigits(node, what);
    if (digits.length() > 16) {
      throw invalid(what, "hex number > 64 bits");
    }
    return Long.parseUnsignedLong(digits, 16);
  }

  /** A uint256 quantity. */
  static BigInteger uint256(JsonNode node, String what) throws RpcException {
    String digits = quantityDigits(node, what);
    if (digits.length() > 64) {
      throw invalid(what, "hex number > 256 bits");
    }
    return new BigInteger(digits, 16);
  }

  /** A uint64 given as a hex quantity, a decimal string or a JSON number (geth's math.HexOrDecimal64). */
  static long hexOrDecimal64(JsonNode node, String what) throws RpcException {
    if (node != null && node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
      return node.longValue();
    }
    if (node != null && node.isTextual() && !node.textValue().startsWith("0x")) {
      try {
        long value = Long.parseUnsignedLong(node.textValue());
        return value;
      } catch (NumberFormatException e) {
        throw invalid(what, "invalid decimal or hex number " + describe(node));
      }
    }
    return uint64(node, what);
  }

  static Bytes bytes(JsonNode node, String what) throws RpcException {
    String digits = text(node, what);
    if ((digits.length() & 1) != 0) {
      throw invalid(what, "hex string of odd length");
    }
    try {
      return Bytes.fromHexString(digits);
    } catch (IllegalArgumentException e) {
      throw invalid(what, "invalid hex string");
    }
  }

  private static Bytes fixed(JsonNode node, String what, int size, String type) throws RpcException {
    Bytes value = bytes(node, what);
    if (value.size() != size) {
      throw invalid(what, "hex string has length " + value.size() * 2 + ", want " + size * 2 + " for " + type);
    }
    return value;
  }

  static Address address(JsonNode node, String what) throws RpcException {
    return Address.wrap(fixed(node, what, Address.SIZE, "common.Address"));
  }

  static Hash hash(JsonNode node, String what) throws RpcException {
    return Hash.wrap(fixed(node, what, 32, "common.Hash"));
  }

  /** A storage key: up to 32 bytes, odd digit counts allowed (geth decodeHash), left-padded. */
  static Bytes32 storageKey(JsonNode node, String what) throws RpcException {
    if (node == null || !node.isTextual()) {
      throw invalid(what, "expected a hex string, got " + describe(node));
    }
    String s = node.textValue();
    if (s.startsWith("0x") || s.startsWith("0X")) {
      s = s.substring(2);
    }
    if ((s.length() & 1) != 0) {
      s = "0" + s;
    }
    Bytes value;
    try {
      value = Bytes.fromHexString(s);
    } catch (IllegalArgumentException e) {
      throw invalid(what, "hex string invalid");
    }
    if (value.size() > 32) {
      throw invalid(what, "hex string too long, want at most 32 bytes");
    }
    return Bytes32.leftPad(value);
  }

  static boolean bool(JsonNode node, String what) throws RpcException {
    if (node == null || !node.isBoolean()) {
      throw invalid(what, "expected true or false, got " + describe(node));
    }
    return node.booleanValue();
  }

  private static Optional<BlockTag> tag(String s) {
    for (BlockTag tag : BlockTag.values()) {
      if (tag.json().equals(s)) {
        return Optional.of(tag);
      }
    }
    return Optional.empty();
  }

  /** A block number parameter: a tag or a quantity (geth rpc.BlockNumber). */
  static BlockRef blockNumber(JsonNode node, String what) throws RpcException {
    if (node != null && node.isTextual()) {
      Optional<BlockTag> tag = tag(node.textValue());
      if (tag.isPresent()) {
        return new BlockRef.Tagged(tag.get());
      }
    }
    long number = uint64(node, what);
    if (number < 0) {
      throw invalid(what, "block number larger than int64");
    }
    return new BlockRef.Numbered(number);
  }

  /**
   * A block number or hash (geth rpc.BlockNumberOrHash): a tag, a quantity, a 32-byte hash string, or an EIP-1898
   * object {@code {"blockNumber": ...}} / {@code {"blockHash": ..., "requireCanonical": bool}}.
   */
  static BlockRef blockNumberOrHash(JsonNode node, String what) throws RpcException {
    if (node != null && node.isObject()) {
      JsonNode number = node.get("blockNumber");
      JsonNode blockHash = node.get("blockHash");
      boolean hasNumber = number != null && !number.isNull();
      boolean hasHash = blockHash != null && !blockHash.isNull();
      if (hasNumber == hasHash) {
        throw invalid(what, hasNumber ? "cannot specify both BlockHash and BlockNumber, choose one or the other"
            : "need either blockHash or blockNumber");
      }
      if (hasNumber) {
        return blockNumber(number, what + ".blockNumber");
      }
      JsonNode canonical = node.get("requireCanonical");
      boolean requireCanonical = canonical != null && !canonical.isNull() && bool(canonical, what + ".requireCanonical");
      return new BlockRef.ByHash(hash(blockHash, what + ".blockHash"), requireCanonical);
    }
    if (node != null && node.isTextual() && node.textValue().length() == 66) {
      return new BlockRef.ByHash(hash(node, what), false);
    }
    return blockNumber(node, what);
  }

  /** The optional block argument of eth_call / eth_estimateGas: absent or null means latest. */
  static BlockRef optionalBlock(ArrayNode params, int index) throws RpcException {
    JsonNode node = params.get(index);
    if (node == null || node.isNull()) {
      return BlockRef.LATEST;
    }
    return blockNumberOrHash(node, String.valueOf(index));
  }

  static JsonNode field(JsonNode object, String name) {
    JsonNode value = object.get(name);
    return value == null || value.isNull() ? null : value;
  }

  /** A call object; {@code gas} is left empty when the request has none. */
  record CallArgs(CallRequest request, OptionalLong gas, Optional<BigInteger> chainId) {}

  static CallArgs callArgs(JsonNode node, String what) throws RpcException {
    if (node == null || !node.isObject()) {
      throw invalid(what, "expected a transaction call object, got " + describe(node));
    }
    JsonNode v;
    Address from = (v = field(node, "from")) == null ? Address.ZERO : address(v, what + ".from");
    Optional<Address> to = (v = field(node, "to")) == null ? Optional.empty() : Optional.of(address(v, what + ".to"));
    OptionalLong gas = (v = field(node, "gas")) == null ? OptionalLong.empty()
        : OptionalLong.of(uint64(v, what + ".gas"));
    Optional<BigInteger> gasPrice = optionalUint256(node, "gasPrice", what);
    Optional<BigInteger> maxFee = optionalUint256(node, "maxFeePerGas", what);
    Optional<BigInteger> maxPriorityFee = optionalUint256(node, "maxPriorityFeePerGas", what);
    Optional<BigInteger> maxFeePerBlobGas = optionalUint256(node, "maxFeePerBlobGas", what);
    BigInteger value = optionalUint256(node, "value", what).orElse(BigInteger.ZERO);
    OptionalLong nonce = (v = field(node, "nonce")) == null ? OptionalLong.empty()
        : OptionalLong.of(uint64(v, what + ".nonce"));
    Optional<Bytes> input = (v = field(node, "input")) == null ? Optional.empty()
        : Optional.of(bytes(v, what + ".input"));
    Optional<Bytes> data = (v = field(node, "data")) == null ? Optional.empty()
        : Optional.of(bytes(v, what + ".data"));
    if (input.isPresent() && data.isPresent() && !input.get().equals(data.get())) {
      throw RpcException.invalidParams("both \"data\" and \"input\" are set and not equal. Please use \"input\""
          + " to pass transaction call data");
    }
    List<AccessListEntry> accessList = (v = field(node, "accessList")) == null ? List.of()
        : accessList(v, what + ".accessList");
    List<Hash> blobHashes = new ArrayList<>();
    if ((v = field(node, "blobVersionedHashes")) != null) {
      if (!v.isArray()) {
        throw invalid(what + ".blobVersionedHashes", "expected an array");
      }
      for (int i = 0; i < v.size(); i++) {
        blobHashes.add(hash(v.get(i), what + ".blobVersionedHashes[" + i + "]"));
      }
    }
    Optional<BigInteger> chainId = optionalUint256(node, "chainId", what);
    if (gasPrice.isPresent() && (maxFee.isPresent() || maxPriorityFee.isPresent())) {
      throw RpcException.invalidParams("both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified");
    }
    if (maxFee.isPresent() && maxPriorityFee.isPresent() && maxFee.get().compareTo(maxPriorityFee.get()) < 0) {
      throw RpcException.invalidParams("maxFeePerGas (" + maxFee.get() + ") < maxPriorityFeePerGas ("
          + maxPriorityFee.get() + ")");
    }
    CallRequest request = new CallRequest(from, to, gas.orElse(0), gasPrice, maxFee, maxPriorityFee, value,
        input.or(() -> data).orElse(Bytes.EMPTY), accessList, maxFeePerBlobGas, blobHashes, nonce);
    return new CallArgs(request, gas, chainId);
  }

  private static Optional<BigInteger> optionalUint256(JsonNode object, String name, String what)
      throws RpcException {
    JsonNode v = field(object, name);
    return v == null ? Optional.empty() : Optional.of(uint256(v, what + "." + name));
  }

  static List<AccessListEntry> accessList(JsonNode node, String what) throws RpcException {
    if (!node.isArray()) {
      throw invalid(what, "expected an array");
    }
    List<AccessListEntry> entries = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode entry = node.get(i);
      String at = what + "[" + i + "]";
      if (!entry.isObject()) {
        throw invalid(at, "expected {address, storageKeys}");
      }
      Address address = address(entry.get("address"), at + ".address");
      List<Hash> keys = new ArrayList<>();
      JsonNode keyList = field(entry, "storageKeys");
      if (keyList != null) {
        if (!keyList.isArray()) {
          throw invalid(at + ".storageKeys", "expected an array");
        }
        for (int k = 0; k < keyList.size(); k++) {
          keys.add(hash(keyList.get(k), at + ".storageKeys[" + k + "]"));
        }
      }
      entries.add(new AccessListEntry(address, keys));
    }
    return entries;
  }

  /** A state override set {@code {address: {balance, nonce, code, state, stateDiff}}}; absent or null is empty. */
  static Map<Address, AccountOverride> stateOverrides(JsonNode node, String what) throws RpcException {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw invalid(what, "expected a state override object");
    }
    Map<Address, AccountOverride> overrides = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      String at = what + "[" + e.getKey() + "]";
      Address address = address(TextNode.valueOf(e.getKey()), at);
      JsonNode account = e.getValue();
      if (!account.isObject()) {
        throw invalid(at, "expected an account override object");
      }
      JsonNode v;
      Optional<BigInteger> balance = optionalUint256(account, "balance", at);
      OptionalLong nonce = (v = field(account, "nonce")) == null ? OptionalLong.empty()
          : OptionalLong.of(uint64(v, at + ".nonce"));
      Optional<Bytes> code = (v = field(account, "code")) == null ? Optional.empty()
          : Optional.of(bytes(v, at + ".code"));
      Optional<Map<Bytes32, Bytes32>> state = slots(field(account, "state"), at + ".state");
      Optional<Map<Bytes32, Bytes32>> stateDiff = slots(field(account, "stateDiff"), at + ".stateDiff");
      if (state.isPresent() && stateDiff.isPresent()) {
        throw RpcException.invalidParams("account " + address + " has both 'state' and 'stateDiff'");
      }
      if (overrides.put(address, new AccountOverride(balance, nonce, code, state, stateDiff)) != null) {
        throw invalid(at, "address given twice");
      }
    }
    return overrides;
  }

  private static Optional<Map<Bytes32, Bytes32>> slots(JsonNode node, String what) throws RpcException {
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw invalid(what, "expected an object of slot: value");
    }
    Map<Bytes32, Bytes32> slots = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      Bytes32 key = Bytes32.wrap(hash(TextNode.valueOf(e.getKey()),
          what + " key").bytes());
      Bytes32 value = Bytes32.wrap(hash(e.getValue(), what + "[" + e.getKey() + "]").bytes());
      slots.put(key, value);
    }
    return Optional.of(slots);
  }
}
