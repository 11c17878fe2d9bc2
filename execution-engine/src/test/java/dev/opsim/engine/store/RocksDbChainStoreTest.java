package dev.opsim.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.opsim.engine.trie.AccountTrie;
import dev.opsim.engine.trie.SecureTrie;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbChainStoreTest extends ChainStoreContract {
  @TempDir
  Path dir;

  @Override
  protected KeyValueStore openKeyValueStore() {
    return RocksDbKeyValueStore.open(dir.resolve("chain"));
  }

  private void reopen() {
    store.close();
    openStore();
  }

  @Test
  void restartResumesAtTheSameHeadWithTheSameState() {
    List<TestChain.Block> blocks = commitBlocks(15);
    store.commit(new ChainWrite().chainId(901).genesisHash(blocks.get(0).hash()).safe(blocks.get(10).hash())
        .finalized(blocks.get(5).hash()));
    TestChain.Block head = blocks.getLast();
    List<Bytes> accountsBefore = new ArrayList<>();
    new SecureTrie(store.nodeStore(), head.stateRoot()).forEachHashed((key, value) -> accountsBefore.add(value));

    reopen();

    assertEquals(Optional.of(head.hash()), store.head());
    assertEquals(Optional.of(blocks.get(10).hash()), store.safe());
    assertEquals(Optional.of(blocks.get(5).hash()), store.finalized());
    assertEquals(Optional.of(901L), store.chainId());
    assertEquals(Optional.of(blocks.get(0).hash()), store.genesisHash());
    for (TestChain.Block block : blocks) {
      ChainWrite.BlockData data = block.write().blocks().get(block.hash());
      assertEquals(Optional.of(block.hash()), store.canonicalHash(block.number()));
      assertEquals(Optional.of(data.header()), store.header(block.hash()));
      assertEquals(Optional.of(data.body()), store.body(block.hash()));
      assertEquals(Optional.of(data.receipts()), store.receipts(block.hash()));
      assertEquals(Optional.of(new TxLocation(block.hash(), 2)), store.txLocation(block.txHashes().get(2)));
    }
    // The head's trie loads lazily from disk and holds exactly what it held before.
    List<Bytes> accountsAfter = new ArrayList<>();
    new SecureTrie(store.nodeStore(), head.stateRoot()).forEachHashed((key, value) -> accountsAfter.add(value));
    assertEquals(accountsBefore, accountsAfter);
    AccountTrie state = store.accountTrie(head.stateRoot());
    assertEquals(Optional.of(head.number()), state.get(TestChain.CONTRACT).map(a -> a.balance().longValue()));
    // Older states are all still there too (no pruning), and building on after the restart gives the same chain
    // as a store that never restarted.
    assertEquals(TestChain.slotValue(3), store.storageTrie(
        store.accountTrie(blocks.get(3).stateRoot()).get(TestChain.CONTRACT).orElseThrow().storageRoot())
        .get(TestChain.slot(3)));
    TestChain.Block next = CHAIN.commitNext(store);
    assertEquals(CHAIN.replay(15).getLast().hash(), next.hash());
  }

  @Test
  void aSecondChainStoreOnTheSameDirectoryIsRefused() {
    commitBlocks(1);
    assertThrows(StoreLockedException.class, () -> ChainStore.openRocksDb(dir.resolve("chain")));
  }

  @Test
  void anotherLayoutVersionIsRefused() {
    store.close();
    try (KeyValueStore raw = openKeyValueStore()) {
      raw.write(new WriteBatch().put(ColumnFamily.METADATA, Metadata.key(Metadata.SCHEMA_VERSION),
          Bytes.ofUnsignedInt(KeyValueChainStore.SCHEMA_VERSION + 1)));
    }
    assertThrows(StoreException.class, () -> ChainStore.openRocksDb(dir.resolve("chain")));
    // Refusing released the directory: it opens again.
    try (KeyValueStore raw = openKeyValueStore()) {
      raw.write(new WriteBatch().put(ColumnFamily.METADATA, Metadata.key(Metadata.SCHEMA_VERSION),
          Bytes.ofUnsignedInt(KeyValueChainStore.SCHEMA_VERSION)));
    }
    openStore();
  }
}
