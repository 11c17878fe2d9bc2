package dev.opsim.engine.contracts.l1rollup;

import static dev.opsim.engine.contracts.l1rollup.Abi.address;
import static dev.opsim.engine.contracts.l1rollup.Abi.addressAt;
import static dev.opsim.engine.contracts.l1rollup.Abi.bytes32;
import static dev.opsim.engine.contracts.l1rollup.Abi.call;
import static dev.opsim.engine.contracts.l1rollup.Abi.topic;
import static dev.opsim.engine.contracts.l1rollup.Abi.uint;
import static dev.opsim.engine.contracts.l1rollup.Abi.uintAt;
import static dev.opsim.engine.contracts.l1rollup.Abi.word;
import static dev.opsim.engine.contracts.l1rollup.L1Evm.ETHER;
import static dev.opsim.engine.contracts.l1rollup.L1Evm.assertReverts;
import static dev.opsim.engine.contracts.l1rollup.L1Evm.selector;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.CHALLENGER;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.DEPLOYER;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.FINALIZATION_PERIOD;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.GUARDIAN;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.PROPOSER;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.evm.state.Log;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Fixtures;
import dev.opsim.protocol.Hash;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Utf8String;

/**
 * Withdrawals end to end on one L1 EVM: an L2 state whose L2ToL1MessagePasser records the withdrawal is built with
 * our engine's tries, its output root proposed to the L2OutputOracle, the withdrawal proven with the real storage
 * proof and finalized after the finalization period (protocol-reference 8.2, 8.3, 8.5); and every way that fails.
 */
class OptimismPortalWithdrawalTest {
  static final String PROVE = "proveWithdrawalTransaction((uint256,address,address,uint256,uint256,bytes),uint256,"
      + "(bytes32,bytes32,bytes32,bytes32),bytes[])";
  static final String FINALIZE = "finalizeWithdrawalTransaction((uint256,address,address,uint256,uint256,bytes))";
  private static final String PROPOSE = "proposeL2Output(bytes32,uint256,bytes32,uint256)";
  private static final Address L2_SENDER = Address.fromHex("0x00000000000000000000000000000000000e2e2e");
  private static final Address DEFAULT_L2_SENDER = Address.fromHex("0x000000000000000000000000000000000000dEaD");
  private static final Address ESTIMATION = Address.fromHex("0x0000000000000000000000000000000000000001");
  private static final BigInteger VERSION_1_NONCE = BigInteger.ONE.shiftLeft(240);

  private final L1Rollup rollup = new L1Rollup();
  private final L1Evm evm = rollup.evm;
  private final Address portal = rollup.portal;
  private final Address target = evm.deploy(DEPLOYER, "WithdrawalTarget");

  OptimismPortalWithdrawalTest() {
    assertTrue(evm.send(USER, portal, ETHER.multiply(BigInteger.valueOf(100)), call("donateETH()")).success());
    evm.fund(ESTIMATION);
  }

  @Test
  void selectorsAreTheOpOnes() {
    assertEquals("0x4870496f", call(PROVE).substring(0, 10));
    assertEquals("0x8c3152e9", call(FINALIZE).substring(0, 10));
  }

  @Test
  void provenWithdrawalFinalizesAfterThePeriodAndOnlyOnce() {
    Abi.Withdrawal withdrawal = withdrawal(0, ETHER, 100_000, "record()");
    Abi.Withdrawal other = withdrawal(1, BigInteger.ONE, 100_000, "record()");
    L2StateFixture l2 = L2StateFixture.withWithdrawals(List.of(withdrawal, other), "a");
    long index = propose(l2.outputRoot());

    TxResult.Executed proof = prove(withdrawal, index, l2);
    assertTrue(proof.success(), L1Evm.revertReason(proof.output()));
    Log proven = proof.logs().get(0);
    assertEquals(portal, proven.address());
    assertEquals(List.of(topic("WithdrawalProven(bytes32,address,address)"), withdrawal.hash(), word(L2_SENDER),
        word(target)), proven.topics());
    Bytes record = evm.call(USER, portal, call("provenWithdrawals(bytes32)", bytes32(withdrawal.hash())));
    assertEquals(l2.outputRoot().bytes(), record.slice(0, 32));
    assertEquals(BigInteger.valueOf(evm.timestamp), uintAt(record, 1));
    assertEquals(BigInteger.valueOf(index), uintAt(record, 2));

    assertReverts(finalize(withdrawal), "OptimismPortal: proven withdrawal finalization period has not elapsed");
    evm.advance(FINALIZATION_PERIOD);
    // block.timestamp must be strictly past proven + period.
    assertReverts(finalize(withdrawal), "OptimismPortal: proven withdrawal finalization period has not elapsed");
    evm.advance(1);
    BigInteger portalBefore = evm.base.accounts().get(portal).balance;
    TxResult.Executed done = finalize(withdrawal);
    assertTrue(done.success(), L1Evm.revertReason(done.output()));
    Log finalized = done.logs().get(done.logs().size() - 1);
    assertEquals(List.of(topic("WithdrawalFinalized(bytes32,bool)"), withdrawal.hash()), finalized.topics());
    assertEquals(BigInteger.ONE, uintAt(finalized.data(), 0));
    assertEquals(L2_SENDER, addressAt(evm.call(USER, target, call("seenL2Sender()")), 0),
        "the target saw the L2 sender through l2Sender()");
    assertEquals(ETHER, uintAt(evm.call(USER, target, call("received()")), 0));
    assertEquals(portalBefore.subtract(ETHER), evm.base.accounts().get(portal).balance);
    assertEquals(BigInteger.ONE,
        uintAt(evm.call(USER, portal, call("finalizedWithdrawals(bytes32)", bytes32(withdrawal.hash()))), 0));
    assertEquals(DEFAULT_L2_SENDER, addressAt(evm.call(USER, portal, call("l2Sender()")), 0));
    assertEquals(BigInteger.ONE, uintAt(evm.call(USER, portal, call("isOutputFinalized(uint256)", uint(index))), 0));

    assertReverts(finalize(withdrawal), "OptimismPortal: withdrawal has already been finalized");
    assertReverts(prove(withdrawal, index, l2), "OptimismPortal: withdrawal hash has already been proven");
    assertReverts(finalize(other), "OptimismPortal: withdrawal has not been proven yet");
  }

  @Test
  void fixtureWithdrawalsProveUnderTheirHashesAndSlots() throws IOException {
    JsonNode cases = new ObjectMapper().readTree(Fixtures.text("op/output-roots-withdrawals/output-withdrawal-vectors.json"))
        .path("withdrawal_hashes").path("cases");
    List<Abi.Withdrawal> withdrawals = new ArrayList<>();
    for (JsonNode c : cases) {
      Abi.Withdrawal w = new Abi.Withdrawal(c.get("nonce").bigIntegerValue(),
          Address.fromHex(c.get("sender").asText()), Address.fromHex(c.get("target").asText()),
          c.get("value").bigIntegerValue(), new BigInteger(c.get("gasLimit").asText()),
          Bytes.fromHexString(c.get("data").asText()));
      assertEquals(Hash.fromHex(c.get("withdrawalHash").asText()), w.hash(), "our test encoder vs the fixture");
      assertEquals(Bytes32.fromHexString(c.get("storageSlot").asText()), w.storageSlot());
      withdrawals.add(w);
    }
    assertEquals(2, withdrawals.size());
    // The trie holds the fixture's slots as stated by the fixture, so the portal's own slot computation must match.
    java.util.TreeMap<Bytes32, Bytes32> slots = new java.util.TreeMap<>();
    for (JsonNode c : cases) {
      slots.put(Bytes32.fromHexString(c.get("storageSlot").asText()), Bytes32.leftPad(Bytes.of(1)));
    }
    L2StateFixture l2 = L2StateFixture.build(slots, "fixture");
    long index = propose(l2.outputRoot());
    for (int i = 0; i < withdrawals.size(); i++) {
      TxResult.Executed proof = prove(withdrawals.get(i), index, l2);
      assertTrue(proof.success(), L1Evm.revertReason(proof.output()));
      assertEquals(Hash.fromHex(cases.get(i).get("withdrawalHash").asText()), proof.logs().get(0).topics().get(1));
    }
  }

  @Test
  void fixtureOutputRootIsWhatThePortalHashes() throws IOException {
    JsonNode vector = new ObjectMapper().readTree(Fixtures.text(
        "op/output-roots-withdrawals/output-withdrawal-vectors.json")).path("output_roots").get(0);
    Hash stateRoot = Hash.fromHex(vector.get("stateRoot").asText());
    Hash storageRoot = Hash.fromHex(vector.get("messagePasserStorageRoot").asText());
    Hash blockHash = Hash.fromHex(vector.get("blockHash").asText());
    Hash expected = Hash.fromHex(vector.get("outputRoot").asText());
    Abi.OutputRootProof preimage = new Abi.OutputRootProof(stateRoot, storageRoot, blockHash);
    assertEquals(expected, preimage.outputRoot(), "our test's hashing vs the fixture");
    long index = propose(expected);
    Abi.Withdrawal w = withdrawal(0, BigInteger.ZERO, 0, "record()");
    // The output root check passes (the portal hashed the preimage to the fixture's root); the storage proof then
    // fails at the root, whose fake storage root no node hashes to.
    TxResult.Executed result = evm.send(USER, portal, call(PROVE, w.struct(), uint(index), preimage.struct(),
        MerkleTrieProofTest.proofArray(List.of(Bytes.fromHexString("0xc0")))));
    assertFalse(result.success());
    assertEquals(selector("InvalidRootHash()"), result.output().toHexString());
    TxResult.Executed wrong = evm.send(USER, portal, call(PROVE, w.struct(), uint(index),
        new Abi.OutputRootProof(blockHash, storageRoot, stateRoot).struct(),
        MerkleTrieProofTest.proofArray(List.of())));
    assertReverts(wrong, "OptimismPortal: invalid output root proof");
  }

  @Test
  void badProofsAreRefused() {
    Abi.Withdrawal withdrawal = withdrawal(0, ETHER, 100_000, "record()");
    Abi.Withdrawal absent = withdrawal(5, ETHER, 100_000, "record()");
    Abi.Withdrawal notTrue = withdrawal(6, ETHER, 100_000, "record()");
    java.util.TreeMap<Bytes32, Bytes32> slots = new java.util.TreeMap<>();
    slots.put(withdrawal.storageSlot(), Bytes32.leftPad(Bytes.of(1)));
    slots.put(notTrue.storageSlot(), Bytes32.leftPad(Bytes.of(2)));
    for (int i = 10; i < 40; i++) {
      slots.put(withdrawal(i, ETHER, 1, "record()").storageSlot(), Bytes32.leftPad(Bytes.of(1)));
    }
    L2StateFixture l2 = L2StateFixture.build(slots, "bad");
    long index = propose(l2.outputRoot());

    // Not in the trie: the proof of absence does not prove inclusion.
    TxResult.Executed missing = prove(absent, index, l2);
    assertFalse(missing.success());
    assertEquals(selector("KeyNotInTrie()"), missing.output().toHexString());
    // In the trie with a value other than true.
    assertReverts(prove(notTrue, index, l2), "OptimismPortal: invalid withdrawal inclusion proof");
    // Another withdrawal's proof.
    assertFalse(evm.send(USER, portal, call(PROVE, absent.struct(), uint(index), l2.outputRootProof().struct(),
        MerkleTrieProofTest.proofArray(l2.proof(withdrawal.storageSlot())))).success());
    // A tampered node.
    List<Bytes> tampered = new ArrayList<>(l2.proof(withdrawal.storageSlot()));
    byte[] last = tampered.get(tampered.size() - 1).toArray();
    last[last.length - 1] ^= 1;
    tampered.set(tampered.size() - 1, Bytes.wrap(last));
    assertFalse(evm.send(USER, portal, call(PROVE, withdrawal.struct(), uint(index), l2.outputRootProof().struct(),
        MerkleTrieProofTest.proofArray(tampered))).success());
    // A proof against an output that does not exist.
    assertFalse(prove(withdrawal, index + 1, l2).success());
    // The portal itself is never a withdrawal target.
    Abi.Withdrawal toPortal = new Abi.Withdrawal(VERSION_1_NONCE, L2_SENDER, portal, BigInteger.ZERO,
        BigInteger.valueOf(100_000), Bytes.EMPTY);
    assertReverts(prove(toPortal, index, l2), "OptimismPortal: you cannot send messages to the portal contract");
    // None of this proved anything.
    assertReverts(finalize(withdrawal), "OptimismPortal: withdrawal has not been proven yet");
    assertTrue(prove(withdrawal, index, l2).success());
  }

  @Test
  void aReplacedOutputInvalidatesTheProofAndAllowsReproving() {
    Abi.Withdrawal withdrawal = withdrawal(0, ETHER, 100_000, "record()");
    L2StateFixture first = L2StateFixture.withWithdrawals(List.of(withdrawal), "first");
    L2StateFixture second = L2StateFixture.withWithdrawals(List.of(withdrawal), "second");
    long index = propose(first.outputRoot());
    assertTrue(prove(withdrawal, index, first).success());
    assertReverts(prove(withdrawal, index, first), "OptimismPortal: withdrawal hash has already been proven");

    evm.advance(12);
    assertReverts(evm.send(USER, rollup.oracle, call("deleteL2Outputs(uint256)", uint(index))),
        "L2OutputOracle: only the challenger address can delete outputs");
    assertTrue(evm.send(CHALLENGER, rollup.oracle, call("deleteL2Outputs(uint256)", uint(index))).success());
    assertEquals(index, propose(second.outputRoot()));
    evm.advance(FINALIZATION_PERIOD + 1);
    assertReverts(finalize(withdrawal), "OptimismPortal: output root proven is not the same as current output root");

    // The output changed, so the withdrawal may be proven again, which restarts its clock.
    assertTrue(prove(withdrawal, index, second).success());
    assertReverts(finalize(withdrawal), "OptimismPortal: proven withdrawal finalization period has not elapsed");
    evm.advance(FINALIZATION_PERIOD + 1);
    assertTrue(finalize(withdrawal).success());
  }

  @Test
  void theOutputMustAlsoHaveWaitedThePeriod() {
    Abi.Withdrawal withdrawal = withdrawal(0, ETHER, 100_000, "record()");
    L2StateFixture l2 = L2StateFixture.withWithdrawals(List.of(withdrawal), "late");
    long index = propose(l2.outputRoot());
    assertTrue(prove(withdrawal, index, l2).success());
    // The same root is deleted and proposed again later: the proof still names it, but the output is younger.
    evm.advance(FINALIZATION_PERIOD / 2);
    assertTrue(evm.send(CHALLENGER, rollup.oracle, call("deleteL2Outputs(uint256)", uint(index))).success());
    assertEquals(index, propose(l2.outputRoot()));
    evm.advance(FINALIZATION_PERIOD / 2 + 1);
    assertReverts(finalize(withdrawal), "OptimismPortal: output proposal finalization period has not elapsed");
    evm.advance(FINALIZATION_PERIOD / 2);
    assertTrue(finalize(withdrawal).success());
  }

  @Test
  void pauseStopsProvingAndFinalizing() {
    Abi.Withdrawal withdrawal = withdrawal(0, ETHER, 100_000, "record()");
    L2StateFixture l2 = L2StateFixture.withWithdrawals(List.of(withdrawal), "paused");
    long index = propose(l2.outputRoot());
    assertTrue(evm.send(GUARDIAN, rollup.superchainConfig, call("pause(string)", new Utf8String("p"))).success());
    assertReverts(prove(withdrawal, index, l2), "OptimismPortal: paused");
    assertTrue(evm.send(GUARDIAN, rollup.superchainConfig, call("unpause()")).success());
    assertTrue(prove(withdrawal, index, l2).success());
    evm.advance(FINALIZATION_PERIOD + 1);
    assertTrue(evm.send(GUARDIAN, rollup.superchainConfig, call("pause(string)", new Utf8String("p"))).success());
    assertReverts(finalize(withdrawal), "OptimismPortal: paused");
    assertTrue(evm.send(GUARDIAN, rollup.superchainConfig, call("unpause()")).success());
    assertTrue(finalize(withdrawal).success());
  }

  @Test
  void finalizationGivesTheTargetItsGasOrReverts() {
    Abi.Withdrawal burner = withdrawal(0, BigInteger.ZERO, 5_000_000, "burn()");
    L2StateFixture l2 = L2StateFixture.withWithdrawals(List.of(burner), "gas");
    long index = propose(l2.outputRoot());
    assertTrue(prove(burner, index, l2).success());
    evm.advance(FINALIZATION_PERIOD + 1);
    // Too little gas for the withdrawal's gas limit: the whole finalization reverts and can be retried.
    assertReverts(evm.send(USER, portal, BigInteger.ZERO, Bytes.fromHexString(call(FINALIZE, burner.struct())),
        1_000_000), "SafeCall: Not enough gas");
    assertEquals(BigInteger.ZERO,
        uintAt(evm.call(USER, portal, call("finalizedWithdrawals(bytes32)", bytes32(burner.hash()))), 0));
    // Enough gas: the target runs out of it, the call fails, and the withdrawal is spent anyway.
    TxResult.Executed spent = evm.send(USER, portal, BigInteger.ZERO,
        Bytes.fromHexString(call(FINALIZE, burner.struct())), 8_000_000);
    assertTrue(spent.success(), L1Evm.revertReason(spent.output()));
    Log finalized = spent.logs().get(0);
    assertEquals(List.of(topic("WithdrawalFinalized(bytes32,bool)"), burner.hash()), finalized.topics());
    assertEquals(BigInteger.ZERO, uintAt(finalized.data(), 0));
    assertTrue(spent.gasUsed() > 5_000_000, "the target got at least its gas limit: " + spent.gasUsed());
    assertReverts(finalize(burner), "OptimismPortal: withdrawal has already been finalized");
  }

  @Test
  void aFailingWithdrawalRevertsOnlyForGasEstimation() {
    Abi.Withdrawal failing = withdrawal(0, ETHER, 100_000, "fail()");
    L2StateFixture l2 = L2StateFixture.withWithdrawals(List.of(failing), "fail");
    long index = propose(l2.outputRoot());
    assertTrue(prove(failing, index, l2).success());
    evm.advance(FINALIZATION_PERIOD + 1);
    assertReverts(evm.send(ESTIMATION, portal, call(FINALIZE, failing.struct())),
        "OptimismPortal: withdrawal failed");
    BigInteger before = evm.base.accounts().get(portal).balance;
    TxResult.Executed done = finalize(failing);
    assertTrue(done.success());
    assertEquals(BigInteger.ZERO, uintAt(done.logs().get(0).data(), 0), "success = false");
    assertEquals(before, evm.base.accounts().get(portal).balance, "the ETH stays in the portal");
    assertReverts(finalize(failing), "OptimismPortal: withdrawal has already been finalized");
  }

  @Test
  void aWithdrawalCannotFinalizeAnotherFromInsideItsCall() {
    Abi.Withdrawal inner = withdrawal(1, BigInteger.ONE, 100_000, "record()");
    Abi.Withdrawal outer = new Abi.Withdrawal(VERSION_1_NONCE, L2_SENDER, target, BigInteger.ZERO,
        BigInteger.valueOf(500_000), Bytes.fromHexString(call("reenter((uint256,address,address,uint256,uint256,bytes))",
            inner.struct())));
    L2StateFixture l2 = L2StateFixture.withWithdrawals(List.of(outer, inner), "reentry");
    long index = propose(l2.outputRoot());
    assertTrue(prove(outer, index, l2).success());
    assertTrue(prove(inner, index, l2).success());
    evm.advance(FINALIZATION_PERIOD + 1);
    TxResult.Executed done = finalize(outer);
    assertTrue(done.success(), L1Evm.revertReason(done.output()));
    assertEquals(BigInteger.ONE, uintAt(evm.call(USER, target, call("reentryFailed()")), 0));
    assertEquals(BigInteger.ZERO,
        uintAt(evm.call(USER, portal, call("finalizedWithdrawals(bytes32)", bytes32(inner.hash()))), 0));
    assertTrue(finalize(inner).success());
  }

  private Abi.Withdrawal withdrawal(long nonce, BigInteger value, long gasLimit, String targetCall) {
    return new Abi.Withdrawal(VERSION_1_NONCE.or(BigInteger.valueOf(nonce)), L2_SENDER, target, value,
        BigInteger.valueOf(gasLimit), Bytes.fromHexString(call(targetCall)));
  }

  /** Proposes {@code root} for the next L2 block the oracle expects; returns its index. */
  private long propose(Hash root) {
    BigInteger next = uintAt(evm.call(USER, rollup.oracle, call("nextBlockNumber()")), 0);
    TxResult.Executed result = evm.send(PROPOSER, rollup.oracle, call(PROPOSE, bytes32(root), uint(next),
        bytes32(Bytes32.ZERO), uint(0)));
    assertTrue(result.success(), L1Evm.revertReason(result.output()));
    return uintAt(result.logs().get(0).topics().get(2).bytes(), 0).longValueExact();
  }

  private TxResult.Executed prove(Abi.Withdrawal withdrawal, long index, L2StateFixture l2) {
    return evm.send(USER, portal, call(PROVE, withdrawal.struct(), uint(index), l2.outputRootProof().struct(),
        MerkleTrieProofTest.proofArray(l2.proof(withdrawal.storageSlot()))));
  }

  private TxResult.Executed finalize(Abi.Withdrawal withdrawal) {
    return evm.send(USER, portal, call(FINALIZE, withdrawal.struct()));
  }

}
