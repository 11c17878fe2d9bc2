package dev.opsim.engine.statetest;

import dev.opsim.engine.trie.AccountState;
import dev.opsim.engine.trie.AccountTrie;
import dev.opsim.engine.trie.InMemoryNodeStore;
import dev.opsim.engine.trie.NodeStore;
import dev.opsim.engine.trie.StorageTrie;
import dev.opsim.evm.state.InMemoryBaseState;
import dev.opsim.evm.state.Log;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;

/** State root and logs hash as the state tests define them (fixture README "hash" and "logs"). */
final class StateRoots {
  private StateRoots() {}

  /** Root of the state as the engine's trie computes it (secure account trie over per-account storage tries). */
  static Hash stateRoot(InMemoryBaseState state) {
    NodeStore store = new InMemoryNodeStore();
    AccountTrie accounts = new AccountTrie(store);
    for (Map.Entry<Address, InMemoryBaseState.Entry> e : state.accounts().entrySet()) {
      InMemoryBaseState.Entry a = e.getValue();
      StorageTrie storage = new StorageTrie(store);
      a.storage.forEach((k, v) -> storage.put(k.toBytes(), v.toBytes()));
      accounts.put(e.getKey(), new AccountState(a.nonce, a.balance, storage.rootHash(), a.codeHash));
    }
    return accounts.rootHash();
  }

  static Hash logsHash(List<Log> logs) {
    Bytes rlp = RLP.encodeList(w -> {
      for (Log l : logs) {
        w.writeList(lw -> {
          lw.writeValue(l.address().bytes());
          lw.writeList(tw -> l.topics().forEach(t -> tw.writeValue(t.bytes())));
          lw.writeValue(l.data());
        });
      }
    });
    return Keccak.hash(rlp);
  }
}
