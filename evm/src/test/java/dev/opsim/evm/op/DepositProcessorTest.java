package dev.opsim.evm.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.evm.BlockEnv;
import dev.opsim.evm.CancunSpec;
import dev.opsim.evm.CodeCache;
import dev.opsim.evm.ContractAddress;
import dev.opsim.evm.PrecompileRegistry;
import dev.opsim.evm.Status;
import dev.opsim.evm.state.AccountChange;
import dev.opsim.evm.state.InMemoryBaseState;
import dev.opsim.evm.state.JournaledState;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Fixtures;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Hex;
import dev.opsim.protocol.Keccak;
import dev.opsim.protocol.deposit.DepositTx;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;

/** The deposit rules of protocol-reference 2.4, one named case each. */
class DepositProcessorTest {
  static final Address FROM = Address.fromHex("0x1111000000000000000000000000000000002222");
  static final Address TARGET = Address.fromHex("0x3000000000000000000000000000000000000003");
  static final Address EOA = Address.fromHex("0x4000000000000000000000000000000000000004");
  static final Address COINBASE = Address.fromHex("0x4200000000000000000000000000000000000011");
  /** PUSH1 1 PUSH1 0 SSTORE PUSH1 0 PUSH1 0 REVERT: writes, then reverts. */
  static final String REVERTING = "0x600160005560006000fd";
  /** GASPRICE, then ORIGIN and CALLER, returned as three words. */
  static final String ECHO_CONTEXT = "0x3a600052326020523360405260606000f3";

  static BlockEnv block() {
    return new BlockEnv(10, COINBASE, 30_000_000, 5, 1_700_000_000L, Hash.ZERO, BigInteger.valueOf(7), 0,
        n -> Hash.ZERO);
  }

  static DepositProcessor processor() {
    return new DepositProcessor(new CancunSpec(), new PrecompileRegistry(), new CodeCache(8));
  }

  static DepositTx deposit(Address from, Address to, long mint, long value, long gas, boolean system, String data) {
    return new DepositTx(Hash.ZERO, from, Optional.ofNullable(to), BigInteger.valueOf(mint), BigInteger.valueOf(value),
        gas, system, Bytes.fromHexString(data));
  }

  static InMemoryBaseState world() {
    InMemoryBaseState base = new InMemoryBaseState();
    base.put(TARGET, 1, BigInteger.ZERO, Bytes.fromHexString(REVERTING), Map.of());
    return base;
  }

  @Test
  void mintSurvivesRevert() {
    JournaledState s = new JournaledState(world());
    DepositResult r = processor().process(s, deposit(FROM, TARGET, 1000, 0, 100_000, false, "0x"), block(), true);
    assertFalse(r.success());
    assertEquals(Status.REVERT, r.status());
    assertEquals(0, r.receiptStatus());
    assertEquals(BigInteger.valueOf(1000), s.balance(FROM));
    assertEquals(1, s.nonce(FROM));
    assertEquals(UInt256.ZERO, s.storage(TARGET, UInt256.ZERO), "the callee's write is reverted");
    assertTrue(r.logs().isEmpty());
    // metered: 21000 intrinsic + 2 PUSH1 + cold SSTORE 22100 + 2 PUSH1; nothing refunded to the sender as ETH
    assertEquals(21000 + 3 + 3 + 22100 + 3 + 3, r.gasUsed());
  }

  @Test
  void valueAboveBalanceAfterMintFailsKeepsMintAndBumpsNonce() {
    JournaledState s = new JournaledState(world());
    DepositResult r = processor().process(s, deposit(FROM, EOA, 5, 10, 50_000, false, "0x"), block(), true);
    assertFalse(r.success());
    assertEquals(DepositResult.FAILED_STATUS, r.status());
    assertEquals(50_000, r.gasUsed(), "a failed deposit uses its whole gas limit");
    assertEquals(0, r.depositNonce());
    assertEquals(BigInteger.valueOf(5), s.balance(FROM), "state is rolled back to just after the mint");
    assertEquals(1, s.nonce(FROM));
    assertFalse(s.exists(EOA));
    assertNull(r.contractAddress());
    assertEquals(Bytes.EMPTY, r.output());
  }

  @Test
  void intrinsicGasAboveLimitIsAFailedDepositNotARejection() {
    JournaledState s = new JournaledState(world());
    DepositResult r = processor().process(s, deposit(FROM, EOA, 7, 1, 20_999, false, "0x"), block(), true);
    assertFalse(r.success());
    assertEquals(DepositResult.FAILED_STATUS, r.status());
    assertEquals(20_999, r.gasUsed());
    assertEquals(BigInteger.valueOf(7), s.balance(FROM));
    assertEquals(1, s.nonce(FROM));
    assertFalse(s.exists(EOA), "the value transfer did not happen");
  }

  @Test
  void nonceBumpsOnFailureFromAnExistingNonce() {
    InMemoryBaseState base = world();
    base.put(FROM, 41, BigInteger.ONE, Bytes.EMPTY, Map.of());
    JournaledState s = new JournaledState(base);
    DepositResult r = processor().process(s, deposit(FROM, EOA, 0, 2, 100_000, false, "0x"), block(), true);
    assertFalse(r.success());
    assertEquals(41, r.depositNonce());
    assertEquals(42, s.nonce(FROM));
    assertEquals(BigInteger.ONE, s.balance(FROM));
  }

  @Test
  void creationLandsAtCreateOfFromAndNonceBefore() {
    InMemoryBaseState base = world();
    base.put(FROM, 3, BigInteger.ZERO, Bytes.EMPTY, Map.of());
    JournaledState s = new JournaledState(base);
    // init code returning the one-byte runtime 0x00
    DepositResult r = processor().process(s, deposit(FROM, null, 0, 0, 200_000, false, "0x60016000f3"), block(),
        true);
    assertTrue(r.success());
    assertEquals(3, r.depositNonce());
    assertEquals(ContractAddress.createAddress(FROM, 3), r.contractAddress());
    assertEquals(4, s.nonce(FROM));
    assertTrue(s.hasCode(r.contractAddress()));
  }

  @Test
  void regolithRecordsMeteredGasPreRegolithTheLimit() {
    DepositTx transfer = deposit(FROM, EOA, 10, 3, 100_000, false, "0x");
    DepositResult regolith = processor().process(new JournaledState(world()), transfer, block(), true);
    DepositResult bedrock = processor().process(new JournaledState(world()), transfer, block(), false);
    assertTrue(regolith.success());
    assertTrue(bedrock.success());
    assertEquals(21_000, regolith.gasUsed());
    assertEquals(100_000, bedrock.gasUsed());
  }

  @Test
  void systemTxPreRegolithUsesNoGas() {
    JournaledState s = new JournaledState(world());
    DepositResult r = processor().process(s, deposit(FROM, EOA, 0, 0, 150_000_000, true, "0x"), block(), false);
    assertTrue(r.success());
    assertEquals(0, r.gasUsed());
    assertEquals(1, s.nonce(FROM));
    DepositResult failed = processor().process(new JournaledState(world()),
        deposit(FROM, EOA, 0, 0, 100, true, "0x"), block(), false);
    assertFalse(failed.success());
    assertEquals(0, failed.gasUsed(), "a failed pre-Regolith system tx also records 0");
  }

  @Test
  void systemTxFromRegolithFailsWithItsGasLimit() {
    JournaledState s = new JournaledState(world());
    DepositResult r = processor().process(s, deposit(FROM, EOA, 9, 0, 1_000_000, true, "0x"), block(), true);
    assertFalse(r.success());
    assertEquals(1_000_000, r.gasUsed());
    assertEquals(BigInteger.valueOf(9), s.balance(FROM));
    assertEquals(1, s.nonce(FROM));
  }

  @Test
  void gasPriceIsZeroNothingIsChargedAndTheCoinbaseIsUntouched() {
    InMemoryBaseState base = world();
    base.put(TARGET, 1, BigInteger.ZERO, Bytes.fromHexString(ECHO_CONTEXT), Map.of());
    base.put(FROM, 0, BigInteger.valueOf(500), Bytes.fromHexString("0x00"), Map.of()); // has code: no EOA check
    JournaledState s = new JournaledState(base);
    DepositResult r = processor().process(s, deposit(FROM, TARGET, 0, 100, 100_000, false, "0x"), block(), true);
    assertTrue(r.success());
    Bytes out = r.output();
    assertEquals(UInt256.ZERO, UInt256.fromBytes(out.slice(0, 32)), "GASPRICE");
    assertEquals(FROM.toWord(), out.slice(32, 32), "ORIGIN");
    assertEquals(FROM.toWord(), out.slice(64, 32), "CALLER");
    assertEquals(BigInteger.valueOf(400), s.balance(FROM), "only the value left the sender");
    assertEquals(BigInteger.valueOf(100), s.balance(TARGET));
    for (AccountChange c : s.changes()) {
      assertFalse(c.address().equals(COINBASE), "the coinbase was touched");
    }
  }

  @Test
  void upgradeDepositDeploysTheBeaconRootsContractAtItsEip4788Address() throws DecodeException {
    DepositTx d = DepositTx.decode(Hex.decode(Fixtures.text("op/deposits/upgrade-txs/ecotone_tx_5.hex").trim()));
    JournaledState s = new JournaledState(new InMemoryBaseState());
    DepositResult r = processor().process(s, d, block(), true);
    assertTrue(r.success());
    // EIP-4788: deployer 0x0B799C86a49DEeb90402691F1041aa3AF2d3C875 at nonce 0 creates BEACON_ROOTS_ADDRESS
    assertEquals(Address.fromHex("0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02"), r.contractAddress());
    assertEquals(Bytes.fromHexString(BeaconRootsCallTest.RUNTIME), s.code(r.contractAddress()));
    assertTrue(r.gasUsed() < d.gas());
  }

  @Test
  void upgradeDepositDeploysEcotoneL1BlockWithTheSpecCodeHash() throws DecodeException {
    DepositTx d = DepositTx.decode(Hex.decode(Fixtures.text("op/deposits/upgrade-txs/ecotone_tx_0.hex").trim()));
    JournaledState s = new JournaledState(new InMemoryBaseState());
    DepositResult r = processor().process(s, d, block(), true);
    assertTrue(r.success());
    // specs/protocol/ecotone/derivation.md via the fixture README: address and deployed code hash
    assertEquals(Address.fromHex("0x07dbe8500fc591d1852b76fee44d5a05e13097ff"), r.contractAddress());
    assertEquals(Hash.fromHex("0xc88a313aa75dc4fbf0b6850d9f9ae41e04243b7008cf3eadb29256d4a71c1dfd"),
        Keccak.hash(s.code(r.contractAddress())));
  }
}
