package dev.opsim.evm.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.evm.BlockEnv;
import dev.opsim.evm.CancunSpec;
import dev.opsim.evm.CodeCache;
import dev.opsim.evm.ExecutionResult;
import dev.opsim.evm.PrecompileRegistry;
import dev.opsim.evm.state.AccountChange;
import dev.opsim.evm.state.InMemoryBaseState;
import dev.opsim.evm.state.JournaledState;
import dev.opsim.evm.tx.BeaconRootsCall;
import dev.opsim.evm.tx.Transaction;
import dev.opsim.evm.tx.TransactionProcessor;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

/** EIP-4788 system call against the contract code the EIP publishes. */
class BeaconRootsCallTest {
  /** EIP-4788 runtime code (section "Deployment"; go-ethereum params.BeaconRootsCode is the same). */
  static final String RUNTIME = "0x3373fffffffffffffffffffffffffffffffffffffffe14604d57602036146024575f5ffd5b5f3580"
      + "1560495762001fff810690815414603c575f5ffd5b62001fff01545f5260205ff35b5f5ffd5b62001fff42064281555f359062001fff"
      + "015500";
  static final long HISTORY_BUFFER_LENGTH = 8191;
  static final Hash ROOT = Hash.fromHex("0x" + "ab".repeat(32));
  static final long TIMESTAMP = 1_710_338_135L;

  static BlockEnv block(long timestamp) {
    return new BlockEnv(10, Address.fromHex("0x4200000000000000000000000000000000000011"), 30_000_000, 9, timestamp,
        Hash.ZERO, BigInteger.valueOf(7), 0, n -> Hash.ZERO);
  }

  static BeaconRootsCall call() {
    return new BeaconRootsCall(new CancunSpec(), new PrecompileRegistry(), new CodeCache(4));
  }

  static InMemoryBaseState withContract() {
    InMemoryBaseState base = new InMemoryBaseState();
    base.put(BeaconRootsCall.BEACON_ROOTS_ADDRESS, 1, BigInteger.ZERO, Bytes.fromHexString(RUNTIME), Map.of());
    return base;
  }

  @Test
  void writesTimestampAndRootIntoTheRingBuffer() {
    JournaledState s = new JournaledState(withContract());
    ExecutionResult r = call().apply(s, block(TIMESTAMP), ROOT);
    assertTrue(r.success());
    long index = TIMESTAMP % HISTORY_BUFFER_LENGTH;
    Address a = BeaconRootsCall.BEACON_ROOTS_ADDRESS;
    assertEquals(UInt256.valueOf(TIMESTAMP), s.storage(a, UInt256.valueOf(index)));
    assertEquals(UInt256.fromBytes(ROOT.bytes()), s.storage(a, UInt256.valueOf(index + HISTORY_BUFFER_LENGTH)));
    List<AccountChange> changes = List.copyOf(s.changes());
    assertEquals(1, changes.size(), "only the contract's storage changes");
    assertEquals(a, changes.get(0).address());
    assertEquals(2, changes.get(0).storage().size());
    assertFalse(s.exists(BeaconRootsCall.SYSTEM_ADDRESS));
  }

  @Test
  void theStoredRootCanBeReadBackByTimestamp() {
    InMemoryBaseState base = withContract();
    JournaledState s = new JournaledState(base);
    call().apply(s, block(TIMESTAMP), ROOT);
    s.finishTransaction();
    base.apply(s.changes());
    Address reader = Address.fromHex("0x5000000000000000000000000000000000000005");
    base.put(reader, 0, BigInteger.TEN.pow(18), Bytes.EMPTY, Map.of());
    Transaction get = new Transaction(2, reader, 0, 100_000, null, BigInteger.TEN, BigInteger.ONE,
        BeaconRootsCall.BEACON_ROOTS_ADDRESS, BigInteger.ZERO, UInt256.valueOf(TIMESTAMP), List.of(), List.of(),
        null);
    TxResult r = new TransactionProcessor(new CancunSpec(), new PrecompileRegistry(), new CodeCache(4))
        .process(new JournaledState(base), get, block(TIMESTAMP + 12));
    TxResult.Executed e = (TxResult.Executed) r;
    assertTrue(e.success());
    assertEquals(ROOT.bytes(), e.output());
  }

  @Test
  void withoutTheContractNothingChanges() {
    JournaledState s = new JournaledState(new InMemoryBaseState());
    call().apply(s, block(TIMESTAMP), ROOT);
    assertTrue(s.changes().isEmpty());
    assertFalse(s.exists(BeaconRootsCall.SYSTEM_ADDRESS));
  }

  @Test
  void systemAddressBalanceAndNonceAreLeftAlone() {
    InMemoryBaseState base = withContract();
    base.put(BeaconRootsCall.SYSTEM_ADDRESS, 0, BigInteger.valueOf(5), Bytes.EMPTY, Map.of());
    JournaledState s = new JournaledState(base);
    call().apply(s, block(TIMESTAMP), ROOT);
    assertEquals(BigInteger.valueOf(5), s.balance(BeaconRootsCall.SYSTEM_ADDRESS));
    assertEquals(0, s.nonce(BeaconRootsCall.SYSTEM_ADDRESS));
    for (AccountChange c : s.changes()) {
      assertFalse(c.address().equals(BeaconRootsCall.SYSTEM_ADDRESS));
    }
  }

  @Test
  void anEmptyAccountAtTheSystemAddressIsClearedAsGethDoes() {
    InMemoryBaseState base = withContract();
    base.put(BeaconRootsCall.SYSTEM_ADDRESS, 0, BigInteger.ZERO, Bytes.EMPTY, Map.of());
    JournaledState s = new JournaledState(base);
    call().apply(s, block(TIMESTAMP), ROOT);
    assertFalse(s.exists(BeaconRootsCall.SYSTEM_ADDRESS));
  }
}
