package dev.opsim.devnet.genesis;

import dev.opsim.engine.genesis.GenesisAccount;
import dev.opsim.evm.BlockEnv;
import dev.opsim.evm.CancunSpec;
import dev.opsim.evm.CodeCache;
import dev.opsim.evm.EvmSpec;
import dev.opsim.evm.StandardPrecompiles;
import dev.opsim.evm.state.InMemoryBaseState;
import dev.opsim.evm.state.JournaledState;
import dev.opsim.evm.tx.Transaction;
import dev.opsim.evm.tx.TransactionProcessor;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Runs constructors and initialisers on our EVM (Cancun rules) over an in-memory state, the way a genesis allocation
 * is made: every call is a zero-priced transaction in a block at the genesis number and time, and the resulting
 * accounts are dumped as genesis {@code alloc} entries. Any failed transaction is an error (with the revert data).
 */
public final class EvmDeployer {
  /** Transactions get this much gas; the block has the same limit. */
  static final long GAS = 1_000_000_000L;

  private final InMemoryBaseState state = new InMemoryBaseState();
  private final EvmSpec spec = new CancunSpec();
  private final TransactionProcessor processor =
      new TransactionProcessor(spec, StandardPrecompiles.forSpec(spec), new CodeCache(64));
  private final BlockEnv block;

  public EvmDeployer(long chainId, long timestamp) {
    block = new BlockEnv(chainId, Address.ZERO, GAS, 0, timestamp, Hash.ZERO, BigInteger.ZERO, 0, n -> Hash.ZERO);
  }

  /** Runs {@code initCode} (creation code plus encoded constructor arguments) from {@code from}; the new address. */
  public Address create(Address from, Bytes initCode, String what) {
    TxResult.Executed result = send(from, null, BigInteger.ZERO, initCode, what);
    return result.contractAddress();
  }

  /** Calls {@code to} with {@code data} from {@code from}; the return data. */
  public Bytes call(Address from, Address to, Bytes data, String what) {
    return send(from, to, BigInteger.ZERO, data, what).output();
  }

  private TxResult.Executed send(Address from, Address to, BigInteger value, Bytes data, String what) {
    JournaledState journal = new JournaledState(state);
    Transaction tx = new Transaction(2, from, nonce(from), GAS, null, BigInteger.ZERO, BigInteger.ZERO, to, value,
        data, List.of(), List.of(), null);
    TxResult result = processor.process(journal, tx, block);
    if (!(result instanceof TxResult.Executed executed)) {
      throw new DeploymentException(what + ": transaction rejected: " + result);
    }
    if (!executed.success()) {
      throw new DeploymentException(what + ": reverted (status " + executed.status() + ", data "
          + executed.output().toHexString() + ")");
    }
    state.apply(journal.changes());
    return executed;
  }

  public long nonce(Address address) {
    InMemoryBaseState.Entry e = state.accounts().get(address);
    return e == null ? 0 : e.nonce;
  }

  public Bytes code(Address address) {
    InMemoryBaseState.Entry e = state.accounts().get(address);
    return e == null ? Bytes.EMPTY : e.code;
  }

  public UInt256 storage(Address address, UInt256 slot) {
    return state.storage(address, slot);
  }

  /** Storage of {@code address} (non-zero slots, by slot). */
  public Map<UInt256, UInt256> storage(Address address) {
    InMemoryBaseState.Entry e = state.accounts().get(address);
    return e == null ? Map.of() : Map.copyOf(e.storage);
  }

  /** Puts an account as given (replacing any), as a genesis allocation would. */
  public void put(Address address, long nonce, BigInteger balance, Bytes code, Map<UInt256, UInt256> storage) {
    state.put(address, nonce, balance, code, storage);
  }

  public void setBalance(Address address, BigInteger balance) {
    InMemoryBaseState.Entry e = state.accounts().get(address);
    if (e == null) {
      put(address, 0, balance, Bytes.EMPTY, Map.of());
    } else {
      e.balance = balance;
    }
  }

  public void setStorage(Address address, UInt256 slot, UInt256 value) {
    InMemoryBaseState.Entry e = state.accounts().get(address);
    Map<UInt256, UInt256> storage = new TreeMap<>(e == null ? Map.of() : e.storage);
    storage.put(slot, value);
    put(address, e == null ? 0 : e.nonce, e == null ? BigInteger.ZERO : e.balance, e == null ? Bytes.EMPTY : e.code,
        storage);
  }

  /** Moves the code and storage of {@code from} to {@code to} (nonce 1, as a created contract) and removes it. */
  public void relocate(Address from, Address to) {
    InMemoryBaseState.Entry e = state.accounts().get(from);
    if (e == null) {
      throw new DeploymentException("nothing to relocate at " + from);
    }
    state.accounts().remove(from);
    put(to, 1, e.balance, e.code, e.storage);
  }

  /**
   * The genesis allocation: every account with code, balance, nonce or storage, except {@code excluded}, sorted by
   * address.
   */
  public Map<Address, GenesisAccount> dump(Set<Address> excluded) {
    Map<Address, GenesisAccount> out = new LinkedHashMap<>();
    state.accounts().entrySet().stream()
        .filter(e -> !excluded.contains(e.getKey()))
        .sorted(Comparator.comparing(e -> e.getKey().toString()))
        .forEach(e -> {
          InMemoryBaseState.Entry a = e.getValue();
          if (a.code.isEmpty() && a.balance.signum() == 0 && a.nonce == 0 && a.storage.isEmpty()) {
            return;
          }
          Map<Bytes32, Bytes32> storage = new LinkedHashMap<>();
          a.storage.forEach((k, v) -> storage.put(Bytes32.wrap(k.toArrayUnsafe()), Bytes32.wrap(v.toArrayUnsafe())));
          out.put(e.getKey(), new GenesisAccount(a.balance, a.code, a.nonce, storage));
        });
    return out;
  }
}
