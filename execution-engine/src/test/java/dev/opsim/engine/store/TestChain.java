package dev.opsim.engine.store;

import dev.opsim.engine.trie.AccountState;
import dev.opsim.engine.trie.AccountTrie;
import dev.opsim.engine.trie.MerklePatriciaTrie;
import dev.opsim.engine.trie.StorageTrie;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A deterministic chain for store tests: block n's state changes, header, body, receipts and transactions depend
 * only on n and its parent, so a chain rebuilt from genesis (in memory) tells what any stored block must be. The
 * header is a test format of our own: number (8) | parent hash (32) | state root (32) | filler.
 */
final class TestChain {
  /** The account whose storage every block writes. */
  static final Address CONTRACT = Address.fromHex("0xc0ffee0000000000000000000000000000c0ffee");
  static final int TXS_PER_BLOCK = 3;

  /** One built, not yet committed block. */
  record Block(long number, Hash hash, Hash parentHash, Hash stateRoot, ChainWrite write, List<Hash> txHashes) {}

  private final int accountsPerBlock;
  private final int accountUniverse;

  /**
   * @param accountsPerBlock accounts whose balance each block sets
   * @param accountUniverse how many distinct addresses blocks draw from (the state grows up to this size)
   */
  TestChain(int accountsPerBlock, int accountUniverse) {
    this.accountsPerBlock = accountsPerBlock;
    this.accountUniverse = accountUniverse;
  }

  static Address account(long index) {
    return Address.wrap(Keccak.hash(Bytes.ofUnsignedLong(index)).bytes().slice(12, 20));
  }

  static Bytes32 slot(long number) {
    return Bytes32.leftPad(Bytes.ofUnsignedLong(number % 97));
  }

  static Bytes32 slotValue(long number) {
    return Bytes32.leftPad(Bytes.ofUnsignedLong(number + 1));
  }

  static Bytes codeOf(long number) {
    return Bytes.concatenate(Bytes.fromHexString("0x6080604052"), Bytes.ofUnsignedLong(number));
  }

  /**
   * Applies block {@code number}'s state changes on top of {@code parentStateRoot}, committing the tries into
   * the store's staged node store, and gathers the block's writes including canonical entry and head pointer.
   */
  Block build(ChainStore store, long number, Hash parentHash, Hash parentStateRoot) {
    AccountTrie state = store.accountTrie(parentStateRoot);
    for (int i = 0; i < accountsPerBlock; i++) {
      long index = Math.floorMod(number * 7919 + i * 31L, accountUniverse);
      Address address = account(index);
      AccountState account = state.get(address).orElse(AccountState.EMPTY);
      state.put(address, account.withNonce(number).withBalance(BigInteger.valueOf(number * 1_000_000 + i + 1)));
    }
    AccountState contract = state.get(CONTRACT).orElse(AccountState.EMPTY);
    StorageTrie storage = store.storageTrie(contract.storageRoot());
    storage.put(slot(number), slotValue(number));
    Bytes code = codeOf(number / 10);
    state.put(CONTRACT, contract
        .withStorageRoot(storage.commit())
        .withCodeHash(AccountState.codeHashOf(code))
        .withBalance(BigInteger.valueOf(number)));
    Hash stateRoot = state.commit();

    Bytes header = Bytes.concatenate(Bytes.ofUnsignedLong(number), parentHash.bytes(), stateRoot.bytes(),
        Bytes.repeat((byte) 0x11, 400));
    Hash hash = Keccak.hash(header);
    List<Hash> txHashes = new ArrayList<>();
    for (int i = 0; i < TXS_PER_BLOCK; i++) {
      txHashes.add(Keccak.hash(Bytes.concatenate(hash.bytes(), Bytes.ofUnsignedInt(i))));
    }
    Bytes body = Bytes.concatenate(Bytes.concatenate(txHashes.stream().map(Hash::bytes).toArray(Bytes[]::new)),
        Bytes.repeat((byte) number, 1000));
    Bytes receipts = Bytes.concatenate(hash.bytes(), Bytes.repeat((byte) 0x22, 600));
    ChainWrite write = new ChainWrite()
        .block(hash, header, body, receipts)
        .code(code)
        .canonical(List.of(new CanonicalEntry(number, hash)))
        .head(hash);
    for (int i = 0; i < txHashes.size(); i++) {
      write.txLookup(txHashes.get(i), new TxLocation(hash, i));
    }
    return new Block(number, hash, parentHash, stateRoot, write, txHashes);
  }

  /** Builds and commits block {@code number} on the store's current head (genesis if the store is empty). */
  Block commitNext(ChainStore store) {
    Block block = store.head()
        .map(head -> {
          Bytes header = store.header(head).orElseThrow();
          return build(store, numberOf(header) + 1, head, stateRootOf(header));
        })
        .orElseGet(() -> build(store, 0, Hash.ZERO, MerklePatriciaTrie.EMPTY_ROOT));
    store.commit(block.write());
    return block;
  }

  /** The blocks 0..{@code last} as a fresh in-memory store builds them: what any store must hold. */
  List<Block> replay(long last) {
    try (ChainStore memory = ChainStore.inMemory()) {
      return replayInto(memory, last);
    }
  }

  /** Commits blocks 0..{@code last} to an empty {@code store} and returns them. */
  List<Block> replayInto(ChainStore store, long last) {
    List<Block> blocks = new ArrayList<>();
    for (long n = 0; n <= last; n++) {
      blocks.add(commitNext(store));
    }
    return blocks;
  }

  static long numberOf(Bytes header) {
    return header.getLong(0);
  }

  static Hash parentOf(Bytes header) {
    return Hash.wrap(header.slice(8, 32));
  }

  static Hash stateRootOf(Bytes header) {
    return Hash.wrap(header.slice(40, 32));
  }
}
