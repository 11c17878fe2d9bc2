package dev.opsim.devnet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.protocol.Hex;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;

/**
 * The JSON conventions of opsim's commands: numbers print as JSON numbers when they fit in 53 bits (what a
 * JavaScript reader keeps exactly), otherwise as decimal strings; bytes print as 0x-hex.
 */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final long MAX_SAFE = (1L << 53) - 1;

  private Json() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** Puts an unsigned 64-bit number. */
  public static ObjectNode putUnsigned(ObjectNode node, String field, long value) {
    if (value >= 0 && value <= MAX_SAFE) {
      node.put(field, value);
    } else {
      node.put(field, Long.toUnsignedString(value));
    }
    return node;
  }

  public static ObjectNode put(ObjectNode node, String field, BigInteger value) {
    if (value.signum() >= 0 && value.bitLength() <= 53) {
      node.put(field, value.longValueExact());
    } else {
      node.put(field, value.toString());
    }
    return node;
  }

  public static ObjectNode put(ObjectNode node, String field, byte[] value) {
    node.put(field, Hex.encode(value));
    return node;
  }

  public static ObjectNode put(ObjectNode node, String field, Bytes value) {
    node.put(field, value.toHexString());
    return node;
  }

  public static String write(Object node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise our own JSON tree", e);
    }
  }
}
