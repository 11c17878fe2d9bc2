package dev.opsim.evm.state;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/** A mutable in-memory base state for tests and the state-test runner. */
public final class InMemoryBaseState implements BaseState {
  /** One account with its code and storage. */
  public static final class Entry {
    public long nonce;
    public BigInteger balance = BigInteger.ZERO;
    public Bytes code = Bytes.EMPTY;
    public Hash codeHash = AccountInfo.EMPTY_CODE_HASH;
    public final Map<UInt256, UInt256> storage = new TreeMap<>();
  }

  private final Map<Address, Entry> accounts = new HashMap<>();
  private final Map<Hash, Bytes> codes = new HashMap<>();

  public void put(Address address, long nonce, BigInteger balance, Bytes code, Map<UInt256, UInt256> storage) {
    Entry e = new Entry();
    e.nonce = nonce;
    e.balance = balance;
    e.code = code;
    e.codeHash = code.isEmpty() ? AccountInfo.EMPTY_CODE_HASH : Keccak.hash(code);
    storage.forEach((k, v) -> {
      if (!v.isZero()) {
        e.storage.put(k, v);
      }
    });
    codes.put(e.codeHash, code);
    accounts.put(address, e);
  }

  public Map<Address, Entry> accounts() {
    return accounts;
  }

  @Override
  public AccountInfo account(Address address) {
    Entry e = accounts.get(address);
    return e == null ? null : new AccountInfo(e.nonce, e.balance, e.codeHash, !e.storage.isEmpty());
  }

  @Override
  public UInt256 storage(Address address, UInt256 key) {
    Entry e = accounts.get(address);
    if (e == null) {
      return UInt256.ZERO;
    }
    UInt256 v = e.storage.get(key);
    return v == null ? UInt256.ZERO : v;
  }

  @Override
  public Bytes code(Hash codeHash) {
    Bytes c = codes.get(codeHash);
    return c == null ? Bytes.EMPTY : c;
  }

  /** Applies the changes a transaction produced. */
  public void apply(Collection<AccountChange> changes) {
    for (AccountChange c : changes) {
      if (c.deleted()) {
        accounts.remove(c.address());
        continue;
      }
      Entry e = accounts.computeIfAbsent(c.address(), a -> new Entry());
      if (c.storageCleared()) {
        e.storage.clear();
      }
      e.nonce = c.nonce();
      e.balance = c.balance();
      e.codeHash = c.codeHash();
      e.code = c.code();
      codes.put(c.codeHash(), c.code());
      c.storage().forEach((k, v) -> {
        if (v.isZero()) {
          e.storage.remove(k);
        } else {
          e.storage.put(k, v);
        }
      });
    }
  }
}
