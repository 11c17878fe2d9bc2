package dev.opsim.engine.eth;

import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.chain.LogsBloom;
import dev.opsim.engine.chain.Receipt;
import dev.opsim.engine.store.TxLocation;
import dev.opsim.engine.trie.AccountState;
import dev.opsim.engine.trie.MerklePatriciaTrie;
import dev.opsim.engine.trie.OrderedTrieRoot;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** An in-memory {@link EthBackend} for unit tests: a canonical list of blocks, one flat state, scripted calls. */
final class FakeEthBackend implements EthBackend {
  /** A scripted eth_call. */
  @FunctionalInterface
  interface CallHandler {
    CallResult call(CallRequest request, BlockHeader at, Map<Address, AccountOverride> overrides)
        throws InvalidCallException;
  }

  static final Address COINBASE = Address.fromHex("0x4200000000000000000000000000000000000011");

  final long chainId;
  final boolean optimism;
  final Map<Hash, Block> blocks = new HashMap<>();
  final Map<Hash, List<Receipt>> receipts = new HashMap<>();
  final TreeMap<Long, Hash> canonical = new TreeMap<>();
  final Map<Hash, TxLocation> locations = new HashMap<>();
  final Map<Address, AccountState> accounts = new HashMap<>();
  final Map<Address, Bytes> code = new HashMap<>();
  final Map<Address, Map<Bytes32, Bytes32>> storage = new HashMap<>();
  final Map<Address, Long> poolNonces = new HashMap<>();
  final Map<Hash, Bytes> pool = new HashMap<>();
  final Map<String, L1FeeFields> l1Fees = new HashMap<>();
  final AtomicInteger calls = new AtomicInteger();
  Optional<Hash> safe = Optional.empty();
  Optional<Hash> finalized = Optional.empty();
  CallHandler callHandler = (r, at, o) -> CallResult.success(Bytes.EMPTY, 21_000, 0);
  TransactionRejectedException rejection;
  AccountProof proof;

  FakeEthBackend(long chainId, boolean optimism) {
    this.chainId = chainId;
    this.optimism = optimism;
  }

  /** Appends a Cancun block with these transactions and receipts to the canonical chain. */
  Block addBlock(List<Bytes> txs, List<Receipt> blockReceipts, BigInteger baseFee, long gasLimit) {
    Hash parent = canonical.isEmpty() ? Hash.ZERO : canonical.lastEntry().getValue();
    long number = canonical.isEmpty() ? 0 : canonical.lastKey() + 1;
    long gasUsed = blockReceipts.isEmpty() ? 0 : blockReceipts.getLast().cumulativeGasUsed();
    List<LogsBloom> blooms = blockReceipts.stream().map(Receipt::logsBloom).toList();
    BlockHeader header = new BlockHeader(parent, BlockHeader.EMPTY_OMMERS_HASH, COINBASE,
        Keccak.hash(Bytes.ofUnsignedLong(number)), OrderedTrieRoot.of(txs),
        OrderedTrieRoot.of(blockReceipts.stream().map(Receipt::encode).toList()), LogsBloom.union(blooms),
        BigInteger.ZERO, number, gasLimit, gasUsed, 1_700_000_000L + 2 * number, Bytes.EMPTY, Hash.ZERO, 0,
        Optional.of(baseFee), Optional.of(MerklePatriciaTrie.EMPTY_ROOT), OptionalLong.of(0), OptionalLong.of(0),
        Optional.of(Hash.ZERO), Optional.empty());
    Block block = new Block(header, txs, Optional.of(List.of()));
    putCanonical(block, blockReceipts);
    return block;
  }

  /** Makes {@code block} the canonical block at its number. */
  void putCanonical(Block block, List<Receipt> blockReceipts) {
    Hash hash = block.hash();
    blocks.put(hash, block);
    receipts.put(hash, List.copyOf(blockReceipts));
    canonical.put(block.header().number(), hash);
    for (int i = 0; i < block.transactions().size(); i++) {
      locations.put(Keccak.hash(block.transactions().get(i)), new TxLocation(hash, i));
    }
  }

  Block addEmptyBlock(BigInteger baseFee) {
    return addBlock(List.of(), List.of(), baseFee, 30_000_000);
  }

  @Override
  public long chainId() {
    return chainId;
  }

  @Override
  public String clientVersion() {
    return "opsim/test";
  }

  @Override
  public boolean optimism() {
    return optimism;
  }

  @Override
  public Optional<Hash> taggedHash(BlockTag tag) {
    return switch (tag) {
      case LATEST, PENDING -> canonical.isEmpty() ? Optional.empty() : Optional.of(canonical.lastEntry().getValue());
      case SAFE -> safe;
      case FINALIZED -> finalized;
      case EARLIEST -> Optional.ofNullable(canonical.get(0L));
    };
  }

  @Override
  public Optional<Hash> canonicalHash(long number) {
    return Optional.ofNullable(canonical.get(number));
  }

  @Override
  public Optional<BlockHeader> header(Hash blockHash) {
    return Optional.ofNullable(blocks.get(blockHash)).map(Block::header);
  }

  @Override
  public Optional<Block> block(Hash blockHash) {
    return Optional.ofNullable(blocks.get(blockHash));
  }

  @Override
  public Optional<List<Receipt>> receipts(Hash blockHash) {
    return Optional.ofNullable(receipts.get(blockHash));
  }

  @Override
  public Optional<TxLocation> txLocation(Hash txHash) {
    return Optional.ofNullable(locations.get(txHash));
  }

  @Override
  public Optional<L1FeeFields> l1Fee(Hash blockHash, int index) {
    return Optional.ofNullable(l1Fees.get(blockHash + "/" + index));
  }

  /** Not the real rule: the tests only check that the methods report what the backend says. */
  @Override
  public BigInteger nextBaseFee(BlockHeader parent) {
    return parent.baseFeePerGas().orElseThrow().add(BigInteger.valueOf(7));
  }

  @Override
  public Optional<AccountState> account(BlockHeader at, Address address) {
    return Optional.ofNullable(accounts.get(address));
  }

  @Override
  public Bytes code(BlockHeader at, Address address) {
    return code.getOrDefault(address, Bytes.EMPTY);
  }

  @Override
  public Bytes32 storage(BlockHeader at, Address address, Bytes32 slot) {
    return storage.getOrDefault(address, Map.of()).getOrDefault(slot, Bytes32.ZERO);
  }

  @Override
  public AccountProof proof(BlockHeader at, Address address, List<Bytes32> slots) {
    return proof;
  }

  @Override
  public long poolNonce(Address address) {
    return poolNonces.getOrDefault(address, 0L);
  }

  @Override
  public Optional<Bytes> poolTransaction(Hash txHash) {
    return Optional.ofNullable(pool.get(txHash));
  }

  @Override
  public Hash sendRawTransaction(Bytes raw) throws TransactionRejectedException {
    if (rejection != null) {
      throw rejection;
    }
    Hash hash = Keccak.hash(raw);
    pool.put(hash, raw);
    return hash;
  }

  @Override
  public CallResult call(CallRequest request, BlockHeader at, Map<Address, AccountOverride> overrides)
      throws InvalidCallException {
    calls.incrementAndGet();
    return callHandler.call(request, at, overrides);
  }
}
