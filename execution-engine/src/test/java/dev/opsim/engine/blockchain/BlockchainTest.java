package dev.opsim.engine.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.store.ChainStore;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockchainTest {
  private static final long CHAIN_ID = 1337;
  private static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000a11ce");

  private static Blockchain open(ChainStore store) throws Exception {
    return Blockchain.open(store, TestChains.genesis(CHAIN_ID, false));
  }

  private static BuiltBlock buildTransfer(Blockchain chain, BlockHeader parent, long nonce, long value)
      throws BuildException {
    Bytes tx = TestChains.transfer(TestChains.DEV_KEY, CHAIN_ID, nonce, ALICE, BigInteger.valueOf(value), 21_000,
        Bytes.EMPTY);
    return new BlockBuilder(chain, Optional.empty())
        .build(TestChains.request(parent.hash(), parent.timestamp() + 12, List.of(tx)));
  }

  @Test
  void builtBlockImportsIntoASecondChainWithTheSameHashAndState() throws Exception {
    try (Blockchain a = open(ChainStore.inMemory()); Blockchain b = open(ChainStore.inMemory())) {
      assertEquals(a.genesis().hash(), b.genesis().hash());
      BuiltBlock built = buildTransfer(a, a.head(), 0, 1234);
      Block block = built.block();
      assertEquals(21_000, block.header().gasUsed());
      assertEquals(new ImportResult.Valid(block.hash()), b.importBlock(block));
      assertInstanceOf(ForkchoiceResult.Updated.class, b.forkchoice(block.hash(), Hash.ZERO, Hash.ZERO));
      assertEquals(block.hash(), b.head().hash());
      assertEquals(BigInteger.valueOf(1234), b.state(b.head()).account(ALICE).balance());
      assertEquals(1, b.state(b.head()).account(TestChains.DEV).nonce());
      Hash txHash = Keccak.hash(block.transactions().get(0));
      assertEquals(block.hash(), b.transactionLocation(txHash).orElseThrow().blockHash());
      assertEquals(1, b.receipts(block.hash()).orElseThrow().size());
      assertTrue(b.receipts(block.hash()).orElseThrow().get(0).success());
    }
  }

  @Test
  void aBlockWithAWrongStateRootIsInvalidWithItsParentAsLatestValid() throws Exception {
    try (Blockchain a = open(ChainStore.inMemory()); Blockchain b = open(ChainStore.inMemory())) {
      Block good = buildTransfer(a, a.head(), 0, 1).block();
      BlockHeader h = good.header();
      BlockHeader bad = new BlockHeader(h.parentHash(), h.ommersHash(), h.coinbase(), Keccak.hash(Bytes.of(1)),
          h.transactionsRoot(), h.receiptsRoot(), h.logsBloom(), h.difficulty(), h.number(), h.gasLimit(),
          h.gasUsed(), h.timestamp(), h.extraData(), h.mixHash(), h.nonce(), h.baseFeePerGas(), h.withdrawalsRoot(),
          h.blobGasUsed(), h.excessBlobGas(), h.parentBeaconBlockRoot(), h.requestsHash());
      ImportResult result = b.importBlock(new Block(bad, good.transactions(), good.withdrawals()));
      ImportResult.Invalid invalid = assertInstanceOf(ImportResult.Invalid.class, result);
      assertEquals(b.genesis().hash(), invalid.latestValidHash());
      assertTrue(invalid.error().contains("stateRoot"), invalid.error());
      assertEquals(b.genesis().hash(), b.head().hash());
    }
  }

  @Test
  void forkchoiceToAnAncestorAndToASiblingRewritesTheCanonicalChain() throws Exception {
    try (Blockchain chain = open(ChainStore.inMemory())) {
      BlockHeader genesis = chain.head();
      Block one = buildTransfer(chain, genesis, 0, 10).block();
      chain.forkchoice(one.hash(), Hash.ZERO, Hash.ZERO);
      Block two = buildTransfer(chain, one.header(), 1, 20).block();
      chain.forkchoice(two.hash(), one.hash(), genesis.hash());
      assertEquals(BigInteger.valueOf(30), chain.state(chain.head()).account(ALICE).balance());
      assertEquals(one.hash(), chain.safe().hash());

      // Back to an ancestor: block 2 leaves the canonical chain and its transaction lookup goes.
      chain.forkchoice(one.hash(), Hash.ZERO, Hash.ZERO);
      assertEquals(one.hash(), chain.head().hash());
      assertTrue(chain.canonicalHeader(2).isEmpty());
      assertTrue(chain.transactionLocation(Keccak.hash(two.transactions().get(0))).isEmpty());

      // A sibling of block 1 with a different transfer.
      Block sibling = buildTransfer(chain, genesis, 0, 99).block();
      assertNotEquals(one.hash(), sibling.hash());
      chain.forkchoice(sibling.hash(), Hash.ZERO, Hash.ZERO);
      assertEquals(sibling.hash(), chain.canonicalHeader(1).orElseThrow().hash());
      assertEquals(BigInteger.valueOf(99), chain.state(chain.head()).account(ALICE).balance());
      assertTrue(chain.transactionLocation(Keccak.hash(one.transactions().get(0))).isEmpty());

      // And forward to block 2 again.
      chain.forkchoice(two.hash(), Hash.ZERO, Hash.ZERO);
      assertEquals(one.hash(), chain.canonicalHeader(1).orElseThrow().hash());
      assertEquals(two.hash(), chain.transactionLocation(Keccak.hash(two.transactions().get(0))).orElseThrow()
          .blockHash());
    }
  }

  @Test
  void safeThatIsNotAnAncestorIsRejected() throws Exception {
    try (Blockchain chain = open(ChainStore.inMemory())) {
      BlockHeader genesis = chain.head();
      Block one = buildTransfer(chain, genesis, 0, 10).block();
      Block sibling = buildTransfer(chain, genesis, 0, 11).block();
      assertInstanceOf(ForkchoiceResult.InconsistentState.class,
          chain.forkchoice(one.hash(), sibling.hash(), Hash.ZERO));
      assertInstanceOf(ForkchoiceResult.UnknownHead.class,
          chain.forkchoice(Keccak.hash(Bytes.of(7)), Hash.ZERO, Hash.ZERO));
    }
  }

  @Test
  void reopeningTheRocksDbStoreResumesAtTheSameHeadAndState(@TempDir Path dir) throws Exception {
    Hash head;
    Hash root;
    try (Blockchain chain = open(ChainStore.openRocksDb(dir))) {
      Block one = buildTransfer(chain, chain.head(), 0, 5).block();
      chain.forkchoice(one.hash(), one.hash(), Hash.ZERO);
      head = one.hash();
      root = one.header().stateRoot();
    }
    try (Blockchain chain = open(ChainStore.openRocksDb(dir))) {
      assertEquals(head, chain.head().hash());
      assertEquals(head, chain.safe().hash());
      assertEquals(root, chain.head().stateRoot());
      assertEquals(BigInteger.valueOf(5), chain.state(chain.head()).account(ALICE).balance());
      Block two = buildTransfer(chain, chain.head(), 1, 6).block();
      assertEquals(head, two.header().parentHash());
    }
  }

  @Test
  void aDifferentGenesisOnTheSameStoreIsRefused(@TempDir Path dir) throws Exception {
    try (Blockchain chain = open(ChainStore.openRocksDb(dir))) {
      assertEquals(0, chain.head().number());
    }
    try (ChainStore store = ChainStore.openRocksDb(dir)) {
      GenesisMismatchException e = org.junit.jupiter.api.Assertions.assertThrows(GenesisMismatchException.class,
          () -> Blockchain.open(store, TestChains.genesis(CHAIN_ID + 1, false)));
      assertTrue(e.getMessage().contains("--datadir"), e.getMessage());
    }
  }
}
