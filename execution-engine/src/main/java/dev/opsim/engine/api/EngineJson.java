package dev.opsim.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.engine.chain.ValidatorWithdrawal;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;

/**
 * The Engine API's JSON encodings (protocol-reference 6.1 "Encoding"): {@code DATA} is {@code 0x} + an even number of
 * hex digits (either case), {@code QUANTITY} is {@code 0x} + minimal hex ({@code 0x0} for zero, no leading zeros) as
 * geth's hexutil reads them. Readers throw {@link DecodeException} naming the field; a JSON {@code null} counts as
 * absent, as the spec says for V3 ("Any field having null value MUST be considered as not provided").
 */
final class EngineJson {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  // 64 hex digits = uint256; longer QUANTITY text cannot fit any Engine API field.
  private static final int MAX_QUANTITY_DIGITS = 64;

  private EngineJson() {}

  /** The object's member, or null when it is absent or JSON null. */
  static JsonNode member(JsonNode object, String name) {
    JsonNode value = object.get(name);
    return value == null || value.isNull() ? null : value;
  }

  static JsonNode required(JsonNode object, String name) throws DecodeException {
    JsonNode value = member(object, name);
    if (value == null) {
      throw new DecodeException("missing required field '" + name + "'");
    }
    return value;
  }

  static ObjectNode object(JsonNode node, String what) throws DecodeException {
    if (!(node instanceof ObjectNode object)) {
      throw new DecodeException(what + ": expected a JSON object, got " + kind(node));
    }
    return object;
  }

  static ArrayNode array(JsonNode node, String what) throws DecodeException {
    if (!(node instanceof ArrayNode array)) {
      throw new DecodeException(what + ": expected a JSON array, got " + kind(node));
    }
    return array;
  }

  static Bytes data(JsonNode node, String field) throws DecodeException {
    String digits = hexDigits(node, field);
    if ((digits.length() & 1) != 0) {
      throw new DecodeException(field + ": hex string of odd length " + digits.length());
    }
    return Bytes.wrap(Hex.decode(digits));
  }

  static Bytes fixedData(JsonNode node, String field, int size) throws DecodeException {
    Bytes bytes = data(node, field);
    if (bytes.size() != size) {
      throw new DecodeException(field + ": expected " + size + " bytes, got " + bytes.size());
    }
    return bytes;
  }

  static Hash hash(JsonNode node, String field) throws DecodeException {
    return Hash.wrap(fixedData(node, field, 32));
  }

  static Address address(JsonNode node, String field) throws DecodeException {
    return Address.wrap(fixedData(node, field, Address.SIZE));
  }

  /** A QUANTITY of at most 64 bits, returned as an unsigned long. */
  static long uint64(JsonNode node, String field) throws DecodeException {
    BigInteger value = quantity(node, field);
    if (value.bitLength() > 64) {
      throw new DecodeException(field + ": quantity exceeds 64 bits");
    }
    return value.longValue();
  }

  static BigInteger uint256(JsonNode node, String field) throws DecodeException {
    return quantity(node, field);
  }

  static boolean bool(JsonNode node, String field) throws DecodeException {
    if (!node.isBoolean()) {
      throw new DecodeException(field + ": expected a boolean, got " + kind(node));
    }
    return node.booleanValue();
  }

  static List<Bytes> dataList(JsonNode node, String field) throws DecodeException {
    ArrayNode array = array(node, field);
    List<Bytes> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(data(array.get(i), field + "[" + i + "]"));
    }
    return out;
  }

  static List<Hash> hashList(JsonNode node, String field) throws DecodeException {
    ArrayNode array = array(node, field);
    List<Hash> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(hash(array.get(i), field + "[" + i + "]"));
    }
    return out;
  }

  /** An array of {@code WithdrawalV1} objects (shanghai.md): {@code index, validatorIndex, address, amount}. */
  static List<ValidatorWithdrawal> withdrawals(JsonNode node, String field) throws DecodeException {
    ArrayNode array = array(node, field);
    List<ValidatorWithdrawal> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String where = field + "[" + i + "]";
      JsonNode w = object(array.get(i), where);
      out.add(new ValidatorWithdrawal(
          uint64(required(w, "index"), where + ".index"),
          uint64(required(w, "validatorIndex"), where + ".validatorIndex"),
          address(required(w, "address"), where + ".address"),
          uint64(required(w, "amount"), where + ".amount")));
    }
    return out;
  }

  static Optional<List<ValidatorWithdrawal>> optionalWithdrawals(JsonNode object, String name)
      throws DecodeException {
    JsonNode value = member(object, name);
    return value == null ? Optional.empty() : Optional.of(withdrawals(value, name));
  }

  static OptionalLong optionalUint64(JsonNode object, String name) throws DecodeException {
    JsonNode value = member(object, name);
    return value == null ? OptionalLong.empty() : OptionalLong.of(uint64(value, name));
  }

  static Optional<Hash> optionalHash(JsonNode object, String name) throws DecodeException {
    JsonNode value = member(object, name);
    return value == null ? Optional.empty() : Optional.of(hash(value, name));
  }

  // --- writing ---

  static String quantity(long unsigned) {
    return "0x" + Long.toHexString(unsigned);
  }

  static String quantity(BigInteger value) {
    return "0x" + value.toString(16);
  }

  static String hex(Bytes bytes) {
    return Hex.encode(bytes.toArrayUnsafe());
  }

  static ArrayNode hexArray(List<Bytes> values) {
    ArrayNode array = NODES.arrayNode();
    values.forEach(v -> array.add(hex(v)));
    return array;
  }

  static ArrayNode withdrawalsJson(List<ValidatorWithdrawal> withdrawals) {
    ArrayNode array = NODES.arrayNode();
    for (ValidatorWithdrawal w : withdrawals) {
      ObjectNode o = array.addObject();
      o.put("index", quantity(w.index()));
      o.put("validatorIndex", quantity(w.validatorIndex()));
      o.put("address", w.address().toString());
      o.put("amount", quantity(w.amountGwei()));
    }
    return array;
  }

  // --- internals ---

  private static BigInteger quantity(JsonNode node, String field) throws DecodeException {
    String digits = hexDigits(node, field);
    if (digits.isEmpty()) {
      throw new DecodeException(field + ": empty quantity \"0x\"");
    }
    if (digits.length() > 1 && digits.charAt(0) == '0') {
      throw new DecodeException(field + ": quantity with leading zero digits");
    }
    if (digits.length() > MAX_QUANTITY_DIGITS) {
      throw new DecodeException(field + ": quantity exceeds 256 bits");
    }
    return new BigInteger(digits, 16);
  }

  /** The hex digits after the mandatory 0x prefix, all checked to be hex digits. */
  private static String hexDigits(JsonNode node, String field) throws DecodeException {
    if (node == null || !node.isTextual()) {
      throw new DecodeException(field + ": expected a 0x-prefixed hex string, got " + kind(node));
    }
    String text = node.textValue();
    if (!(text.startsWith("0x") || text.startsWith("0X"))) {
      throw new DecodeException(field + ": hex string without 0x prefix");
    }
    for (int i = 2; i < text.length(); i++) {
      if (!isAsciiHexDigit(text.charAt(i))) {
        throw new DecodeException(field + ": invalid hex digit at position " + i);
      }
    }
    return text.substring(2);
  }

  // Character.digit would also take non-ASCII digits, which HexFormat and the spec do not.
  private static boolean isAsciiHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static String kind(JsonNode node) {
    return node == null ? "nothing" : node.getNodeType().name().toLowerCase();
  }
}
