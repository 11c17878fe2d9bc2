package dev.opsim.devnet.genesis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.engine.genesis.GenesisAccount;
import dev.opsim.protocol.Address;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;

/**
 * Writes a geth-layout {@code genesis.json}: the header fields of block 0 and the allocation, with alloc entries
 * sorted by address and storage by slot, numbers as 0x-hex, 2-space indentation and a trailing newline, so the same
 * inputs give the same bytes.
 */
public final class GenesisFile {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String ZERO_32 = "0x" + "00".repeat(32);

  private GenesisFile() {}

  /**
   * The genesis document. {@code config} is the chain config object (written as given); the header has no
   * difficulty, coinbase or parent, a zero mix hash and nonce, and Cancun's zero blob fields.
   */
  public static String write(ObjectNode config, long timestamp, Bytes extraData, long gasLimit, BigInteger baseFee,
      Map<Address, GenesisAccount> alloc) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set("config", config);
    root.put("nonce", "0x0");
    root.put("timestamp", hex(timestamp));
    root.put("extraData", extraData.toHexString());
    root.put("gasLimit", hex(gasLimit));
    root.put("difficulty", "0x0");
    root.put("mixHash", ZERO_32);
    root.put("coinbase", Address.ZERO.toString());
    root.put("number", "0x0");
    root.put("gasUsed", "0x0");
    root.put("parentHash", ZERO_32);
    root.put("baseFeePerGas", "0x" + baseFee.toString(16));
    root.put("excessBlobGas", "0x0");
    root.put("blobGasUsed", "0x0");
    ObjectNode allocNode = root.putObject("alloc");
    alloc.entrySet().stream().sorted(Comparator.comparing(e -> e.getKey().toString())).forEach(e -> {
      GenesisAccount a = e.getValue();
      ObjectNode account = allocNode.putObject(e.getKey().toString());
      if (!a.code().isEmpty()) {
        account.put("code", a.code().toHexString());
      }
      if (!a.storage().isEmpty()) {
        ObjectNode storage = account.putObject("storage");
        a.storage().entrySet().stream().sorted(Map.Entry.comparingByKey())
            .forEach(s -> storage.put(s.getKey().toHexString(), s.getValue().toHexString()));
      }
      account.put("balance", "0x" + a.balance().toString(16));
      if (a.nonce() != 0) {
        account.put("nonce", hex(a.nonce()));
      }
    });
    return json(root);
  }

  static String json(Object tree) {
    try {
      return JSON.writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a JSON tree we built", e);
    }
  }

  static String hex(long value) {
    return "0x" + Long.toHexString(value);
  }
}
