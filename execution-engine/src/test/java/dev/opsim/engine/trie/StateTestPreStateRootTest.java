package dev.opsim.engine.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Fixtures;
import dev.opsim.protocol.Hash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real state roots from the Ethereum reference state tests (fixture ethereum-tests/GeneralStateTests). A post
 * entry with {@code expectException} is an invalid transaction, which is not applied: nothing changes (from
 * Spurious Dragon on, the zero-value touch of the coinbase that runners do leaves no trace), so its {@code hash}
 * is the root of the {@code pre} state. Building that state with our account and storage tries must give it.
 */
class StateTestPreStateRootTest {
  private static final String FORK = "Cancun";

  @TestFactory
  Stream<DynamicTest> invalidTransactionsLeaveThePreStateRoot() throws IOException {
    Path root = Fixtures.path("ethereum-tests/GeneralStateTests");
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        String text = Files.readString(file);
        if (!text.contains("expectException")) {
          continue;
        }
        JsonNode json = new ObjectMapper().readTree(text);
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> test = it.next();
          List<Hash> expected = new ArrayList<>();
          for (JsonNode post : test.getValue().path("post").path(FORK)) {
            if (post.has("expectException")) {
              expected.add(Hash.fromHex(post.get("hash").asText()));
            }
          }
          if (!expected.isEmpty()) {
            JsonNode pre = test.getValue().get("pre");
            String name = root.relativize(file) + " " + test.getKey();
            tests.add(DynamicTest.dynamicTest(name, () -> {
              Hash computed = stateRoot(pre);
              for (Hash hash : expected) {
                assertEquals(hash, computed);
              }
            }));
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    assertFalse(tests.isEmpty(), "the fixture has invalid-transaction cases");
    return tests.stream();
  }

  private static Hash stateRoot(JsonNode pre) {
    InMemoryNodeStore store = new InMemoryNodeStore();
    AccountTrie accounts = new AccountTrie(store);
    for (Iterator<Map.Entry<String, JsonNode>> it = pre.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode account = entry.getValue();
      StorageTrie storage = new StorageTrie(store);
      for (Iterator<Map.Entry<String, JsonNode>> slots = account.path("storage").fields(); slots.hasNext(); ) {
        Map.Entry<String, JsonNode> slot = slots.next();
        storage.put(word(slot.getKey()), word(slot.getValue().asText()));
      }
      Bytes code = Bytes.fromHexString(account.get("code").asText());
      accounts.put(Address.fromHex(entry.getKey()), new AccountState(
          uint64(quantity(account.get("nonce").asText())),
          quantity(account.get("balance").asText()),
          storage.rootHash(),
          AccountState.codeHashOf(code)));
    }
    return accounts.rootHash();
  }

  private static BigInteger quantity(String hex) {
    String digits = hex.startsWith("0x") ? hex.substring(2) : hex;
    return digits.isEmpty() ? BigInteger.ZERO : new BigInteger(digits, 16);
  }

  /** Nonces are uint64; CreateTransactionHighNonce uses 2^64 - 1, which a long holds as -1 (unsigned). */
  private static long uint64(BigInteger value) {
    if (value.signum() < 0 || value.bitLength() > 64) {
      throw new IllegalArgumentException("nonce out of uint64 range: " + value);
    }
    return value.longValue();
  }

  private static Bytes32 word(String hex) {
    return Bytes32.leftPad(Bytes.wrap(toUnsigned(quantity(hex))));
  }

  private static byte[] toUnsigned(BigInteger value) {
    byte[] twos = value.toByteArray();
    if (twos.length > 1 && twos[0] == 0) {
      return Arrays.copyOfRange(twos, 1, twos.length);
    }
    return value.signum() == 0 ? new byte[0] : twos;
  }
}
