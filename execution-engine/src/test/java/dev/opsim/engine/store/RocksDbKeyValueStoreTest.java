package dev.opsim.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbKeyValueStoreTest extends KeyValueStoreContract {
  @TempDir
  Path dir;

  @Override
  protected KeyValueStore open() {
    return RocksDbKeyValueStore.open(dir.resolve("db"));
  }

  @Test
  void reopenKeepsEveryFamily() {
    WriteBatch batch = new WriteBatch();
    for (ColumnFamily family : ColumnFamily.values()) {
      batch.put(family, Bytes.of(1), Bytes.of(family.ordinal() + 100));
    }
    store.write(batch);
    store.close();
    store = open();
    for (ColumnFamily family : ColumnFamily.values()) {
      assertEquals(Optional.of(Bytes.of(family.ordinal() + 100)), store.get(family, Bytes.of(1)));
    }
  }

  @Test
  void syncedWritesAreReadable() {
    store.close();
    store = RocksDbKeyValueStore.open(dir.resolve("db"), RocksDbSettings.DEFAULT.withSyncWrites(true));
    store.write(new WriteBatch().put(ColumnFamily.CODE, Bytes.of(1), Bytes.of(2)));
    assertEquals(Optional.of(Bytes.of(2)), store.get(ColumnFamily.CODE, Bytes.of(1)));
  }

  @Test
  void secondOpenOfTheSameDirectoryIsRefusedClearly() {
    StoreLockedException e = assertThrows(StoreLockedException.class, this::open);
    assertTrue(e.getMessage().contains("in use"), e.getMessage());
    // The first opener is unaffected.
    store.write(new WriteBatch().put(ColumnFamily.CODE, Bytes.of(1), Bytes.of(2)));
    assertEquals(Optional.of(Bytes.of(2)), store.get(ColumnFamily.CODE, Bytes.of(1)));
  }

  @Test
  void directoryThatIsAFileIsAStoreException() throws IOException {
    Path file = Files.writeString(dir.resolve("plain-file"), "not a database");
    StoreException e = assertThrows(StoreException.class, () -> RocksDbKeyValueStore.open(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }
}
