package dev.opsim.protocol.deposit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.protocol.Fixtures;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Hex;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every network-upgrade deposit of fixtures/op/deposits/upgrade-txs, with index.json. */
class UpgradeTxsTest {
  private static final String DIR = "op/deposits/upgrade-txs/";

  static JsonNode index() {
    try {
      return new ObjectMapper().readTree(Fixtures.text(DIR + "index.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<JsonNode> files() {
    return DepositVectorsTest.stream(index().get("files"));
  }

  @Test
  void indexListsEveryHexFile() {
    File[] hexFiles = Fixtures.path(DIR).toFile().listFiles((d, name) -> name.endsWith(".hex"));
    Set<String> onDisk = Arrays.stream(hexFiles).map(File::getName).collect(Collectors.toCollection(TreeSet::new));
    Set<String> indexed = files().map(f -> f.get("file").textValue()).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(onDisk, indexed);
    assertEquals(13, indexed.size());
  }

  @ParameterizedTest
  @MethodSource("files")
  void upgradeDepositDecodesReencodesAndHasItsIntentsSourceHash(JsonNode entry) throws Exception {
    byte[] raw = Hex.decode(Fixtures.text(DIR + entry.get("file").textValue()));
    assertEquals(entry.get("encodedLength").intValue(), raw.length);
    DepositTx tx = DepositTx.decode(raw);
    DepositVectorsTest.assertDecoded(entry.get("decoded"), tx);
    assertArrayEquals(raw, tx.encode());
    assertEquals(SourceHash.upgrade(entry.get("intent").textValue()), tx.sourceHash());
    assertEquals(BigInteger.ZERO, tx.mint());
    assertFalse(tx.isSystemTx());
    assertEquals(Hash.fromHex(entry.get("txHash_computed").textValue()), tx.hash(), "collector's computed hash");
  }
}
