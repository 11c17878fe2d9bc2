package dev.opsim.engine.contracts.rootbridge;

import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.ALICE;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.BOB;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.OPERATOR;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.START;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.address;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.assertReverted;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.bytes32;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.event;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.root;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.topic;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.uint;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.word;
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
import org.junit.jupiter.api.Test;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/** The L1 identity root source stand-in: root posting, supersession times, TreeChanged, operator changes. */
class IdentityRootSourceTest {
  private static final String TREE_CHANGED = "TreeChanged(bytes32,uint8,bytes32)";

  private final RootBridgeWorld world = new RootBridgeWorld();
  private final Address source = world.source;

  @Test
  void startsWithoutARootWhenTheInitialRootIsZero() {
    assertEquals(Hash.ZERO, world.bytes32View(source, "latestRoot"));
    assertEquals(BigInteger.ZERO, world.uintView(source, "rootCount"));
    assertEquals(OPERATOR, world.addressView(source, "operator"));
  }

  @Test
  void anInitialRootIsTheFirstRoot() {
    Hash initial = root("empty tree");
    TxResult.Executed deploy = world.tryDeploy("IdentityRootSource", address(OPERATOR), bytes32(initial));
    assertTrue(deploy.success());
    Address other = deploy.contractAddress();
    assertEquals(initial, world.bytes32View(other, "latestRoot"));
    assertEquals(BigInteger.ONE, world.uintView(other, "rootIndex", bytes32(initial)));
    assertTreeChanged(event(deploy, other, TREE_CHANGED), Hash.ZERO, 0, initial);
  }

  @Test
  void aZeroOperatorIsRefused() {
    assertReverted(world.tryDeploy("IdentityRootSource", address(Address.ZERO), bytes32(Hash.ZERO)), "ZeroAddress");
  }

  @Test
  void postingRootsRecordsOrderAndSupersessionTimes() {
    Hash a = root("a");
    Hash b = root("b");
    Hash c = root("c");
    world.at(START + 10);
    TxResult.Executed first = world.postRoot(Hash.ZERO, a);
    assertTreeChanged(event(first, source, TREE_CHANGED), Hash.ZERO, 0, a);
    world.at(START + 25);
    world.postRoot(a, b);
    world.at(START + 40);
    TxResult.Executed third =
        world.sendOk(OPERATOR, source, "updateRoot", bytes32(b), bytes32(c), new Uint8(1));
    assertTreeChanged(event(third, source, TREE_CHANGED), b, 1, c);

    assertEquals(c, world.bytes32View(source, "latestRoot"));
    assertEquals(BigInteger.valueOf(3), world.uintView(source, "rootCount"));
    assertEquals(List.of(a, b, c), List.of(world.bytes32View(source, "rootAt", uint(1)),
        world.bytes32View(source, "rootAt", uint(2)), world.bytes32View(source, "rootAt", uint(3))));
    assertEquals(Hash.ZERO, world.bytes32View(source, "rootAt", uint(4)));
    // a was superseded when b was posted, b when c was; the latest has no supersession time.
    assertEquals(BigInteger.valueOf(START + 25), world.uintView(source, "supersededAt", bytes32(a)));
    assertEquals(BigInteger.valueOf(START + 40), world.uintView(source, "supersededAt", bytes32(b)));
    assertEquals(BigInteger.ZERO, world.uintView(source, "supersededAt", bytes32(c)));
    assertEquals(BigInteger.TWO, world.uintView(source, "rootIndex", bytes32(b)));
    assertTrue(world.boolView(source, "isKnownRoot", bytes32(b)));
    assertFalse(world.boolView(source, "isKnownRoot", bytes32(root("never"))));
    assertEquals(BigInteger.ZERO, world.uintView(source, "rootIndex", bytes32(root("never"))));

    List<?> info = RootBridgeWorld.decode(world.viewOk(source, "rootInfo", bytes32(b)),
        new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {})
        .stream().map(t -> t.getValue()).toList();
    assertEquals(List.of(BigInteger.TWO, BigInteger.valueOf(START + 25), BigInteger.valueOf(START + 40)), info);
  }

  @Test
  void anUpdateAgainstAnOldRootIsRefused() {
    Hash a = root("a");
    world.postRoot(Hash.ZERO, a);
    world.postRoot(a, root("b"));
    TxResult.Executed stale =
        world.send(OPERATOR, source, "updateRoot", bytes32(a), bytes32(root("c")), new Uint8(0));
    assertReverted(stale, "PreRootMismatch", bytes32(root("b")), bytes32(a));
  }

  @Test
  void zeroAndRepeatedRootsAreRefused() {
    Hash a = root("a");
    world.postRoot(Hash.ZERO, a);
    assertReverted(world.send(OPERATOR, source, "updateRoot", bytes32(a), bytes32(Hash.ZERO), new Uint8(0)),
        "ZeroRoot");
    assertReverted(world.send(OPERATOR, source, "updateRoot", bytes32(a), bytes32(a), new Uint8(2)),
        "RootAlreadyKnown", bytes32(a));
    Hash b = root("b");
    world.postRoot(a, b);
    // A root once replaced cannot come back either.
    assertReverted(world.send(OPERATOR, source, "updateRoot", bytes32(b), bytes32(a), new Uint8(1)),
        "RootAlreadyKnown", bytes32(a));
  }

  @Test
  void onlyTheOperatorPostsRoots() {
    assertReverted(world.send(ALICE, source, "updateRoot", bytes32(Hash.ZERO), bytes32(root("a")), new Uint8(0)),
        "NotOperator", address(ALICE));
    assertEquals(Hash.ZERO, world.bytes32View(source, "latestRoot"));
  }

  @Test
  void theOperatorChangesInTwoSteps() {
    TxResult.Executed start = world.sendOk(OPERATOR, source, "transferOperator", address(ALICE));
    Log started = event(start, source, "OperatorTransferStarted(address,address)");
    assertEquals(List.of(word(OPERATOR), word(ALICE)), started.topics().subList(1, 3));
    assertEquals(OPERATOR, world.addressView(source, "operator"));
    assertEquals(ALICE, world.addressView(source, "pendingOperator"));
    // Still the old operator's until accepted.
    world.postRoot(Hash.ZERO, root("a"));
    assertReverted(world.send(BOB, source, "acceptOperator"), "NotPendingOperator", address(BOB));
    assertReverted(world.send(BOB, source, "transferOperator", address(BOB)), "NotOperator", address(BOB));

    TxResult.Executed accept = world.sendOk(ALICE, source, "acceptOperator");
    Log transferred = event(accept, source, "OperatorTransferred(address,address)");
    assertEquals(List.of(word(OPERATOR), word(ALICE)), transferred.topics().subList(1, 3));
    assertEquals(ALICE, world.addressView(source, "operator"));
    assertEquals(Address.ZERO, world.addressView(source, "pendingOperator"));
    world.sendOk(ALICE, source, "updateRoot", bytes32(root("a")), bytes32(root("b")), new Uint8(0));
    assertReverted(world.send(OPERATOR, source, "updateRoot", bytes32(root("b")), bytes32(root("c")),
        new Uint8(0)), "NotOperator", address(OPERATOR));
  }

  @Test
  void aPendingOperatorChangeCanBeCancelled() {
    world.sendOk(OPERATOR, source, "transferOperator", address(ALICE));
    world.sendOk(OPERATOR, source, "transferOperator", address(Address.ZERO));
    assertReverted(world.send(ALICE, source, "acceptOperator"), "NotPendingOperator", address(ALICE));
    assertEquals(OPERATOR, world.addressView(source, "operator"));
  }

  private static void assertTreeChanged(Log log, Hash preRoot, int kind, Hash postRoot) {
    assertEquals(List.of(topic(TREE_CHANGED), preRoot, word(kind), postRoot), log.topics());
    assertEquals(Bytes.EMPTY, log.data());
  }
}
