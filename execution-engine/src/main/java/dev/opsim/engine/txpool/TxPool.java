package dev.opsim.engine.txpool;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import dev.opsim.protocol.tx.Transaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.tuweni.bytes.Bytes;

/**
 * The transaction pool: admission with geth's validation rules, per-sender nonce ordering (pending = consecutive
 * nonces from the account nonce, queued = behind a gap), replacement with a price bump, global and per-sender
 * limits with eviction of the cheapest transaction, and the price-and-nonce order for block building.
 *
 * <p>Thread safety: every public method may be called from any thread. All mutable state is guarded by one
 * {@link ReentrantLock} (not {@code synchronized}, so virtual threads of the RPC server do not pin their carrier
 * while waiting). Decoding, hashing, signature recovery and intrinsic gas run before the lock is taken; only the
 * checks against account state and the pool's contents run under it. Results are immutable snapshots.
 *
 * <p>Limits: a transaction that passes validation is refused if its sender already has {@code accountSlots}
 * transactions (unless it replaces one); when the pool holds {@code globalSlots} transactions, the one with the
 * lowest effective tip at the current base fee is evicted, but only for a transaction paying strictly more, and a
 * queued transaction never evicts a pending one. Transactions from reorged-out blocks are not re-added (the
 * engine may offer them again with {@link #add(Transaction)}).
 */
public final class TxPool {
  private final TxPoolConfig config;
  private final ReentrantLock lock = new ReentrantLock();
  // Guarded by lock.
  private TxPoolState state;
  private BigInteger baseFee;
  private final Map<Hash, PooledTransaction> byHash = new HashMap<>();
  private final Map<Address, SenderTransactions> bySender = new LinkedHashMap<>();
  private long nextSequence;

  public TxPool(TxPoolConfig config, TxPoolState state, BigInteger baseFee) {
    this.config = Objects.requireNonNull(config, "config");
    this.state = Objects.requireNonNull(state, "state");
    this.baseFee = Objects.requireNonNull(baseFee, "baseFee");
  }

  public TxPoolConfig config() {
    return config;
  }

  /** Offers raw EIP-2718 bytes (what {@code eth_sendRawTransaction} receives). */
  public AddResult add(Bytes raw) {
    if (raw.size() > config.maxTxSize()) {
      return new AddResult.Rejected(null, RejectReason.OVERSIZED_DATA,
          "transaction size " + raw.size() + ", limit " + config.maxTxSize());
    }
    if (!raw.isEmpty() && (raw.get(0) & 0xFF) == Transaction.DEPOSIT_TYPE) {
      // protocol-reference 2.4: deposits only enter blocks through payload attributes.
      return new AddResult.Rejected(Keccak.hash(raw), RejectReason.TX_TYPE_NOT_SUPPORTED, "deposit transaction");
    }
    Transaction tx;
    try {
      tx = Transaction.decode(raw);
    } catch (DecodeException e) {
      return new AddResult.Rejected(null, RejectReason.MALFORMED, e.getMessage());
    }
    return add(tx);
  }

  /** Offers a decoded transaction. */
  public AddResult add(Transaction tx) {
    Bytes encoded = tx.encode();
    Hash hash = Keccak.hash(encoded);
    TxValidator.Checked checked = TxValidator.validateStateless(config, tx, encoded.size(), hash);
    if (checked.rejection() != null) {
      return checked.rejection();
    }
    lock.lock();
    try {
      return admit(tx, hash, checked.sender(), encoded.size());
    } finally {
      lock.unlock();
    }
  }

  private AddResult admit(Transaction tx, Hash hash, Address sender, int size) {
    if (byHash.containsKey(hash)) {
      return new AddResult.Rejected(hash, RejectReason.ALREADY_KNOWN, "");
    }
    PooledTransaction candidate = new PooledTransaction(tx, hash, sender, size, nextSequence);
    if (candidate.feeCap().compareTo(baseFee) < 0) {
      return new AddResult.Rejected(hash, RejectReason.FEE_CAP_BELOW_BASE_FEE,
          "address " + sender + ", maxFeePerGas: " + candidate.feeCap() + ", baseFee: " + baseFee);
    }
    long accountNonce = state.nonce(sender);
    if (Long.compareUnsigned(tx.nonce(), accountNonce) < 0) {
      return new AddResult.Rejected(hash, RejectReason.NONCE_TOO_LOW, "address " + sender + ", tx: "
          + Long.toUnsignedString(tx.nonce()) + " state: " + Long.toUnsignedString(accountNonce));
    }
    SenderTransactions own = bySender.get(sender);
    PooledTransaction previous = own == null ? null : own.get(tx.nonce());

    BigInteger balance = state.balance(sender);
    BigInteger cost = costOf(candidate);
    BigInteger others = own == null ? BigInteger.ZERO : own.totalCost(tx.nonce(), this::costOf);
    if (balance.compareTo(cost) < 0 || balance.compareTo(others.add(cost)) < 0) {
      return new AddResult.Rejected(hash, RejectReason.INSUFFICIENT_FUNDS, "balance " + balance + ", tx cost "
          + cost + ", overshot " + others.add(cost).subtract(balance));
    }

    List<Removal> removed = new ArrayList<>();
    if (previous != null) {
      if (!isSufficientBump(previous, candidate)) {
        return new AddResult.Rejected(hash, RejectReason.REPLACEMENT_UNDERPRICED, "need " + config.priceBumpPercent()
            + "% more than tip " + previous.tipCap() + " and fee cap " + previous.feeCap());
      }
      removeFromPool(previous);
      removed.add(new Removal(previous, RemovalReason.REPLACED));
    } else {
      if (own != null && own.size() >= config.accountSlots()) {
        return new AddResult.Rejected(hash, RejectReason.ACCOUNT_LIMIT_EXCEEDED,
            "sender " + sender + " has " + own.size() + " transactions, limit " + config.accountSlots());
      }
      if (byHash.size() >= config.globalSlots()) {
        Optional<AddResult.Rejected> noRoom = makeRoom(candidate, own, removed);
        if (noRoom.isPresent()) {
          return noRoom.get();
        }
      }
    }
    own = bySender.computeIfAbsent(sender, a -> new SenderTransactions(state.nonce(a)));
    own.put(candidate);
    byHash.put(hash, candidate);
    nextSequence++;
    return new AddResult.Accepted(candidate, own.wouldBePending(candidate.nonce()), removed);
  }

  /** geth's rule (legacypool list.go): both caps strictly higher and at least {@code bump}% higher (floored). */
  private boolean isSufficientBump(PooledTransaction old, PooledTransaction replacement) {
    BigInteger factor = BigInteger.valueOf(100L + config.priceBumpPercent());
    BigInteger hundred = BigInteger.valueOf(100);
    BigInteger minFeeCap = old.feeCap().multiply(factor).divide(hundred);
    BigInteger minTip = old.tipCap().multiply(factor).divide(hundred);
    return replacement.feeCap().compareTo(old.feeCap()) > 0
        && replacement.tipCap().compareTo(old.tipCap()) > 0
        && replacement.feeCap().compareTo(minFeeCap) >= 0
        && replacement.tipCap().compareTo(minTip) >= 0;
  }

  /**
   * Evicts the cheapest transaction (lowest effective tip at the current base fee, latest arrival first among
   * equals) for {@code candidate}, or says why it may not. The candidate's own lower nonces are never victims:
   * evicting them would make the candidate unexecutable.
   */
  private Optional<AddResult.Rejected> makeRoom(PooledTransaction candidate, SenderTransactions own,
      List<Removal> removed) {
    PooledTransaction victim = null;
    BigInteger victimTip = null;
    for (PooledTransaction tx : byHash.values()) {
      if (tx.sender().equals(candidate.sender()) && Long.compareUnsigned(tx.nonce(), candidate.nonce()) < 0) {
        continue;
      }
      BigInteger tip = tx.effectiveTip(baseFee);
      int order = victim == null ? -1 : tip.compareTo(victimTip);
      if (order < 0 || (order == 0 && tx.sequence() > victim.sequence())) {
        victim = tx;
        victimTip = tip;
      }
    }
    if (victim == null) {
      return Optional.of(new AddResult.Rejected(candidate.hash(), RejectReason.TXPOOL_FULL, ""));
    }
    if (candidate.effectiveTip(baseFee).compareTo(victimTip) <= 0) {
      return Optional.of(new AddResult.Rejected(candidate.hash(), RejectReason.UNDERPRICED,
          "pool is full and its cheapest transaction tips " + victimTip));
    }
    boolean candidatePending = own == null
        ? candidate.nonce() == state.nonce(candidate.sender())
        : own.wouldBePending(candidate.nonce());
    if (!candidatePending && isPending(victim)) {
      return Optional.of(new AddResult.Rejected(candidate.hash(), RejectReason.TXPOOL_FULL,
          "a queued transaction may not evict a pending one"));
    }
    removeFromPool(victim);
    removed.add(new Removal(victim, RemovalReason.EVICTED_UNDERPRICED));
    return Optional.empty();
  }

  private boolean isPending(PooledTransaction tx) {
    SenderTransactions own = bySender.get(tx.sender());
    return own != null && own.wouldBePending(tx.nonce());
  }

  private BigInteger costOf(PooledTransaction tx) {
    return tx.cost().add(state.l1DataFee(tx.tx()));
  }

  private void removeFromPool(PooledTransaction tx) {
    byHash.remove(tx.hash());
    SenderTransactions own = bySender.get(tx.sender());
    if (own != null) {
      own.remove(tx.nonce());
      if (own.isEmpty()) {
        bySender.remove(tx.sender());
      }
    }
  }

  /**
   * Moves the pool to a new head: removes the included transactions and those whose nonce is now below the
   * account nonce, then those whose own cost exceeds the sender's new balance. What follows a removed
   * transaction becomes queued; what the new account nonce makes consecutive becomes pending.
   *
   * @return what left the pool, with reasons
   */
  public List<Removal> onNewHead(TxPoolState newState, BigInteger newBaseFee, Collection<Hash> included) {
    Objects.requireNonNull(newState, "newState");
    Objects.requireNonNull(newBaseFee, "newBaseFee");
    lock.lock();
    try {
      state = newState;
      baseFee = newBaseFee;
      List<Removal> removed = new ArrayList<>();
      for (Hash hash : included) {
        PooledTransaction tx = byHash.get(hash);
        if (tx != null) {
          removeFromPool(tx);
          removed.add(new Removal(tx, RemovalReason.INCLUDED));
        }
      }
      Iterator<Map.Entry<Address, SenderTransactions>> senders = bySender.entrySet().iterator();
      while (senders.hasNext()) {
        Map.Entry<Address, SenderTransactions> entry = senders.next();
        SenderTransactions own = entry.getValue();
        own.setAccountNonce(state.nonce(entry.getKey()));
        for (PooledTransaction stale : own.removeBelowAccountNonce()) {
          byHash.remove(stale.hash());
          removed.add(new Removal(stale, RemovalReason.STALE_NONCE));
        }
        BigInteger balance = state.balance(entry.getKey());
        for (PooledTransaction tx : List.copyOf(own.all())) {
          if (costOf(tx).compareTo(balance) > 0) {
            own.remove(tx.nonce());
            byHash.remove(tx.hash());
            removed.add(new Removal(tx, RemovalReason.INSUFFICIENT_FUNDS));
          }
        }
        if (own.isEmpty()) {
          senders.remove();
        }
      }
      return removed;
    } finally {
      lock.unlock();
    }
  }

  /** Removes one transaction on request (e.g. it failed in the block builder); later nonces become queued. */
  public Optional<Removal> remove(Hash hash) {
    lock.lock();
    try {
      PooledTransaction tx = byHash.get(hash);
      if (tx == null) {
        return Optional.empty();
      }
      removeFromPool(tx);
      return Optional.of(new Removal(tx, RemovalReason.DROPPED));
    } finally {
      lock.unlock();
    }
  }

  /**
   * The executable transactions in price-and-nonce order at {@code baseFee}. A sender's run stops before its first
   * transaction whose fee cap is below {@code baseFee} (it and its successors cannot be included yet).
   */
  public PendingTransactions pending(BigInteger baseFee) {
    lock.lock();
    try {
      List<List<PooledTransaction>> runs = new ArrayList<>(bySender.size());
      for (SenderTransactions own : bySender.values()) {
        List<PooledTransaction> run = new ArrayList<>();
        for (PooledTransaction tx : own.pending()) {
          if (tx.feeCap().compareTo(baseFee) < 0) {
            break;
          }
          run.add(tx);
        }
        runs.add(run);
      }
      return new PendingTransactions(baseFee, runs);
    } finally {
      lock.unlock();
    }
  }

  /** Pending and queued transactions per sender, nonce-ordered (for {@code txpool_content} and tests). */
  public TxPoolContent content() {
    lock.lock();
    try {
      Map<Address, List<PooledTransaction>> pending = new LinkedHashMap<>();
      Map<Address, List<PooledTransaction>> queued = new LinkedHashMap<>();
      bySender.forEach((address, own) -> {
        List<PooledTransaction> run = own.pending();
        if (!run.isEmpty()) {
          pending.put(address, run);
        }
        List<PooledTransaction> rest = own.all().stream().filter(tx -> !run.contains(tx)).toList();
        if (!rest.isEmpty()) {
          queued.put(address, rest);
        }
      });
      return new TxPoolContent(pending, queued);
    } finally {
      lock.unlock();
    }
  }

  /** The nonce for {@code eth_getTransactionCount(address, "pending")}: account nonce plus pending txs. */
  public long pendingNonce(Address address) {
    lock.lock();
    try {
      SenderTransactions own = bySender.get(address);
      return own == null ? state.nonce(address) : own.accountNonce() + own.pending().size();
    } finally {
      lock.unlock();
    }
  }

  public Optional<PooledTransaction> get(Hash hash) {
    lock.lock();
    try {
      return Optional.ofNullable(byHash.get(hash));
    } finally {
      lock.unlock();
    }
  }

  public boolean contains(Hash hash) {
    return get(hash).isPresent();
  }

  /** Number of transactions, pending and queued. */
  public int size() {
    lock.lock();
    try {
      return byHash.size();
    } finally {
      lock.unlock();
    }
  }

  public BigInteger baseFee() {
    lock.lock();
    try {
      return baseFee;
    } finally {
      lock.unlock();
    }
  }

  /** All transactions, in no particular order (for tests and diagnostics). */
  public List<PooledTransaction> all() {
    lock.lock();
    try {
      return List.copyOf(byHash.values());
    } finally {
      lock.unlock();
    }
  }
}
