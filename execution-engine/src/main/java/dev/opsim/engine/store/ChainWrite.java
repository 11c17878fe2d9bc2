package dev.opsim.engine.store;

import dev.opsim.engine.trie.AccountState;
import dev.opsim.protocol.Hash;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * Everything one {@link ChainStore#commit} writes in a single atomic batch: normally one imported block (header,
 * body, receipts, new code, tx lookups, its canonical entry and the head pointer), or a fork-choice change
 * (canonical rewrite, head/safe/finalized). The trie nodes staged in the store's {@link ChainStore#nodeStore()}
 * are added by the commit itself. Block data is opaque encoded bytes: this package does not know the formats.
 * A builder, not thread-safe; build one per commit.
 */
public final class ChainWrite {
  /** One block's encoded parts. */
  public record BlockData(Hash hash, Bytes header, Bytes body, Bytes receipts) {
    public BlockData {
      Objects.requireNonNull(hash, "hash");
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(receipts, "receipts");
    }
  }

  private final Map<Hash, BlockData> blocks = new LinkedHashMap<>();
  private final Map<Hash, Bytes> code = new LinkedHashMap<>();
  private final Map<Hash, Optional<TxLocation>> txLookups = new LinkedHashMap<>();
  private final Map<String, Bytes> metadata = new LinkedHashMap<>();
  private List<CanonicalEntry> canonical;
  private Hash head;
  private Hash safe;
  private Hash finalized;

  /** Stores a block's header, body and receipts under its hash. */
  public ChainWrite block(Hash hash, Bytes header, Bytes body, Bytes receipts) {
    blocks.put(hash, new BlockData(hash, header, body, receipts));
    return this;
  }

  /** Stores contract code under its keccak hash. */
  public ChainWrite code(Bytes contractCode) {
    code.put(AccountState.codeHashOf(contractCode), contractCode);
    return this;
  }

  public ChainWrite txLookup(Hash txHash, TxLocation location) {
    txLookups.put(Objects.requireNonNull(txHash, "txHash"), Optional.of(location));
    return this;
  }

  /** Removes a tx lookup, for the transactions of blocks a reorg takes off the canonical chain. */
  public ChainWrite removeTxLookup(Hash txHash) {
    txLookups.put(Objects.requireNonNull(txHash, "txHash"), Optional.empty());
    return this;
  }

  /**
   * Rewrites the canonical index: the entries (ascending, consecutive numbers, at least one) are stored, and
   * every entry above the last one is removed, so the last one is the canonical tip. A plain import passes its
   * own block; a reorg passes the new branch from the fork point up; a reorg to an ancestor passes just the
   * ancestor.
   */
  public ChainWrite canonical(List<CanonicalEntry> entries) {
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("a canonical rewrite needs at least the new tip");
    }
    for (int i = 1; i < entries.size(); i++) {
      // "== 0" catches a wrap past 2^64-1.
      if (entries.get(i).number() != entries.get(i - 1).number() + 1 || entries.get(i).number() == 0) {
        throw new IllegalArgumentException("canonical entries must have consecutive ascending numbers, found "
            + Long.toUnsignedString(entries.get(i - 1).number()) + " then "
            + Long.toUnsignedString(entries.get(i).number()));
      }
    }
    canonical = List.copyOf(entries);
    return this;
  }

  public ChainWrite head(Hash blockHash) {
    head = Objects.requireNonNull(blockHash, "head");
    return this;
  }

  public ChainWrite safe(Hash blockHash) {
    safe = Objects.requireNonNull(blockHash, "safe");
    return this;
  }

  public ChainWrite finalized(Hash blockHash) {
    finalized = Objects.requireNonNull(blockHash, "finalized");
    return this;
  }

  public ChainWrite chainId(long id) {
    metadata.put(Metadata.CHAIN_ID, Bytes.ofUnsignedLong(id));
    return this;
  }

  public ChainWrite genesisHash(Hash hash) {
    metadata.put(Metadata.GENESIS_HASH, hash.bytes());
    return this;
  }

  /** Any other metadata, under a name that is not one of the names this store uses itself. */
  public ChainWrite metadata(String key, Bytes value) {
    if (Metadata.isReserved(key)) {
      throw new IllegalArgumentException("metadata key '" + key + "' is reserved; use its own setter");
    }
    metadata.put(key, Objects.requireNonNull(value, "value"));
    return this;
  }

  public Map<Hash, BlockData> blocks() {
    return Collections.unmodifiableMap(blocks);
  }

  public Map<Hash, Bytes> code() {
    return Collections.unmodifiableMap(code);
  }

  /** Tx hash → location to store, or empty to remove. */
  public Map<Hash, Optional<TxLocation>> txLookups() {
    return Collections.unmodifiableMap(txLookups);
  }

  public Optional<List<CanonicalEntry>> canonical() {
    return Optional.ofNullable(canonical);
  }

  public Optional<Hash> head() {
    return Optional.ofNullable(head);
  }

  public Optional<Hash> safe() {
    return Optional.ofNullable(safe);
  }

  public Optional<Hash> finalized() {
    return Optional.ofNullable(finalized);
  }

  public Map<String, Bytes> metadata() {
    return Collections.unmodifiableMap(metadata);
  }

  /** The hashes of the fork-choice pointers this write sets, in no particular order. */
  List<Hash> pointers() {
    List<Hash> pointers = new ArrayList<>();
    head().ifPresent(pointers::add);
    safe().ifPresent(pointers::add);
    finalized().ifPresent(pointers::add);
    return pointers;
  }
}
