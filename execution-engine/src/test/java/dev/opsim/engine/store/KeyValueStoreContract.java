package dev.opsim.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link KeyValueStore} must do; run against each implementation by a subclass. */
abstract class KeyValueStoreContract {
  protected KeyValueStore store;

  protected abstract KeyValueStore open();

  @BeforeEach
  void openStore() {
    store = open();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private static Bytes b(String hex) {
    return Bytes.fromHexString(hex);
  }

  @Test
  void putGetDeleteRoundTrip() {
    store.write(new WriteBatch().put(ColumnFamily.HEADERS, b("0x01"), b("0xaabb")));
    assertEquals(Optional.of(b("0xaabb")), store.get(ColumnFamily.HEADERS, b("0x01")));
    store.write(new WriteBatch().delete(ColumnFamily.HEADERS, b("0x01")));
    assertEquals(Optional.empty(), store.get(ColumnFamily.HEADERS, b("0x01")));
  }

  @Test
  void emptyValueIsStoredAndDistinctFromAbsent() {
    store.write(new WriteBatch().put(ColumnFamily.METADATA, b("0x02"), Bytes.EMPTY));
    assertEquals(Optional.of(Bytes.EMPTY), store.get(ColumnFamily.METADATA, b("0x02")));
  }

  @Test
  void familiesAreSeparateKeySpaces() {
    WriteBatch batch = new WriteBatch();
    for (ColumnFamily family : ColumnFamily.values()) {
      batch.put(family, b("0x07"), Bytes.of(family.ordinal()));
    }
    store.write(batch);
    for (ColumnFamily family : ColumnFamily.values()) {
      assertEquals(Optional.of(Bytes.of(family.ordinal())), store.get(family, b("0x07")), family.name());
    }
    store.write(new WriteBatch().delete(ColumnFamily.CODE, b("0x07")));
    assertEquals(Optional.empty(), store.get(ColumnFamily.CODE, b("0x07")));
    assertEquals(Optional.of(Bytes.of(ColumnFamily.BODIES.ordinal())), store.get(ColumnFamily.BODIES, b("0x07")));
  }

  @Test
  void laterOperationInABatchWins() {
    store.write(new WriteBatch()
        .put(ColumnFamily.CODE, b("0x01"), b("0x01"))
        .put(ColumnFamily.CODE, b("0x01"), b("0x02"))
        .put(ColumnFamily.CODE, b("0x03"), b("0x03"))
        .delete(ColumnFamily.CODE, b("0x03")));
    assertEquals(Optional.of(b("0x02")), store.get(ColumnFamily.CODE, b("0x01")));
    assertEquals(Optional.empty(), store.get(ColumnFamily.CODE, b("0x03")));
  }

  @Test
  void batchIsCopiedWhenBuilt() {
    byte[] value = {1, 2, 3};
    WriteBatch batch = new WriteBatch().put(ColumnFamily.CODE, b("0x01"), Bytes.wrap(value));
    value[0] = 9;
    store.write(batch);
    assertEquals(Optional.of(b("0x010203")), store.get(ColumnFamily.CODE, b("0x01")));
  }

  @Test
  void abandonedBatchLeavesNothing() {
    WriteBatch batch = new WriteBatch();
    assertThrows(IllegalStateException.class, () -> {
      batch.put(ColumnFamily.HEADERS, b("0x01"), b("0x01"));
      batch.put(ColumnFamily.BODIES, b("0x01"), b("0x01"));
      throw new IllegalStateException("failure while gathering the block");
    });
    for (ColumnFamily family : ColumnFamily.values()) {
      assertEquals(Optional.empty(), store.get(family, b("0x01")));
    }
  }

  @Test
  void scanVisitsRangeInUnsignedKeyOrder() {
    WriteBatch batch = new WriteBatch();
    for (String key : List.of("0xff", "0x00", "0x80", "0x7f", "0x0001", "0x01", "0x8000")) {
      batch.put(ColumnFamily.CANONICAL, b(key), b(key));
    }
    batch.put(ColumnFamily.HEADERS, b("0x50"), b("0x50"));
    store.write(batch);
    assertEquals(List.of("0x00", "0x0001", "0x01", "0x7f", "0x80", "0x8000", "0xff"), keys(null, null));
    assertEquals(List.of("0x01", "0x7f"), keys(b("0x01"), b("0x80")));
    assertEquals(List.of("0x80", "0x8000", "0xff"), keys(b("0x80"), null));
    List<Bytes> firstTwo = new ArrayList<>();
    store.scan(ColumnFamily.CANONICAL, null, null, (key, value) -> {
      firstTwo.add(key);
      return firstTwo.size() < 2;
    });
    assertEquals(List.of(b("0x00"), b("0x0001")), firstTwo);
  }

  private List<String> keys(Bytes from, Bytes to) {
    List<String> keys = new ArrayList<>();
    store.scan(ColumnFamily.CANONICAL, from, to, (key, value) -> {
      assertEquals(key, value);
      return keys.add(key.toHexString());
    });
    return keys;
  }

  @Test
  void useAfterCloseFailsWithStoreException() {
    store.close();
    assertThrows(StoreException.class, () -> store.get(ColumnFamily.CODE, b("0x01")));
    assertThrows(StoreException.class,
        () -> store.write(new WriteBatch().put(ColumnFamily.CODE, b("0x01"), b("0x01"))));
    assertThrows(StoreException.class, () -> store.scan(ColumnFamily.CODE, null, null, (k, v) -> true));
    store.close();
  }

  @Test
  void readersNeverSeeHalfABatch() throws InterruptedException {
    Bytes a = b("0x0a");
    Bytes z = b("0x0b");
    store.write(new WriteBatch().put(ColumnFamily.BODIES, a, Bytes.ofUnsignedInt(0))
        .put(ColumnFamily.RECEIPTS, z, Bytes.ofUnsignedInt(0)));
    List<String> problems = new ArrayList<>();
    Thread writer = new Thread(() -> {
      for (int i = 1; i <= 2000; i++) {
        // RECEIPTS first: a store applying operations one by one would show it before BODIES.
        store.write(new WriteBatch().put(ColumnFamily.RECEIPTS, z, Bytes.ofUnsignedInt(i))
            .put(ColumnFamily.BODIES, a, Bytes.ofUnsignedInt(i)));
      }
    });
    writer.start();
    while (writer.isAlive()) {
      // Read the second family first: a later batch may land between the reads, never an earlier one missing.
      int second = store.get(ColumnFamily.RECEIPTS, z).orElseThrow().getInt(0);
      int first = store.get(ColumnFamily.BODIES, a).orElseThrow().getInt(0);
      if (first < second) {
        problems.add(first + " < " + second);
      }
    }
    writer.join();
    assertTrue(problems.isEmpty(), problems.toString());
  }
}
