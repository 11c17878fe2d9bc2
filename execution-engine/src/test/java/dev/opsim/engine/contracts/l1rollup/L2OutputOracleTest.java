package dev.opsim.engine.contracts.l1rollup;

import static dev.opsim.engine.contracts.l1rollup.Abi.addressAt;
import static dev.opsim.engine.contracts.l1rollup.Abi.bytes32;
import static dev.opsim.engine.contracts.l1rollup.Abi.call;
import static dev.opsim.engine.contracts.l1rollup.Abi.topic;
import static dev.opsim.engine.contracts.l1rollup.Abi.uint;
import static dev.opsim.engine.contracts.l1rollup.Abi.uintAt;
import static dev.opsim.engine.contracts.l1rollup.Abi.word;
import static dev.opsim.engine.contracts.l1rollup.L1Evm.assertReverts;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.CHALLENGER;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.FINALIZATION_PERIOD;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.L2_BLOCK_TIME;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.PROPOSER;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.SUBMISSION_INTERVAL;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.evm.state.Log;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** L2OutputOracle: proposals, their checks and getters, deletion by the challenger (protocol-reference 8.5). */
class L2OutputOracleTest {
  private static final String PROPOSE = "proposeL2Output(bytes32,uint256,bytes32,uint256)";
  private final L1Rollup rollup = new L1Rollup();
  private final L1Evm evm = rollup.evm;
  private final Address oracle = rollup.oracle;

  @Test
  void selectorsAreTheOpOnes() {
    assertEquals("0x9aaab648", call(PROPOSE).substring(0, 10));
  }

  @Test
  void proposalsFollowTheIntervalAndAreReadBack() {
    assertEquals(BigInteger.valueOf(SUBMISSION_INTERVAL), view("nextBlockNumber()"));
    assertEquals(BigInteger.ZERO, view("latestBlockNumber()"));
    assertEquals(BigInteger.ZERO, view("nextOutputIndex()"));
    assertFalse(evm.send(USER, oracle, call("latestOutputIndex()")).success(), "no output yet");

    for (int i = 0; i < 3; i++) {
      long block = SUBMISSION_INTERVAL * (i + 1);
      Hash root = root(i + 1);
      TxResult.Executed proposal = propose(root, block);
      assertTrue(proposal.success(), L1Evm.revertReason(proposal.output()));
      Log log = proposal.logs().get(0);
      assertEquals(List.of(topic("OutputProposed(bytes32,uint256,uint256,uint256)"), root, word(i), word(block)),
          log.topics());
      assertEquals(BigInteger.valueOf(evm.timestamp), uintAt(log.data(), 0));
      Bytes output = evm.call(USER, oracle, call("getL2Output(uint256)", uint(i)));
      assertEquals(root.bytes(), output.slice(0, 32));
      assertEquals(BigInteger.valueOf(evm.timestamp), uintAt(output, 1));
      assertEquals(BigInteger.valueOf(block), uintAt(output, 2));
      evm.advance(12);
    }
    assertEquals(BigInteger.valueOf(2), view("latestOutputIndex()"));
    assertEquals(BigInteger.valueOf(3), view("nextOutputIndex()"));
    assertEquals(BigInteger.valueOf(30), view("latestBlockNumber()"));
    assertEquals(BigInteger.valueOf(40), view("nextBlockNumber()"));
    // The first output at or after a block.
    assertEquals(BigInteger.ZERO, uintAt(evm.call(USER, oracle, call("getL2OutputIndexAfter(uint256)", uint(1))), 0));
    assertEquals(BigInteger.ZERO, uintAt(evm.call(USER, oracle, call("getL2OutputIndexAfter(uint256)", uint(10))), 0));
    assertEquals(BigInteger.ONE, uintAt(evm.call(USER, oracle, call("getL2OutputIndexAfter(uint256)", uint(11))), 0));
    assertEquals(BigInteger.TWO, uintAt(evm.call(USER, oracle, call("getL2OutputIndexAfter(uint256)", uint(30))), 0));
    assertReverts(evm.send(USER, oracle, call("getL2OutputIndexAfter(uint256)", uint(31))),
        "L2OutputOracle: cannot get output for a block that has not been proposed");
    assertFalse(evm.send(USER, oracle, call("getL2Output(uint256)", uint(3))).success());
  }

  @Test
  void parametersAndTimestamps() {
    assertEquals(BigInteger.valueOf(SUBMISSION_INTERVAL), view("SUBMISSION_INTERVAL()"));
    assertEquals(BigInteger.valueOf(SUBMISSION_INTERVAL), view("submissionInterval()"));
    assertEquals(BigInteger.valueOf(L2_BLOCK_TIME), view("L2_BLOCK_TIME()"));
    assertEquals(BigInteger.valueOf(FINALIZATION_PERIOD), view("FINALIZATION_PERIOD_SECONDS()"));
    assertEquals(BigInteger.valueOf(rollup.startingTimestamp), view("startingTimestamp()"));
    assertEquals(BigInteger.ZERO, view("startingBlockNumber()"));
    assertEquals(PROPOSER, addressAt(evm.call(USER, oracle, call("PROPOSER()")), 0));
    assertEquals(PROPOSER, addressAt(evm.call(USER, oracle, call("proposer()")), 0));
    assertEquals(CHALLENGER, addressAt(evm.call(USER, oracle, call("CHALLENGER()")), 0));
    assertEquals(CHALLENGER, addressAt(evm.call(USER, oracle, call("challenger()")), 0));
    assertEquals(BigInteger.valueOf(rollup.startingTimestamp + 25 * L2_BLOCK_TIME),
        uintAt(evm.call(USER, oracle, call("computeL2Timestamp(uint256)", uint(25))), 0));
  }

  @Test
  void badProposalsRevert() {
    assertReverts(evm.send(USER, oracle, call(PROPOSE, bytes32(root(1)), uint(10), bytes32(Bytes32.ZERO), uint(0))),
        "L2OutputOracle: only the proposer address can propose new outputs");
    assertReverts(propose(root(1), 11), "L2OutputOracle: block number must be equal to next expected block number");
    assertReverts(propose(Hash.ZERO, 10), "L2OutputOracle: L2 output proposal cannot be the zero hash");
    // An L2 block whose timestamp is not yet past.
    L1Rollup late = new L1Rollup();
    late.evm.timestamp = late.startingTimestamp + SUBMISSION_INTERVAL * L2_BLOCK_TIME;
    assertReverts(late.evm.send(PROPOSER, late.oracle, call(PROPOSE, bytes32(root(1)), uint(10),
        bytes32(Bytes32.ZERO), uint(0))), "L2OutputOracle: cannot propose L2 output in the future");
    // The L1 block hash guard.
    long l1Block = evm.number - 1;
    assertReverts(evm.send(PROPOSER, oracle, call(PROPOSE, bytes32(root(1)), uint(10), bytes32(root(9)),
        uint(l1Block))), "L2OutputOracle: block hash does not match the hash at the expected height");
    assertTrue(evm.send(PROPOSER, oracle, call(PROPOSE, bytes32(root(1)), uint(10),
        bytes32(L1Evm.blockHash(l1Block)), uint(l1Block))).success());
  }

  @Test
  void challengerDeletesOutputsThatAreNotFinal() {
    for (int i = 1; i <= 3; i++) {
      assertTrue(propose(root(i), SUBMISSION_INTERVAL * i).success());
      evm.advance(12);
    }
    assertReverts(evm.send(USER, oracle, call("deleteL2Outputs(uint256)", uint(1))),
        "L2OutputOracle: only the challenger address can delete outputs");
    assertReverts(evm.send(PROPOSER, oracle, call("deleteL2Outputs(uint256)", uint(1))),
        "L2OutputOracle: only the challenger address can delete outputs");
    assertReverts(evm.send(CHALLENGER, oracle, call("deleteL2Outputs(uint256)", uint(3))),
        "L2OutputOracle: cannot delete outputs after the latest output index");

    TxResult.Executed deletion = evm.send(CHALLENGER, oracle, call("deleteL2Outputs(uint256)", uint(1)));
    assertTrue(deletion.success());
    assertEquals(List.of(topic("OutputsDeleted(uint256,uint256)"), word(3), word(1)), deletion.logs().get(0).topics());
    assertEquals(BigInteger.ONE, view("nextOutputIndex()"));
    assertEquals(BigInteger.valueOf(20), view("nextBlockNumber()"));
    assertFalse(evm.send(USER, oracle, call("getL2Output(uint256)", uint(1))).success());
    // A new root for block 20 takes index 1.
    assertTrue(propose(root(7), 20).success());
    assertEquals(root(7).bytes(), evm.call(USER, oracle, call("getL2Output(uint256)", uint(1))).slice(0, 32));

    // Once the finalization period has passed, an output can no longer be deleted.
    evm.advance(FINALIZATION_PERIOD);
    assertReverts(evm.send(CHALLENGER, oracle, call("deleteL2Outputs(uint256)", uint(0))),
        "L2OutputOracle: cannot delete outputs that have already been finalized");
  }

  @Test
  void initializeRunsOnce() {
    assertReverts(evm.send(USER, oracle, call("initialize(uint256,uint256,uint256,uint256,address,address,uint256)",
        uint(1), uint(1), uint(0), uint(0), Abi.address(USER), Abi.address(USER), uint(0))),
        "Initializable: contract is already initialized");
  }

  private TxResult.Executed propose(Hash root, long l2Block) {
    return evm.send(PROPOSER, oracle, call(PROPOSE, bytes32(root), uint(l2Block), bytes32(Bytes32.ZERO), uint(0)));
  }

  private BigInteger view(String signature) {
    return uintAt(evm.call(USER, oracle, call(signature)), 0);
  }

  static Hash root(int n) {
    return Hash.wrap(Bytes32.leftPad(Bytes.of(0x0a, n)));
  }
}
