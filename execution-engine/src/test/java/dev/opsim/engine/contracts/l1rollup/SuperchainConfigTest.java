package dev.opsim.engine.contracts.l1rollup;

import static dev.opsim.engine.contracts.l1rollup.Abi.address;
import static dev.opsim.engine.contracts.l1rollup.Abi.addressAt;
import static dev.opsim.engine.contracts.l1rollup.Abi.call;
import static dev.opsim.engine.contracts.l1rollup.Abi.topic;
import static dev.opsim.engine.contracts.l1rollup.Abi.uintAt;
import static dev.opsim.engine.contracts.l1rollup.L1Evm.assertReverts;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.DEPLOYER;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.GUARDIAN;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;

/** SuperchainConfig: the guardian pauses and unpauses; nobody else can (protocol-reference 12.4). */
class SuperchainConfigTest {
  private final L1Rollup rollup = new L1Rollup();
  private final L1Evm evm = rollup.evm;

  @Test
  void guardianPausesAndUnpausesWithEvents() {
    Address config = rollup.superchainConfig;
    assertEquals(GUARDIAN, addressAt(evm.call(USER, config, call("guardian()")), 0));
    assertEquals(BigInteger.ZERO, uintAt(evm.call(USER, config, call("paused()")), 0));

    TxResult.Executed pause = evm.send(GUARDIAN, config, call("pause(string)", new Utf8String("incident 7")));
    assertTrue(pause.success());
    assertEquals(List.of(topic("Paused(string)")), pause.logs().get(0).topics());
    List<Type> reason = FunctionReturnDecoder.decode(pause.logs().get(0).data().toHexString(),
        L1Evm.outputs(new TypeReference<Utf8String>() {}));
    assertEquals("incident 7", reason.get(0).getValue());
    assertEquals(BigInteger.ONE, uintAt(evm.call(USER, config, call("paused()")), 0));
    // The portal reports the same.
    assertEquals(BigInteger.ONE, uintAt(evm.call(USER, rollup.portal, call("paused()")), 0));
    assertEquals(GUARDIAN, addressAt(evm.call(USER, rollup.portal, call("guardian()")), 0));

    TxResult.Executed unpause = evm.send(GUARDIAN, config, call("unpause()"));
    assertTrue(unpause.success());
    assertEquals(List.of(topic("Unpaused()")), unpause.logs().get(0).topics());
    assertEquals(BigInteger.ZERO, uintAt(evm.call(USER, config, call("paused()")), 0));
  }

  @Test
  void othersCannotPauseOrUnpause() {
    Address config = rollup.superchainConfig;
    assertReverts(evm.send(USER, config, call("pause(string)", new Utf8String("x"))),
        "SuperchainConfig: only guardian can pause");
    assertTrue(evm.send(GUARDIAN, config, call("pause(string)", new Utf8String("x"))).success());
    assertReverts(evm.send(USER, config, call("unpause()")), "SuperchainConfig: only guardian can unpause");
    assertEquals(BigInteger.ONE, uintAt(evm.call(USER, config, call("paused()")), 0));
  }

  @Test
  void initializeMayStartPausedAndRunsOnce() {
    Address paused = evm.deployProxied(DEPLOYER, "SuperchainConfig",
        call("initialize(address,bool)", address(GUARDIAN), new Bool(true)));
    assertEquals(BigInteger.ONE, uintAt(evm.call(USER, paused, call("paused()")), 0));
    assertReverts(evm.send(USER, paused, call("initialize(address,bool)", address(USER), new Bool(false))),
        "Initializable: contract is already initialized");
    assertEquals(GUARDIAN, addressAt(evm.call(USER, paused, call("guardian()")), 0));
  }
}
