package dev.opsim.devnet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Hex;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
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

  /**
   * A record's components as a JSON object by the conventions above: {@code long} is read as uint64, hashes,
   * addresses and byte strings as hex, {@code Optional} as its value or null, nested records as objects.
   */
  public static ObjectNode ofRecord(Record record) {
    ObjectNode out = object();
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      try {
        out.set(c.getName(), value(c.getAccessor().invoke(record)));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass(), e);
      }
    }
    return out;
  }

  private static JsonNode value(Object v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (v) {
      case null -> f.nullNode();
      case Long l -> (l >= 0 && l <= MAX_SAFE) ? f.numberNode(l) : f.textNode(Long.toUnsignedString(l));
      case Integer i -> f.numberNode(i);
      case Boolean b -> f.booleanNode(b);
      case BigInteger b -> (b.signum() >= 0 && b.bitLength() <= 53) ? f.numberNode(b.longValueExact())
          : f.textNode(b.toString());
      case Hash h -> f.textNode(h.toString());
      case Address a -> f.textNode(a.toString());
      case Bytes b -> f.textNode(b.toHexString());
      case byte[] b -> f.textNode(Hex.encode(b));
      case Optional<?> o -> value(o.orElse(null));
      case Enum<?> e -> f.textNode(e.name().toLowerCase(Locale.ROOT));
      case Record r -> ofRecord(r);
      case Iterable<?> it -> {
        ArrayNode a = array();
        it.forEach(x -> a.add(value(x)));
        yield a;
      }
      default -> f.textNode(v.toString());
    };
  }

  public static String write(Object node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise our own JSON tree", e);
    }
  }
}
