package dev.opsim.engine.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;

/** JSON-RPC value encodings as geth's hexutil writes them: quantities without leading zeros, data as 0x-hex. */
final class Quantities {
  private Quantities() {}

  /** A uint64 quantity ({@code long} read as unsigned). */
  static TextNode quantity(long value) {
    return TextNode.valueOf("0x" + Long.toHexString(value));
  }

  static TextNode quantity(BigInteger value) {
    return TextNode.valueOf("0x" + value.toString(16));
  }

  static TextNode data(Bytes value) {
    return TextNode.valueOf(value.toHexString());
  }

  static TextNode hash(Hash value) {
    return TextNode.valueOf(value.bytes().toHexString());
  }

  /** Lower-case, as geth's common.Address.MarshalText. */
  static TextNode address(Address value) {
    return TextNode.valueOf(value.bytes().toHexString());
  }

  static JsonNode addressOrNull(Address value) {
    return value == null ? NullNode.getInstance() : address(value);
  }
}
