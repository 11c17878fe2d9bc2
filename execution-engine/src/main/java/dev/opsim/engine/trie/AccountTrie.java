package dev.opsim.engine.trie;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/** The world state trie (Yellow Paper 4.1): a secure trie from address to {@link AccountState} RLP. */
public final class AccountTrie {
  private final SecureTrie trie;

  public AccountTrie(NodeStore store) {
    this.trie = new SecureTrie(store);
  }

  public AccountTrie(NodeStore store, Hash rootHash) {
    this.trie = new SecureTrie(store, rootHash);
  }

  private AccountTrie(SecureTrie trie) {
    this.trie = trie;
  }

  public AccountTrie copy() {
    return new AccountTrie(trie.copy());
  }

  public Optional<AccountState> get(Address address) {
    Optional<Bytes> stored = trie.get(address.bytes());
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(AccountState.decode(stored.get()));
    } catch (DecodeException e) {
      throw new TrieStorageException("account " + address + " is malformed in the state: " + e.getMessage(), e);
    }
  }

  public void put(Address address, AccountState account) {
    trie.put(address.bytes(), account.encode());
  }

  public void delete(Address address) {
    trie.delete(address.bytes());
  }

  public Hash rootHash() {
    return trie.rootHash();
  }

  public Hash commit() {
    return trie.commit();
  }

  /** The EIP-1186 account proof of {@code address}. */
  public List<Bytes> proof(Address address) {
    return trie.proof(address.bytes());
  }
}
