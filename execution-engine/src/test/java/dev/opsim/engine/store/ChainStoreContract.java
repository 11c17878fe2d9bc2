package dev.opsim.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.engine.trie.AccountState;
import dev.opsim.engine.trie.AccountTrie;
import dev.opsim.engine.trie.MerklePatriciaTrie;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ChainStore} must do; run against each key-value store by a subclass. */
abstract class ChainStoreContract {
  protected static final TestChain CHAIN = new TestChain(20, 500);
  /** Another chain over the same accounts: its blocks differ, so it makes a fork. */
  protected static final TestChain FORK = new TestChain(21, 500);

  protected FlakyKeyValueStore keyValues;
  protected ChainStore store;

  protected abstract KeyValueStore openKeyValueStore();

  @BeforeEach
  void openStore() {
    keyValues = new FlakyKeyValueStore(openKeyValueStore());
    store = new KeyValueChainStore(keyValues);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  protected List<TestChain.Block> commitBlocks(int count) {
    List<TestChain.Block> blocks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      blocks.add(CHAIN.commitNext(store));
    }
    return blocks;
  }

  @Test
  void newStoreIsEmpty() {
    assertEquals(Optional.empty(), store.head());
    assertEquals(Optional.empty(), store.safe());
    assertEquals(Optional.empty(), store.finalized());
    assertEquals(Optional.empty(), store.chainId());
    assertEquals(Optional.empty(), store.genesisHash());
    assertEquals(Optional.empty(), store.canonicalHash(0));
    assertEquals(Optional.empty(), store.header(Hash.ZERO));
  }

  @Test
  void committedBlockReadsBack() {
    TestChain.Block genesis = CHAIN.commitNext(store);
    ChainWrite.BlockData data = genesis.write().blocks().get(genesis.hash());
    assertEquals(Optional.of(data.header()), store.header(genesis.hash()));
    assertEquals(Optional.of(data.body()), store.body(genesis.hash()));
    assertEquals(Optional.of(data.receipts()), store.receipts(genesis.hash()));
    assertEquals(Optional.of(genesis.hash()), store.canonicalHash(0));
    assertEquals(Optional.of(genesis.hash()), store.head());
    for (int i = 0; i < genesis.txHashes().size(); i++) {
      assertEquals(Optional.of(new TxLocation(genesis.hash(), i)), store.txLocation(genesis.txHashes().get(i)));
    }
    Bytes code = TestChain.codeOf(0);
    assertEquals(Optional.of(code), store.code(Keccak.hash(code)));
    AccountTrie state = store.accountTrie(genesis.stateRoot());
    AccountState contract = state.get(TestChain.CONTRACT).orElseThrow();
    assertEquals(AccountState.codeHashOf(code), contract.codeHash());
    assertEquals(TestChain.slotValue(0), store.storageTrie(contract.storageRoot()).get(TestChain.slot(0)));
  }

  @Test
  void metadataAndPointersReadBack() {
    List<TestChain.Block> blocks = commitBlocks(3);
    store.commit(new ChainWrite()
        .chainId(0xFFFF_FFFF_FFFF_FFFEL)
        .genesisHash(blocks.get(0).hash())
        .safe(blocks.get(1).hash())
        .finalized(blocks.get(0).hash())
        .metadata("sync-target", Bytes.fromHexString("0x0102")));
    assertEquals(Optional.of(0xFFFF_FFFF_FFFF_FFFEL), store.chainId());
    assertEquals(Optional.of(blocks.get(0).hash()), store.genesisHash());
    assertEquals(Optional.of(blocks.get(2).hash()), store.head());
    assertEquals(Optional.of(blocks.get(1).hash()), store.safe());
    assertEquals(Optional.of(blocks.get(0).hash()), store.finalized());
    assertEquals(Optional.of(Bytes.fromHexString("0x0102")), store.metadata("sync-target"));
    assertEquals(Optional.empty(), store.metadata("absent"));
    assertThrows(IllegalArgumentException.class, () -> new ChainWrite().metadata("head", Bytes.EMPTY));
  }

  @Test
  void trieNodesAreReadableWhileStagedAndWrittenWithTheBlock() {
    TestChain.Block block = CHAIN.build(store, 0, Hash.ZERO, MerklePatriciaTrie.EMPTY_ROOT);
    KeyValueNodeStore nodes = (KeyValueNodeStore) store.nodeStore();
    assertTrue(nodes.stagedCount() > 0);
    assertTrue(store.accountTrie(block.stateRoot()).get(TestChain.CONTRACT).isPresent());
    assertEquals(Optional.empty(), keyValues.get(ColumnFamily.TRIE_NODES, block.stateRoot().bytes()));
    store.commit(block.write());
    assertEquals(0, nodes.stagedCount());
    assertTrue(keyValues.get(ColumnFamily.TRIE_NODES, block.stateRoot().bytes()).isPresent());
  }

  @Test
  void pointerToAnUnknownBlockWritesNothing() {
    TestChain.Block genesis = CHAIN.build(store, 0, Hash.ZERO, MerklePatriciaTrie.EMPTY_ROOT);
    Hash unknown = Keccak.hash(Bytes.of(1, 2, 3));
    // The block's header, body and code are gathered before the bad pointer is seen.
    assertThrows(IllegalArgumentException.class, () -> store.commit(genesis.write().finalized(unknown)));
    assertEquals(Optional.empty(), store.header(genesis.hash()));
    assertEquals(Optional.empty(), store.head());
    assertEquals(Optional.empty(), store.code(Keccak.hash(TestChain.codeOf(0))));
    assertEquals(Optional.empty(), keyValues.get(ColumnFamily.TRIE_NODES, genesis.stateRoot().bytes()));
  }

  @Test
  void canonicalEntryForAnUnknownBlockWritesNothing() {
    List<TestChain.Block> blocks = commitBlocks(2);
    Hash unknown = Keccak.hash(Bytes.of(4));
    assertThrows(IllegalArgumentException.class, () -> store.setCanonical(List.of(
        new CanonicalEntry(1, blocks.get(1).hash()), new CanonicalEntry(2, unknown))));
    assertEquals(Optional.of(blocks.get(1).hash()), store.canonicalHash(1));
    assertEquals(Optional.empty(), store.canonicalHash(2));
  }

  @Test
  void failedWriteLeavesNothingAndKeepsTheStagedNodes() {
    TestChain.Block genesis = CHAIN.commitNext(store);
    TestChain.Block block = CHAIN.build(store, 1, genesis.hash(), genesis.stateRoot());
    keyValues.failNextWrite();
    assertThrows(StoreException.class, () -> store.commit(block.write()));
    assertEquals(Optional.of(genesis.hash()), store.head());
    assertEquals(Optional.empty(), store.header(block.hash()));
    assertEquals(Optional.empty(), store.canonicalHash(1));
    assertEquals(Optional.empty(), store.txLocation(block.txHashes().get(0)));
    // The trie committed before the failure stays readable, and the retry makes it durable.
    assertTrue(store.accountTrie(block.stateRoot()).get(TestChain.CONTRACT).isPresent());
    store.commit(block.write());
    assertEquals(Optional.of(block.hash()), store.head());
    assertTrue(keyValues.get(ColumnFamily.TRIE_NODES, block.stateRoot().bytes()).isPresent());
  }

  @Test
  void reorgRewritesTheCanonicalIndex() {
    List<TestChain.Block> main = commitBlocks(6);
    TestChain.Block fork3 = FORK.build(store, 3, main.get(2).hash(), main.get(2).stateRoot());
    TestChain.Block fork4 = FORK.build(store, 4, fork3.hash(), fork3.stateRoot());
    ChainWrite.BlockData fork3Data = fork3.write().blocks().get(fork3.hash());
    // Both fork blocks, the canonical rewrite, the head and the tx lookup removals in one batch.
    ChainWrite reorg = fork4.write()
        .block(fork3.hash(), fork3Data.header(), fork3Data.body(), fork3Data.receipts())
        .canonical(List.of(new CanonicalEntry(3, fork3.hash()), new CanonicalEntry(4, fork4.hash())));
    for (Hash tx : main.get(5).txHashes()) {
      reorg.removeTxLookup(tx);
    }
    store.commit(reorg);
    for (int n = 0; n <= 2; n++) {
      assertEquals(Optional.of(main.get(n).hash()), store.canonicalHash(n));
    }
    assertEquals(Optional.of(fork3.hash()), store.canonicalHash(3));
    assertEquals(Optional.of(fork4.hash()), store.canonicalHash(4));
    assertEquals(Optional.empty(), store.canonicalHash(5));
    assertEquals(Optional.of(fork4.hash()), store.head());
    assertEquals(Optional.empty(), store.txLocation(main.get(5).txHashes().get(0)));
    // The old branch stays stored, only off the canonical index.
    assertTrue(store.header(main.get(5).hash()).isPresent());

    // Back to an ancestor: everything above it leaves the index.
    store.commit(new ChainWrite().canonical(List.of(new CanonicalEntry(1, main.get(1).hash())))
        .head(main.get(1).hash()));
    assertEquals(Optional.of(main.get(1).hash()), store.canonicalHash(1));
    for (int n = 2; n <= 6; n++) {
      assertEquals(Optional.empty(), store.canonicalHash(n));
    }
    assertEquals(Optional.of(main.get(1).hash()), store.head());
  }

  @Test
  void canonicalEntriesMustBeConsecutive() {
    assertThrows(IllegalArgumentException.class, () -> new ChainWrite().canonical(List.of()));
    assertThrows(IllegalArgumentException.class, () -> new ChainWrite().canonical(List.of(
        new CanonicalEntry(1, Hash.ZERO), new CanonicalEntry(3, Hash.ZERO))));
    assertThrows(IllegalArgumentException.class, () -> new ChainWrite().canonical(List.of(
        new CanonicalEntry(-1L, Hash.ZERO), new CanonicalEntry(0, Hash.ZERO))));
  }

  @Test
  void canonicalIndexOrdersNumbersAsUnsigned() {
    List<TestChain.Block> blocks = commitBlocks(2);
    // A tip at 2^63 (negative as a signed long) still removes everything above it and nothing below.
    store.setCanonical(List.of(new CanonicalEntry(Long.MIN_VALUE + 5, blocks.get(1).hash())));
    store.setCanonical(List.of(new CanonicalEntry(Long.MIN_VALUE, blocks.get(0).hash())));
    assertEquals(Optional.empty(), store.canonicalHash(Long.MIN_VALUE + 5));
    assertEquals(Optional.of(blocks.get(0).hash()), store.canonicalHash(Long.MIN_VALUE));
    assertEquals(Optional.of(blocks.get(1).hash()), store.canonicalHash(1));
    store.setCanonical(List.of(new CanonicalEntry(-1L, blocks.get(1).hash())));
    assertEquals(Optional.of(blocks.get(1).hash()), store.canonicalHash(-1L));
  }
}
