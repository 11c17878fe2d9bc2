package dev.opsim.engine.state;

import dev.opsim.engine.store.ChainStore;
import dev.opsim.engine.trie.AccountState;
import dev.opsim.engine.trie.AccountTrie;
import dev.opsim.engine.trie.MerklePatriciaTrie;
import dev.opsim.engine.trie.StorageTrie;
import dev.opsim.evm.state.AccountInfo;
import dev.opsim.evm.state.BaseState;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The world state at one state root, read from the chain's tries: what the EVM executes on, and what the eth
 * methods read and prove. Not thread-safe (it caches opened storage tries); make one per execution or request.
 */
public final class TrieState implements BaseState {
  private final ChainStore store;
  private final Hash root;
  private final AccountTrie accounts;
  private final Map<Address, Optional<AccountState>> accountCache = new HashMap<>();
  private final Map<Address, StorageTrie> storageTries = new HashMap<>();

  public TrieState(ChainStore store, Hash stateRoot) {
    this.store = store;
    this.root = stateRoot;
    this.accounts = store.accountTrie(stateRoot);
  }

  public Hash root() {
    return root;
  }

  /** The account as the trie stores it, empty when absent. */
  public Optional<AccountState> accountState(Address address) {
    return accountCache.computeIfAbsent(address, accounts::get);
  }

  @Override
  public AccountInfo account(Address address) {
    return accountState(address)
        .map(a -> new AccountInfo(a.nonce(), a.balance(), a.codeHash(),
            !a.storageRoot().equals(MerklePatriciaTrie.EMPTY_ROOT)))
        .orElse(null);
  }

  @Override
  public UInt256 storage(Address address, UInt256 key) {
    StorageTrie trie = storageTrie(address);
    return trie == null ? UInt256.ZERO : UInt256.fromBytes(trie.get(key.toBytes()));
  }

  @Override
  public Bytes code(Hash codeHash) {
    if (codeHash.equals(AccountInfo.EMPTY_CODE_HASH)) {
      return Bytes.EMPTY;
    }
    return store.code(codeHash).orElseThrow(
        () -> new IllegalStateException("state " + root + " refers to code " + codeHash + " the store lacks"));
  }

  /** The code of the account at {@code address}, empty when it has none. */
  public Bytes codeAt(Address address) {
    return accountState(address).map(a -> code(a.codeHash())).orElse(Bytes.EMPTY);
  }

  /** EIP-1186 account proof: the state-trie nodes on the path to the account (proving absence too). */
  public List<Bytes> accountProof(Address address) {
    return accounts.proof(address);
  }

  /** EIP-1186 storage proof of one slot; an absent account has an empty storage trie, whose proof is empty. */
  public List<Bytes> storageProof(Address address, Bytes32 slot) {
    StorageTrie trie = storageTrie(address);
    return trie == null ? List.of() : trie.proof(slot);
  }

  private StorageTrie storageTrie(Address address) {
    Optional<AccountState> account = accountState(address);
    if (account.isEmpty() || account.get().storageRoot().equals(MerklePatriciaTrie.EMPTY_ROOT)) {
      return null;
    }
    return storageTries.computeIfAbsent(address, a -> store.storageTrie(account.get().storageRoot()));
  }
}
