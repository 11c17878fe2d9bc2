package dev.opsim.evm.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.Address;
import java.math.BigInteger;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

/** Checkpoints, transaction boundaries and the change read-out. */
class JournaledStateTest {
  private static final Address A = Address.fromHex("0x00000000000000000000000000000000000000aa");
  private static final Address B = Address.fromHex("0x00000000000000000000000000000000000000bb");
  private static final UInt256 K = UInt256.valueOf(7);

  private static InMemoryBaseState base() {
    InMemoryBaseState base = new InMemoryBaseState();
    base.put(A, 1, BigInteger.TEN, Bytes.fromHexString("0x00"), Map.of(K, UInt256.ONE));
    return base;
  }

  @Test
  void revertUndoesEverythingAfterTheCheckpoint() {
    JournaledState s = new JournaledState(base());
    s.beginTransaction();
    int cp = s.checkpoint();
    s.setStorage(A, K, UInt256.valueOf(5));
    s.addBalance(B, BigInteger.ONE);
    s.warm(B);
    s.setTransientStorage(A, K, UInt256.ONE);
    s.addRefund(4800);
    s.addLog(new Log(A, java.util.List.of(), Bytes.EMPTY));
    s.revert(cp);
    assertEquals(UInt256.ONE, s.storage(A, K));
    assertFalse(s.exists(B));
    assertFalse(s.isWarm(B));
    assertEquals(UInt256.ZERO, s.transientStorage(A, K));
    assertEquals(0, s.refund());
    assertTrue(s.logs().isEmpty());
  }

  @Test
  void originalValueIsTheValueAtTheStartOfEachTransaction() {
    JournaledState s = new JournaledState(base());
    s.beginTransaction();
    s.setStorage(A, K, UInt256.valueOf(5));
    assertEquals(UInt256.ONE, s.originalStorage(A, K));
    s.finishTransaction();
    s.beginTransaction();
    assertEquals(UInt256.valueOf(5), s.originalStorage(A, K));
    s.setStorage(A, K, UInt256.valueOf(6));
    s.finishTransaction();
    Map<Address, AccountChange> changes = s.changes().stream()
        .collect(Collectors.toMap(AccountChange::address, c -> c));
    assertEquals(UInt256.valueOf(6), changes.get(A).storage().get(K));
  }

  @Test
  void touchedEmptyAccountsAreRemovedAndNewSelfDestructedOnesToo() {
    InMemoryBaseState base = base();
    base.put(B, 0, BigInteger.ZERO, Bytes.EMPTY, Map.of());
    JournaledState s = new JournaledState(base);
    s.beginTransaction();
    s.addBalance(B, BigInteger.ZERO); // a touch of an empty account (EIP-161)
    Address c = Address.fromHex("0x00000000000000000000000000000000000000cc");
    s.createContract(c, 1);
    s.setCode(c, Bytes.fromHexString("0x00"));
    s.markSelfDestructed(c);
    s.finishTransaction();
    base.apply(s.changes());
    assertEquals(null, base.account(B));
    assertEquals(null, base.account(c));
    assertEquals(BigInteger.TEN, base.account(A).balance());
  }

  @Test
  void collisionSeesNonceCodeOrStorage() {
    JournaledState s = new JournaledState(base());
    assertTrue(s.hasCollision(A));
    assertFalse(s.hasCollision(B));
  }
}
