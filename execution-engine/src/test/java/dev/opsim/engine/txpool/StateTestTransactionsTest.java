package dev.opsim.engine.txpool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.evm.crypto.Secp256k1;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Fixtures;
import dev.opsim.protocol.Hex;
import dev.opsim.protocol.tx.Transaction;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks against the Ethereum state tests (fixtures/ethereum-tests, Cancun posts): every decodable
 * {@code txbytes} (the first few hundred of each type) recovers the test's stated sender under chain id 1, and
 * the stated outcome agrees with our intrinsic gas, initcode limit and tip-vs-fee-cap rules.
 */
class StateTestTransactionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RECOVERIES_PER_TYPE = 300;

  private record Case(String name, Address sender, Transaction tx, String exception) {}

  private static List<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Path root = Fixtures.path("ethereum-tests/GeneralStateTests");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      JsonNode tests = JSON.readTree(file.toFile());
      for (var test : tests.properties()) {
        JsonNode transaction = test.getValue().get("transaction");
        Address sender = transaction.hasNonNull("sender")
            ? Address.fromHex(transaction.get("sender").asText())
            : Secp256k1.addressOf(Hex.decode(transaction.get("secretKey").asText()));
        JsonNode posts = test.getValue().path("post").path("Cancun");
        for (JsonNode post : posts) {
          String txbytes = post.path("txbytes").asText("");
          if (txbytes.isEmpty() || !seen.add(txbytes)) {
            continue;
          }
          Transaction tx;
          try {
            tx = Transaction.decode(Hex.decode(txbytes));
          } catch (DecodeException e) {
            continue; // RLP-invalid cases belong to the codec's tests
          }
          cases.add(new Case(file.getFileName() + ":" + test.getKey(), sender, tx,
              post.path("expectException").asText("")));
        }
      }
    }
    return cases;
  }

  @Test
  void statedSenderAndOutcomeAgreeWithOurRules() throws IOException {
    List<Case> cases = cases();
    assertTrue(cases.size() > 1000, "expected the Cancun subset, found " + cases.size() + " transactions");
    int intrinsicTooLow = 0;
    Map<Integer, Integer> recoveredPerType = new HashMap<>();
    for (Case c : cases) {
      // Recovery costs ~1 ms; a few hundred per type cover the signing payloads without slowing the suite.
      if (recoveredPerType.merge(c.tx().type(), 1, Integer::sum) <= RECOVERIES_PER_TYPE) {
        TransactionSigning.Recovery recovery = TransactionSigning.recoverSender(c.tx(), BigInteger.ONE, true);
        assertEquals(new TransactionSigning.Recovery.Sender(c.sender()), recovery, c.name());
      }
      long intrinsic = IntrinsicGas.of(c.tx(), true);
      switch (c.exception()) {
        case "" -> assertTrue(c.tx().gas() >= intrinsic, c.name() + ": valid tx below intrinsic " + intrinsic);
        case "TransactionException.INTRINSIC_GAS_TOO_LOW" -> {
          intrinsicTooLow++;
          assertTrue(c.tx().gas() < intrinsic, c.name() + ": gas " + c.tx().gas() + " >= intrinsic " + intrinsic);
        }
        case "TransactionException.INITCODE_SIZE_EXCEEDED" ->
            assertTrue(c.tx().to() == null && c.tx().data().size() > IntrinsicGas.MAX_INITCODE_SIZE, c.name());
        case "TransactionException.PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS" ->
            assertTrue(PooledTransaction.tipCap(c.tx()).compareTo(PooledTransaction.feeCap(c.tx())) > 0, c.name());
        default -> { }
      }
    }
    assertTrue(intrinsicTooLow > 100, "intrinsic-gas cases: " + intrinsicTooLow);
    assertTrue(recoveredPerType.keySet().containsAll(Set.of(0, 1, 2, 3)), "types seen: " + recoveredPerType);
  }
}
