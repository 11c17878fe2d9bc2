package dev.opsim.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.evm.state.JournaledState;
import dev.opsim.evm.tx.TransactionProcessor;
import dev.opsim.evm.tx.TxResult;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** Cancun extends Shanghai: new opcodes appear, redefined ones change, the rest is shared. */
class ForkLayeringTest {
  private static TxResult.Executed run(EvmSpec spec, String code) {
    EvmTestSupport t = new EvmTestSupport(code);
    JournaledState state = new JournaledState(t.base);
    TxResult r = new TransactionProcessor(spec, new PrecompileRegistry(), new CodeCache(4)).process(state,
        EvmTestSupport.call(EvmTestSupport.CONTRACT, 100_000, BigInteger.ZERO, Bytes.EMPTY),
        EvmTestSupport.block(30_000_000));
    return (TxResult.Executed) r;
  }

  @Test
  void cancunOpcodesAreInvalidUnderShanghai() {
    // PUSH0 TLOAD, PUSH0 PUSH0 PUSH0 MCOPY, PUSH0 BLOBHASH, BLOBBASEFEE
    for (String code : new String[] {"0x5f5c", "0x5f5f5f5e", "0x5f49", "0x4a"}) {
      assertEquals(Status.INVALID_OPCODE, run(new ShanghaiSpec(), code).status(), code);
      assertTrue(run(new CancunSpec(), code).success(), code);
    }
  }

  @Test
  void tablesShareTheBaseAndOverrideSelfDestruct() {
    EvmSpec shanghai = new ShanghaiSpec();
    EvmSpec cancun = new CancunSpec();
    assertEquals("ADD", cancun.opcodeName(0x01));
    assertEquals("TLOAD", cancun.opcodeName(0x5c));
    assertEquals("INVALID", shanghai.opcodeName(0x5c));
    assertFalse(cancun.operations[0xff] == shanghai.operations[0xff]);
    assertEquals(9, shanghai.precompileCount());
    assertEquals(10, cancun.precompileCount());
  }

  @Test
  void selfDestructOfAnOldContractOnlyMovesTheBalanceUnderCancun() {
    // PUSH20 beneficiary SELFDESTRUCT
    String code = "0x73" + "00000000000000000000000000000000000000bb" + "ff";
    EvmTestSupport t = new EvmTestSupport(code);
    JournaledState state = new JournaledState(t.base);
    new TransactionProcessor(new CancunSpec(), new PrecompileRegistry(), new CodeCache(4)).process(state,
        EvmTestSupport.call(EvmTestSupport.CONTRACT, 100_000, BigInteger.ONE, Bytes.EMPTY),
        EvmTestSupport.block(30_000_000));
    assertTrue(state.exists(EvmTestSupport.CONTRACT));
    JournaledState old = new JournaledState(t.base);
    new TransactionProcessor(new ShanghaiSpec(), new PrecompileRegistry(), new CodeCache(4)).process(old,
        EvmTestSupport.call(EvmTestSupport.CONTRACT, 100_000, BigInteger.ONE, Bytes.EMPTY),
        EvmTestSupport.block(30_000_000));
    assertFalse(old.exists(EvmTestSupport.CONTRACT));
  }
}
