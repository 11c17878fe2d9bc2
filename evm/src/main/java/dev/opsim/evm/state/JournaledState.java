package dev.opsim.evm.state;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The world state a transaction executes against: a write layer over a {@link BaseState} with an undo journal.
 * {@link #checkpoint()} marks a call frame's start; {@link #revert(int)} undoes everything after it (accounts,
 * storage, transient storage, access lists, logs, refunds, self-destructs, touches). Committing a frame is just
 * not reverting. {@link #finishTransaction()} applies the end-of-transaction rules (EIP-161 removal of touched
 * empty accounts, EIP-6780 removal of self-destructed new accounts) and makes the result the "original" state
 * of the next transaction; {@link #changes()} reads out every change since construction.
 */
public final class JournaledState {
  private static final class Account {
    boolean exists;
    long nonce;
    BigInteger balance = BigInteger.ZERO;
    Hash codeHash = AccountInfo.EMPTY_CODE_HASH;
    Bytes code;
    /** Base storage is void (account deleted during this state's life); reads of unwritten slots are zero. */
    boolean storageCleared;
    boolean baseHasStorage;
    /** Values at the start of the current transaction, as far as read or committed. */
    final Map<UInt256, UInt256> original = new HashMap<>();
    /** Values written during the current transaction. */
    final Map<UInt256, UInt256> current = new HashMap<>();
    final Set<UInt256> written = new HashSet<>();
    boolean createdInTx;
    boolean selfDestructed;
    boolean dirty;
  }

  private record SlotKey(Address address, UInt256 key) {}

  private final BaseState base;
  private final Map<Address, Account> accounts = new LinkedHashMap<>();
  private final List<Runnable> journal = new ArrayList<>();
  private final Set<Address> warmAddresses = new HashSet<>();
  private final Set<SlotKey> warmSlots = new HashSet<>();
  private final Map<SlotKey, UInt256> transientStorage = new HashMap<>();
  private final List<Log> logs = new ArrayList<>();
  private final Set<Address> touched = new HashSet<>();
  private long refund;

  public JournaledState(BaseState base) {
    this.base = base;
  }

  private Account load(Address address) {
    Account a = accounts.get(address);
    if (a == null) {
      a = new Account();
      AccountInfo info = base.account(address);
      if (info != null) {
        a.exists = true;
        a.nonce = info.nonce();
        a.balance = info.balance();
        a.codeHash = info.codeHash();
        a.baseHasStorage = info.hasStorage();
      }
      accounts.put(address, a);
    }
    return a;
  }

  /** Makes the account exist (empty) if it does not, journaled. */
  private Account materialize(Address address) {
    Account a = load(address);
    if (!a.exists) {
      a.exists = true;
      markDirty(a);
      journal.add(() -> a.exists = false);
    }
    return a;
  }

  private void markDirty(Account a) {
    if (!a.dirty) {
      a.dirty = true;
      journal.add(() -> a.dirty = false);
    }
  }

  // ---- journal ----

  public int checkpoint() {
    return journal.size();
  }

  public void revert(int checkpoint) {
    for (int i = journal.size() - 1; i >= checkpoint; i--) {
      journal.remove(i).run();
    }
  }

  // ---- accounts ----

  public boolean exists(Address address) {
    return load(address).exists;
  }

  /** EIP-161: no code, zero nonce, zero balance (a non-existent account is also empty). */
  public boolean isEmpty(Address address) {
    Account a = load(address);
    return !a.exists || (a.nonce == 0 && a.balance.signum() == 0 && a.codeHash.equals(AccountInfo.EMPTY_CODE_HASH));
  }

  /** Non-existent or empty ("dead" in EIP-161 terms). */
  public boolean isDead(Address address) {
    return isEmpty(address);
  }

  public long nonce(Address address) {
    Account a = load(address);
    return a.exists ? a.nonce : 0;
  }

  public BigInteger balance(Address address) {
    Account a = load(address);
    return a.exists ? a.balance : BigInteger.ZERO;
  }

  public Hash codeHash(Address address) {
    return load(address).codeHash;
  }

  public Bytes code(Address address) {
    Account a = load(address);
    if (a.code == null) {
      a.code = a.codeHash.equals(AccountInfo.EMPTY_CODE_HASH) ? Bytes.EMPTY : base.code(a.codeHash);
    }
    return a.code;
  }

  public boolean hasCode(Address address) {
    return !load(address).codeHash.equals(AccountInfo.EMPTY_CODE_HASH);
  }

  /** The contract-creation collision rule (EIP-684, EIP-7610): nonce, code or storage present. */
  public boolean hasCollision(Address address) {
    Account a = load(address);
    if (!a.exists) {
      return false;
    }
    if (a.nonce != 0 || !a.codeHash.equals(AccountInfo.EMPTY_CODE_HASH)) {
      return true;
    }
    if (!a.storageCleared && a.baseHasStorage) {
      return true;
    }
    for (UInt256 v : a.current.values()) {
      if (!v.isZero()) {
        return true;
      }
    }
    return false;
  }

  public void setNonce(Address address, long nonce) {
    Account a = materialize(address);
    long old = a.nonce;
    a.nonce = nonce;
    markDirty(a);
    journal.add(() -> a.nonce = old);
    touch(address);
  }

  public void setBalance(Address address, BigInteger balance) {
    Account a = materialize(address);
    BigInteger old = a.balance;
    a.balance = balance;
    markDirty(a);
    journal.add(() -> a.balance = old);
    touch(address);
  }

  public void addBalance(Address address, BigInteger amount) {
    setBalance(address, balance(address).add(amount));
  }

  public void subBalance(Address address, BigInteger amount) {
    setBalance(address, balance(address).subtract(amount));
  }

  /** Records an EIP-161 touch without changing anything (a zero-value transfer to an existing account). */
  public void touch(Address address) {
    if (touched.add(address)) {
      journal.add(() -> touched.remove(address));
    }
  }

  public void setCode(Address address, Bytes code) {
    Account a = materialize(address);
    Hash oldHash = a.codeHash;
    Bytes oldCode = a.code;
    a.code = code;
    a.codeHash = code.isEmpty() ? AccountInfo.EMPTY_CODE_HASH : Keccak.hash(code);
    markDirty(a);
    journal.add(() -> {
      a.codeHash = oldHash;
      a.code = oldCode;
    });
  }

  /** Starts a contract at {@code address}: existing balance kept, nonce set, marked new for EIP-6780. */
  public void createContract(Address address, long nonce) {
    Account a = materialize(address);
    boolean wasCreated = a.createdInTx;
    a.createdInTx = true;
    journal.add(() -> a.createdInTx = wasCreated);
    setNonce(address, nonce);
  }

  public boolean createdInTransaction(Address address) {
    return load(address).createdInTx;
  }

  /** Marks the account for removal at the end of the transaction (EIP-6780: only new accounts). */
  public void markSelfDestructed(Address address) {
    Account a = load(address);
    if (!a.selfDestructed) {
      a.selfDestructed = true;
      journal.add(() -> a.selfDestructed = false);
    }
  }

  // ---- storage ----

  public UInt256 storage(Address address, UInt256 key) {
    Account a = load(address);
    UInt256 v = a.current.get(key);
    return v != null ? v : originalStorage(address, key);
  }

  /** The value at the start of the current transaction (EIP-2200 "original value"). */
  public UInt256 originalStorage(Address address, UInt256 key) {
    Account a = load(address);
    UInt256 v = a.original.get(key);
    if (v == null) {
      v = (!a.exists || a.storageCleared) ? UInt256.ZERO : base.storage(address, key);
      a.original.put(key, v);
    }
    return v;
  }

  public void setStorage(Address address, UInt256 key, UInt256 value) {
    Account a = materialize(address);
    UInt256 old = a.current.get(key);
    boolean wasWritten = a.written.contains(key);
    a.current.put(key, value);
    a.written.add(key);
    markDirty(a);
    journal.add(() -> {
      if (old == null) {
        a.current.remove(key);
      } else {
        a.current.put(key, old);
      }
      if (!wasWritten) {
        a.written.remove(key);
      }
    });
  }

  // ---- transient storage (EIP-1153) ----

  public UInt256 transientStorage(Address address, UInt256 key) {
    UInt256 v = transientStorage.get(new SlotKey(address, key));
    return v == null ? UInt256.ZERO : v;
  }

  public void setTransientStorage(Address address, UInt256 key, UInt256 value) {
    SlotKey k = new SlotKey(address, key);
    UInt256 old = transientStorage.put(k, value);
    journal.add(() -> {
      if (old == null) {
        transientStorage.remove(k);
      } else {
        transientStorage.put(k, old);
      }
    });
  }

  // ---- access lists (EIP-2929) ----

  public boolean isWarm(Address address) {
    return warmAddresses.contains(address);
  }

  /** Warms the address; returns whether it was already warm. */
  public boolean warm(Address address) {
    if (warmAddresses.add(address)) {
      journal.add(() -> warmAddresses.remove(address));
      return false;
    }
    return true;
  }

  public boolean warm(Address address, UInt256 key) {
    SlotKey k = new SlotKey(address, key);
    if (warmSlots.add(k)) {
      journal.add(() -> warmSlots.remove(k));
      return false;
    }
    return true;
  }

  // ---- logs and refunds ----

  public void addLog(Log log) {
    logs.add(log);
    journal.add(() -> logs.remove(logs.size() - 1));
  }

  public List<Log> logs() {
    return List.copyOf(logs);
  }

  public long refund() {
    return refund;
  }

  public void addRefund(long delta) {
    long old = refund;
    refund += delta;
    journal.add(() -> refund = old);
  }

  // ---- transaction boundaries ----

  /** Clears per-transaction data (access lists, transient storage, logs, refund) before a transaction. */
  public void beginTransaction() {
    journal.clear();
    warmAddresses.clear();
    warmSlots.clear();
    transientStorage.clear();
    logs.clear();
    touched.clear();
    refund = 0;
  }

  /** End-of-transaction clean-up; afterwards the state is the "original" of the next transaction. */
  public void finishTransaction() {
    for (Map.Entry<Address, Account> e : accounts.entrySet()) {
      Account a = e.getValue();
      boolean remove = a.exists
          && (a.selfDestructed
              || (touched.contains(e.getKey()) && isEmpty(e.getKey())));
      if (remove) {
        a.exists = false;
        a.nonce = 0;
        a.balance = BigInteger.ZERO;
        a.codeHash = AccountInfo.EMPTY_CODE_HASH;
        a.code = Bytes.EMPTY;
        a.storageCleared = true;
        a.baseHasStorage = false;
        a.original.clear();
        a.current.clear();
        a.written.clear();
        a.dirty = true;
      } else {
        a.original.putAll(a.current);
        a.current.clear();
      }
      a.createdInTx = false;
      a.selfDestructed = false;
    }
    journal.clear();
    touched.clear();
    transientStorage.clear();
  }

  /** Every account changed since this state was created, after {@link #finishTransaction()}. */
  public Collection<AccountChange> changes() {
    List<AccountChange> out = new ArrayList<>();
    for (Map.Entry<Address, Account> e : accounts.entrySet()) {
      Account a = e.getValue();
      if (!a.dirty) {
        continue;
      }
      if (!a.exists) {
        out.add(new AccountChange(e.getKey(), true, 0, BigInteger.ZERO, AccountInfo.EMPTY_CODE_HASH, Bytes.EMPTY,
            true, Map.of()));
        continue;
      }
      Map<UInt256, UInt256> slots = new HashMap<>();
      for (UInt256 k : a.written) {
        UInt256 v = a.current.containsKey(k) ? a.current.get(k) : a.original.get(k);
        slots.put(k, v == null ? UInt256.ZERO : v);
      }
      out.add(new AccountChange(e.getKey(), false, a.nonce, a.balance, a.codeHash, code(e.getKey()),
          a.storageCleared, slots));
    }
    return out;
  }
}
