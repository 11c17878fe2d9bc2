package dev.opsim.devnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void numbersBeyond53BitsBecomeDecimalStrings() {
    ObjectNode n = Json.object();
    Json.putUnsigned(n, "small", (1L << 53) - 1);
    Json.putUnsigned(n, "big", 1L << 53);
    Json.putUnsigned(n, "unsigned", -1L);
    Json.put(n, "wei", new BigInteger("1000000000000000000"));
    Json.put(n, "tiny", BigInteger.TEN);
    assertEquals(9007199254740991L, n.get("small").asLong());
    assertEquals("9007199254740992", n.get("big").textValue());
    assertEquals("18446744073709551615", n.get("unsigned").textValue());
    assertEquals("1000000000000000000", n.get("wei").textValue());
    assertEquals(10, n.get("tiny").intValue());
  }
}
