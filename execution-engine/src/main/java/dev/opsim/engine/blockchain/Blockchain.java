package dev.opsim.engine.blockchain;

import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.chain.BlockRoots;
import dev.opsim.engine.chain.HeaderValidationException;
import dev.opsim.engine.chain.HeaderValidator;
import dev.opsim.engine.chain.Receipt;
import dev.opsim.engine.genesis.ChainConfig;
import dev.opsim.engine.genesis.GenesisBuilder;
import dev.opsim.engine.genesis.GenesisSpec;
import dev.opsim.engine.genesis.GenesisState;
import dev.opsim.engine.state.TrieState;
import dev.opsim.engine.store.CanonicalEntry;
import dev.opsim.engine.store.ChainStore;
import dev.opsim.engine.store.ChainWrite;
import dev.opsim.engine.store.StoreException;
import dev.opsim.engine.store.TxLocation;
import dev.opsim.engine.trie.InMemoryNodeStore;
import dev.opsim.evm.CodeCache;
import dev.opsim.evm.Tracer;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.apache.tuweni.bytes.Bytes;

/**
 * The chain: blocks and state in a {@link ChainStore}, block import with full execution, fork choice (head, safe,
 * finalized) and reads for the RPC layers. Writes (import, fork choice, building) are serialized; reads run
 * concurrently and see each commit whole.
 */
public final class Blockchain implements AutoCloseable {
  private static final int INVALID_CACHE_SIZE = 256;

  private final ChainStore store;
  private final ExecutionRules rules;
  private final HeaderValidator validator;
  private final BlockHeader genesis;
  private final Object writeLock = new Object();
  // Guarded by writeLock: the EVM's code cache is not thread-safe.
  private final CodeCache codeCache = new CodeCache(1024);
  private final Map<Hash, ImportResult.Invalid> invalidBlocks = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, ImportResult.Invalid> eldest) {
          return size() > INVALID_CACHE_SIZE;
        }
      });
  private final List<Consumer<BlockHeader>> headListeners = new CopyOnWriteArrayList<>();
  private volatile BlockHeader head;
  private volatile BlockHeader safe;
  private volatile BlockHeader finalized;

  private Blockchain(ChainStore store, ExecutionRules rules, BlockHeader genesis) {
    this.store = store;
    this.rules = rules;
    this.validator = new HeaderValidator(rules.config());
    this.genesis = genesis;
    this.head = pointer(store.head());
    this.safe = pointer(store.safe());
    this.finalized = pointer(store.finalized());
  }

  /**
   * Opens the chain in {@code store}, writing the genesis block when the store is empty.
   *
   * @throws GenesisMismatchException when the store holds a chain with another genesis block
   */
  public static Blockchain open(ChainStore store, GenesisSpec spec) throws GenesisMismatchException {
    ExecutionRules rules = new ExecutionRules(spec.config());
    Optional<Hash> stored = store.genesisHash();
    if (stored.isPresent()) {
      long chainId = spec.config().chainId().longValueExact();
      Optional<Long> storedChainId = store.chainId();
      if (storedChainId.isPresent() && storedChainId.get() != chainId) {
        throw new GenesisMismatchException("the data directory holds chain id " + storedChainId.get()
            + ", but the genesis file gives " + chainId + "; use another --datadir or the original genesis file");
      }
      // Build the genesis on a scratch node store: the real one is already populated.
      Hash expected = GenesisBuilder.build(spec, new InMemoryNodeStore()).block().hash();
      if (!expected.equals(stored.get())) {
        throw new GenesisMismatchException("the data directory holds a chain with genesis " + stored.get()
            + ", but the genesis file gives " + expected + "; use another --datadir or the original genesis file");
      }
      BlockHeader genesisHeader = readHeader(store, expected).orElseThrow(
          () -> new StoreException("the genesis header " + expected + " is missing from the store"));
      return new Blockchain(store, rules, genesisHeader);
    }
    GenesisState state = GenesisBuilder.build(spec, store.nodeStore());
    Block block = state.block();
    ChainWrite write = new ChainWrite()
        .block(block.hash(), block.header().encode(), block.encode(), StoredReceipts.encode(List.of()))
        .canonical(List.of(new CanonicalEntry(block.header().number(), block.hash())))
        .head(block.hash()).safe(block.hash()).finalized(block.hash())
        .chainId(spec.config().chainId().longValueExact())
        .genesisHash(block.hash());
    state.code().values().forEach(write::code);
    store.commit(write);
    return new Blockchain(store, rules, block.header());
  }

  // ---- reads ----

  public ChainConfig config() {
    return rules.config();
  }

  public ExecutionRules rules() {
    return rules;
  }

  public ChainStore store() {
    return store;
  }

  public BlockHeader genesis() {
    return genesis;
  }

  public BlockHeader head() {
    return head;
  }

  public BlockHeader safe() {
    return safe;
  }

  public BlockHeader finalized() {
    return finalized;
  }

  public Optional<BlockHeader> header(Hash hash) {
    return readHeader(store, hash);
  }

  /** The canonical header at {@code number}, empty above the head. */
  public Optional<BlockHeader> canonicalHeader(long number) {
    return store.canonicalHash(number).flatMap(this::header);
  }

  public Optional<Block> block(Hash hash) {
    return store.body(hash).map(body -> {
      try {
        return Block.decode(body);
      } catch (DecodeException e) {
        throw new StoreException("stored block " + hash + " does not decode: " + e.getMessage());
      }
    });
  }

  public Optional<List<Receipt>> receipts(Hash blockHash) {
    return store.receipts(blockHash).map(stored -> {
      try {
        return StoredReceipts.decode(stored);
      } catch (DecodeException e) {
        throw new StoreException("stored receipts of " + blockHash + " do not decode: " + e.getMessage());
      }
    });
  }

  /** Where a transaction of the canonical chain is. */
  public Optional<TxLocation> transactionLocation(Hash txHash) {
    return store.txLocation(txHash);
  }

  /** The state after the block with this header, for reads and proofs; one per request (not thread-safe). */
  public TrieState state(BlockHeader header) {
    return new TrieState(store, header.stateRoot());
  }

  /** Runs {@code listener} with the new head after every fork-choice change (on the writer's thread). */
  public void onNewHead(Consumer<BlockHeader> listener) {
    headListeners.add(listener);
  }

  /** BLOCKHASH for a block whose parent is {@code parent}: walks the parent links, so it works on any branch. */
  public LongFunction<Hash> blockHashes(BlockHeader parent) {
    Map<Long, Hash> known = new HashMap<>();
    return number -> {
      Hash cached = known.get(number);
      if (cached != null) {
        return cached;
      }
      BlockHeader cursor = parent;
      while (cursor != null && cursor.number() > number) {
        cursor = header(cursor.parentHash()).orElse(null);
      }
      Hash hash = cursor != null && cursor.number() == number ? cursor.hash() : Hash.ZERO;
      known.put(number, hash);
      return hash;
    };
  }

  // ---- import ----

  /**
   * Validates, executes and stores a block; it becomes canonical only through {@link #forkchoice}. A known block
   * is {@link ImportResult.Valid} again; a block whose parent is unknown is {@link ImportResult.Syncing}.
   */
  public ImportResult importBlock(Block block) {
    Hash hash = block.hash();
    synchronized (writeLock) {
      if (store.header(hash).isPresent()) {
        return new ImportResult.Valid(hash);
      }
      ImportResult.Invalid known = invalidBlocks.get(hash);
      if (known != null) {
        return known;
      }
      ImportResult.Invalid invalidParent = invalidBlocks.get(block.header().parentHash());
      if (invalidParent != null) {
        return remember(hash, new ImportResult.Invalid(invalidParent.latestValidHash(),
            "parent " + block.header().parentHash() + " is invalid: " + invalidParent.error()));
      }
      Optional<BlockHeader> parent = header(block.header().parentHash());
      if (parent.isEmpty()) {
        return new ImportResult.Syncing();
      }
      try {
        ExecutedBlock executed = execute(parent.get(), block, null, -1, null);
        store.commit(blockWrite(block, executed));
        return new ImportResult.Valid(hash);
      } catch (InvalidBlockException e) {
        return remember(hash, new ImportResult.Invalid(parent.get().hash(), e.getMessage()));
      }
    }
  }

  private ImportResult.Invalid remember(Hash hash, ImportResult.Invalid invalid) {
    invalidBlocks.put(hash, invalid);
    return invalid;
  }

  /**
   * Re-executes a stored block's transactions up to and including {@code traceIndex}, with {@code tracer} on that
   * one transaction (debug_traceTransaction).
   */
  public TxResult.Executed trace(Block block, int traceIndex, Tracer tracer) throws InvalidBlockException {
    BlockHeader parent = header(block.header().parentHash())
        .orElseThrow(() -> new InvalidBlockException("the parent of block " + block.hash() + " is unknown"));
    TxResult.Executed[] traced = new TxResult.Executed[1];
    execute(parent, block, tracer, traceIndex, traced);
    return traced[0];
  }

  private ExecutedBlock execute(BlockHeader parent, Block block, Tracer tracer, int traceIndex,
      TxResult.Executed[] traced) throws InvalidBlockException {
    BlockHeader header = block.header();
    try {
      validator.validate(parent, header);
    } catch (HeaderValidationException e) {
      throw new InvalidBlockException("invalid header: " + e.getMessage());
    }
    BlockExecution execution;
    synchronized (writeLock) {
      try {
        execution = new BlockExecution(rules, store, codeCache, BlockContext.of(parent, header),
            blockHashes(parent));
      } catch (UnsupportedForkException e) {
        throw new InvalidBlockException(e.getMessage());
      }
      for (int i = 0; i < block.transactions().size(); i++) {
        try {
          BlockTransaction tx = BlockTransaction.decode(block.transactions().get(i), rules.config().chainId(),
              rules.isOptimism());
          execution.apply(tx, i == traceIndex ? tracer : null);
        } catch (InvalidTransactionException e) {
          throw new InvalidBlockException("transaction " + i + ": " + e.getMessage());
        }
        if (i == traceIndex) {
          traced[0] = execution.lastResult();
          return null;
        }
      }
      ExecutedBlock executed = execution.finish(block.withdrawals().orElse(List.of()));
      checkHeader(header, executed, block);
      return executed;
    }
  }

  private static void checkHeader(BlockHeader header, ExecutedBlock executed, Block block)
      throws InvalidBlockException {
    mismatch("gasUsed", header.gasUsed(), executed.gasUsed());
    mismatch("stateRoot", header.stateRoot(), executed.stateRoot());
    mismatch("receiptsRoot", header.receiptsRoot(), executed.receiptsRoot());
    mismatch("transactionsRoot", header.transactionsRoot(), executed.transactionsRoot());
    mismatch("logsBloom", header.logsBloom(), executed.logsBloom());
    if (header.blobGasUsed().isPresent()) {
      mismatch("blobGasUsed", header.blobGasUsed().getAsLong(), executed.blobGasUsed());
    }
    if (header.withdrawalsRoot().isPresent() && block.withdrawals().isPresent()) {
      mismatch("withdrawalsRoot", header.withdrawalsRoot().get(),
          BlockRoots.withdrawalsRoot(block.withdrawals().get()));
    }
  }

  private static void mismatch(String field, Object inHeader, Object computed) throws InvalidBlockException {
    if (!inHeader.equals(computed)) {
      throw new InvalidBlockException(field + " mismatch: header has " + inHeader + ", execution gives " + computed);
    }
  }

  private static ChainWrite blockWrite(Block block, ExecutedBlock executed) {
    ChainWrite write = new ChainWrite().block(block.hash(), block.header().encode(), block.encode(),
        StoredReceipts.encode(executed.receipts()));
    executed.newCode().values().forEach(write::code);
    return write;
  }

  /** Stores a block this chain has just built (and so executed); like {@link #importBlock} without re-execution. */
  void storeBuilt(Block block, ExecutedBlock executed) {
    synchronized (writeLock) {
      if (store.header(block.hash()).isEmpty()) {
        store.commit(blockWrite(block, executed));
      }
    }
  }

  // ---- fork choice ----

  /**
   * Makes {@code headHash} the head and rewrites the canonical index to its branch (an ancestor of the current
   * head becomes the head, as op-geth does). {@code safeHash} and {@code finalizedHash} may be {@link Hash#ZERO}
   * (unchanged); otherwise they must be canonical ancestors of the new head (or the head itself).
   */
  public ForkchoiceResult forkchoice(Hash headHash, Hash safeHash, Hash finalizedHash) {
    BlockHeader newHead;
    synchronized (writeLock) {
      ImportResult.Invalid invalid = invalidBlocks.get(headHash);
      if (invalid != null) {
        return new ForkchoiceResult.InvalidHead(invalid);
      }
      Optional<BlockHeader> target = header(headHash);
      if (target.isEmpty()) {
        return new ForkchoiceResult.UnknownHead();
      }
      newHead = target.get();
      List<BlockHeader> branch = new ArrayList<>();
      BlockHeader cursor = newHead;
      while (!store.canonicalHash(cursor.number()).map(cursor.hash()::equals).orElse(false)) {
        branch.add(cursor);
        BlockHeader child = cursor;
        cursor = header(cursor.parentHash()).orElseThrow(
            () -> new StoreException("block " + child.hash() + " is stored without its parent"));
      }
      Collections.reverse(branch);
      BlockHeader forkPoint = cursor;
      Optional<BlockHeader> newSafe = ancestorOnBranch(safeHash, newHead, branch);
      Optional<BlockHeader> newFinalized = ancestorOnBranch(finalizedHash, newHead, branch);
      if (newSafe == null || newFinalized == null) {
        return new ForkchoiceResult.InconsistentState("safe " + safeHash + " or finalized " + finalizedHash
            + " is not a known ancestor of head " + headHash);
      }
      ChainWrite write = new ChainWrite().head(newHead.hash());
      newSafe.ifPresent(h -> write.safe(h.hash()));
      newFinalized.ifPresent(h -> write.finalized(h.hash()));
      boolean rewrite = !branch.isEmpty() || !newHead.hash().equals(head.hash());
      if (rewrite) {
        // Drop the lookups of the old branch above the fork point, then add the new branch's.
        for (long n = forkPoint.number() + 1; n <= head.number(); n++) {
          store.canonicalHash(n).flatMap(this::block).ifPresent(b -> txHashes(b).forEach(write::removeTxLookup));
        }
        List<CanonicalEntry> entries = new ArrayList<>();
        if (branch.isEmpty()) {
          entries.add(new CanonicalEntry(newHead.number(), newHead.hash()));
        }
        for (BlockHeader h : branch) {
          entries.add(new CanonicalEntry(h.number(), h.hash()));
          Block b = block(h.hash()).orElseThrow(() -> new StoreException("block body " + h.hash() + " is missing"));
          List<Hash> hashes = txHashes(b);
          for (int i = 0; i < hashes.size(); i++) {
            write.txLookup(hashes.get(i), new TxLocation(h.hash(), i));
          }
        }
        write.canonical(entries);
      }
      store.commit(write);
      head = newHead;
      newSafe.ifPresent(h -> safe = h);
      newFinalized.ifPresent(h -> finalized = h);
    }
    for (Consumer<BlockHeader> listener : headListeners) {
      listener.accept(newHead);
    }
    return new ForkchoiceResult.Updated(newHead);
  }

  /**
   * The header of {@code hash} if it is the head or a canonical-after-the-update ancestor; empty for ZERO (no
   * change); null when it is unknown or not an ancestor.
   */
  private Optional<BlockHeader> ancestorOnBranch(Hash hash, BlockHeader newHead, List<BlockHeader> branch) {
    if (hash.equals(Hash.ZERO)) {
      return Optional.empty();
    }
    for (BlockHeader h : branch) {
      if (h.hash().equals(hash)) {
        return Optional.of(h);
      }
    }
    Optional<BlockHeader> header = header(hash);
    if (header.isEmpty() || header.get().number() > newHead.number()) {
      return null;
    }
    long firstOnBranch = branch.isEmpty() ? Long.MAX_VALUE : branch.get(0).number();
    boolean canonical = header.get().number() < firstOnBranch
        && store.canonicalHash(header.get().number()).map(hash::equals).orElse(false);
    return canonical ? header : null;
  }

  private static List<Hash> txHashes(Block block) {
    List<Hash> hashes = new ArrayList<>(block.transactions().size());
    for (Bytes tx : block.transactions()) {
      hashes.add(Keccak.hash(tx));
    }
    return hashes;
  }

  // ---- helpers ----

  private BlockHeader pointer(Optional<Hash> hash) {
    return hash.flatMap(this::header).orElse(null);
  }

  private static Optional<BlockHeader> readHeader(ChainStore store, Hash hash) {
    return store.header(hash).map(encoded -> {
      try {
        return BlockHeader.decode(encoded);
      } catch (DecodeException e) {
        throw new StoreException("stored header " + hash + " does not decode: " + e.getMessage());
      }
    });
  }

  Object writeLock() {
    return writeLock;
  }

  CodeCache codeCache() {
    return codeCache;
  }

  @Override
  public void close() {
    store.close();
  }
}
