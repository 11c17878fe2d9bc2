package dev.opsim.engine.state;

import dev.opsim.engine.store.ChainStore;
import dev.opsim.engine.trie.AccountState;
import dev.opsim.engine.trie.AccountTrie;
import dev.opsim.engine.trie.MerklePatriciaTrie;
import dev.opsim.engine.trie.StorageTrie;
import dev.opsim.evm.state.AccountChange;
import dev.opsim.evm.state.AccountInfo;
import dev.opsim.protocol.Hash;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Applies one block's account changes to the state trie of its parent. The new trie nodes are staged in the
 * store's node store and become durable with the next {@link ChainStore#commit}, together with the block.
 */
public final class StateCommitter {
  /** The new state root and the contract code first seen in this block. */
  public record Committed(Hash stateRoot, Map<Hash, Bytes> newCode) {}

  private StateCommitter() {}

  public static Committed apply(ChainStore store, Hash parentRoot, Collection<AccountChange> changes) {
    AccountTrie accounts = store.accountTrie(parentRoot);
    Map<Hash, Bytes> newCode = new LinkedHashMap<>();
    for (AccountChange change : changes) {
      if (change.deleted()) {
        accounts.delete(change.address());
        continue;
      }
      Optional<AccountState> before = accounts.get(change.address());
      Hash storageRoot = storageRoot(store, before, change);
      accounts.put(change.address(), new AccountState(change.nonce(), change.balance(), storageRoot,
          change.codeHash()));
      if (!change.codeHash().equals(AccountInfo.EMPTY_CODE_HASH)
          && before.map(b -> !b.codeHash().equals(change.codeHash())).orElse(true)
          && store.code(change.codeHash()).isEmpty()) {
        newCode.put(change.codeHash(), change.code());
      }
    }
    return new Committed(accounts.commit(), newCode);
  }

  private static Hash storageRoot(ChainStore store, Optional<AccountState> before, AccountChange change) {
    Hash previous = change.storageCleared() || before.isEmpty()
        ? MerklePatriciaTrie.EMPTY_ROOT
        : before.get().storageRoot();
    if (change.storage().isEmpty()) {
      return previous;
    }
    StorageTrie trie = store.storageTrie(previous);
    for (Map.Entry<UInt256, UInt256> slot : change.storage().entrySet()) {
      trie.put(slot.getKey().toBytes(), slot.getValue().toBytes());
    }
    return trie.commit();
  }
}
