package dev.opsim.engine.statetest;

import dev.opsim.evm.state.InMemoryBaseState;
import dev.opsim.evm.state.Log;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.units.bigints.UInt256;

/** State root and logs hash as the state tests define them (fixture README "hash" and "logs"). */
final class StateRoots {
  private StateRoots() {}

  static Hash stateRoot(InMemoryBaseState state) {
    Map<Bytes, Bytes> accounts = new HashMap<>();
    for (Map.Entry<Address, InMemoryBaseState.Entry> e : state.accounts().entrySet()) {
      InMemoryBaseState.Entry a = e.getValue();
      Map<Bytes, Bytes> slots = new HashMap<>();
      a.storage.forEach((k, v) -> {
        if (!v.isZero()) {
          slots.put(Keccak.hash(k.toBytes()).bytes(), RLP.encodeValue(v.toMinimalBytes()));
        }
      });
      Hash storageRoot = ReferenceTrieRoot.root(slots);
      Bytes account = RLP.encodeList(w -> {
        w.writeValue(minimal(a.nonce));
        w.writeValue(minimal(a.balance));
        w.writeValue(storageRoot.bytes());
        w.writeValue(a.codeHash.bytes());
      });
      accounts.put(Keccak.hash(e.getKey().bytes()).bytes(), account);
    }
    return ReferenceTrieRoot.root(accounts);
  }

  private static Bytes minimal(long v) {
    return v == 0 ? Bytes.EMPTY : Bytes.minimalBytes(v);
  }

  private static Bytes minimal(BigInteger v) {
    return v.signum() == 0 ? Bytes.EMPTY : UInt256.valueOf(v).toMinimalBytes();
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
