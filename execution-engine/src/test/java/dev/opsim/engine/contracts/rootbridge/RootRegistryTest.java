package dev.opsim.engine.contracts.rootbridge;

import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.ALICE;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.BOB;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.L2_MESSENGER;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.OWNER;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.START;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.WEEK;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.address;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.assertReverted;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.bytes32;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.bytes32Array;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.encode;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.event;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.events;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.root;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.topic;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.uint;
import static dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.word;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.engine.contracts.rootbridge.RootBridgeWorld.SentMessage;
import dev.opsim.evm.state.Log;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * The L2 RootRegistry, mostly end to end: roots posted on the L1 source, sent by the RootBridge, relayed by the L2
 * (test) messenger with the bridge as cross-domain sender and the message's gas limit. Hand-made messages cover what
 * the bridge would never send.
 */
class RootRegistryTest {
  private static final String ROOT_ADDED = "RootAdded(bytes32,bytes32,uint256,uint256)";
  private static final String EXPIRY_SET = "RootHistoryExpirySet(uint256,uint256)";
  private static final String OWNERSHIP = "OwnershipTransferred(address,address,bool)";
  private static final BigInteger UINT256_MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

  private final RootBridgeWorld world = new RootBridgeWorld();
  private final Address registry = world.registry;
  private final Hash a = root("a");
  private final Hash b = root("b");
  private final Hash c = root("c");

  /** Posts a on L1, propagates it at START, delivers it at START + 12; posts b, propagates at t1, delivers at t1 + 3600. */
  private long twoRootsSupersededAt() {
    world.postRoot(Hash.ZERO, a);
    world.at(START);
    SentMessage first = world.propagate();
    world.at(START + 12);
    assertTrue(world.deliver(first).success());
    long t1 = START + 1000;
    world.postRoot(a, b);
    world.at(t1);
    SentMessage second = world.propagate();
    // Relayed an hour late on L2: the supersession time must still be the L1 time.
    world.at(t1 + 3600);
    TxResult.Executed delivered = world.deliver(second);
    assertTrue(delivered.success(), "delivery with the message's own gas limit: " + delivered.output());
    return t1;
  }

  @Test
  void wiringAndDefaults() {
    assertEquals(world.bridge, world.addressView(registry, "rootBridge"));
    assertEquals(L2_MESSENGER, world.addressView(registry, "messenger"));
    assertEquals(OWNER, world.addressView(registry, "owner"));
    assertTrue(world.boolView(registry, "isLocal"));
    assertEquals(BigInteger.valueOf(WEEK), world.uintView(registry, "rootHistoryExpiry"));
    assertEquals(BigInteger.valueOf(WEEK), world.uintView(registry, "DEFAULT_ROOT_HISTORY_EXPIRY"));
    assertEquals(Hash.ZERO, world.latestRoot());
    assertEquals(BigInteger.ZERO, world.uintView(registry, "latestSequence"));
  }

  @Test
  void deploymentEmitsItsSettingsAndRefusesZeroAddresses() {
    TxResult.Executed deploy = world.tryDeploy("RootRegistry", address(world.bridge), address(world.bridge),
        new Bool(false));
    assertTrue(deploy.success());
    Log owner = event(deploy, deploy.contractAddress(), OWNERSHIP);
    assertEquals(List.of(topic(OWNERSHIP), word(Address.ZERO), word(world.bridge)), owner.topics());
    assertEquals(word(0).bytes(), owner.data());
    Log expiry = event(deploy, deploy.contractAddress(), EXPIRY_SET);
    assertEquals(Bytes.concatenate(word(0).bytes(), word(WEEK).bytes()), expiry.data());

    assertReverted(world.tryDeploy("RootRegistry", address(Address.ZERO), address(OWNER), new Bool(true)),
        "ZeroAddress");
    assertReverted(world.tryDeploy("RootRegistry", address(world.bridge), address(Address.ZERO), new Bool(true)),
        "ZeroAddress");
  }

  @Test
  void aPropagatedRootArrivesAsTheLatestRoot() {
    world.postRoot(Hash.ZERO, a);
    world.at(START + 40);
    SentMessage message = world.propagate();
    world.at(START + 52);
    TxResult.Executed delivered = world.deliver(message);
    assertTrue(delivered.success(), "delivery with the message's own gas limit: " + delivered.output());
    Log added = event(delivered, registry, ROOT_ADDED);
    assertEquals(List.of(topic(ROOT_ADDED), a, Hash.ZERO, word(1)), added.topics());
    assertEquals(word(START + 40).bytes(), added.data());

    assertEquals(a, world.latestRoot());
    assertEquals(BigInteger.ONE, world.uintView(registry, "latestSequence"));
    assertEquals(List.of(BigInteger.ONE, BigInteger.valueOf(START + 40), BigInteger.ZERO), rootInfo(a));
    assertTrue(world.isValid(a));
    assertTrue(world.requireValid(a).success());
  }

  @Test
  void theSupersessionTimeIsTheL1TimeTheSupersedingMessageCarries() {
    long t1 = twoRootsSupersededAt();
    assertEquals(b, world.latestRoot());
    assertEquals(BigInteger.valueOf(t1), world.uintView(registry, "supersededAt", bytes32(a)));
    assertEquals(BigInteger.ZERO, world.uintView(registry, "supersededAt", bytes32(b)));
    assertEquals(List.of(BigInteger.ONE, BigInteger.valueOf(START), BigInteger.valueOf(t1)), rootInfo(a));
    assertEquals(List.of(BigInteger.TWO, BigInteger.valueOf(t1), BigInteger.ZERO), rootInfo(b));
  }

  @Test
  void anOlderRootIsValidUpToAndIncludingSupersessionPlusExpiry() {
    long t1 = twoRootsSupersededAt();
    world.at(t1 + WEEK);
    assertTrue(world.isValid(a));
    assertTrue(world.requireValid(a).success());
    world.at(t1 + WEEK + 1);
    assertFalse(world.isValid(a));
    assertReverted(world.requireValid(a), "ExpiredRoot");
  }

  @Test
  void theLatestRootStaysValidLongAfterTheWindow() {
    long t1 = twoRootsSupersededAt();
    world.at(t1 + 52 * WEEK);
    assertTrue(world.isValid(b));
    assertTrue(world.requireValid(b).success());
    assertFalse(world.isValid(a));
  }

  @Test
  void anExpiryOfZeroLeavesOnlyTheLatestRootValid() {
    long t1 = twoRootsSupersededAt();
    TxResult.Executed set = world.sendOk(OWNER, registry, "setRootHistoryExpiry", uint(0));
    assertEquals(Bytes.concatenate(word(WEEK).bytes(), word(0).bytes()), event(set, registry, EXPIRY_SET).data());
    assertEquals(BigInteger.ZERO, world.uintView(registry, "rootHistoryExpiry"));
    // Even at the very second it was superseded.
    world.at(t1);
    assertFalse(world.isValid(a));
    assertReverted(world.requireValid(a), "ExpiredRoot");
    assertTrue(world.isValid(b));
    assertTrue(world.requireValid(b).success());
  }

  @Test
  void aChangedExpiryAppliesToStoredRootsAtOnce() {
    long t1 = twoRootsSupersededAt();
    world.at(t1 + WEEK + 1);
    assertFalse(world.isValid(a));
    world.sendOk(OWNER, registry, "setRootHistoryExpiry", uint(2 * WEEK));
    assertTrue(world.isValid(a), "a longer window revives a root superseded within it");
    world.at(t1 + 2 * WEEK + 1);
    assertReverted(world.requireValid(a), "ExpiredRoot");

    world.sendOk(OWNER, registry, "setRootHistoryExpiry", uint(3600));
    world.at(t1 + 3600);
    assertTrue(world.isValid(a));
    world.at(t1 + 3601);
    assertFalse(world.isValid(a), "a shorter window expires a root superseded within the old one");

    // "Never expires" must not overflow supersededAt + expiry.
    world.sendOk(OWNER, registry, "setRootHistoryExpiry", new Uint256(UINT256_MAX));
    world.at(t1 + 100 * WEEK);
    assertTrue(world.isValid(a));
    assertTrue(world.requireValid(a).success());
  }

  @Test
  void unknownAndZeroRootsDoNotExist() {
    // Before any root the latest root is zero; zero must still not count as valid.
    assertFalse(world.isValid(Hash.ZERO));
    assertReverted(world.requireValid(Hash.ZERO), "NonExistentRoot");
    twoRootsSupersededAt();
    assertFalse(world.isValid(c));
    assertReverted(world.requireValid(c), "NonExistentRoot");
    assertReverted(world.requireValid(Hash.ZERO), "NonExistentRoot");
    assertEquals(List.of(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO), rootInfo(c));
  }

  @Test
  void theZeroRootIsRefused() {
    TxResult.Executed zero = world.relayToRegistry(world.bridge, "receiveRoot", bytes32(Hash.ZERO), uint(START),
        uint(1));
    assertReverted(zero, "ZeroRoot");
    assertEquals(BigInteger.ZERO, world.uintView(registry, "latestSequence"));
  }

  @Test
  void aRootAlreadyKnownIsRefused() {
    assertTrue(world.relayToRegistry(world.bridge, "receiveRoot", bytes32(a), uint(START), uint(1)).success());
    assertReverted(world.relayToRegistry(world.bridge, "receiveRoot", bytes32(a), uint(START + 1), uint(2)),
        "RootAlreadyKnown", bytes32(a));
    assertTrue(world.relayToRegistry(world.bridge, "receiveRoot", bytes32(b), uint(START + 2), uint(3)).success());
    // A superseded root cannot come back as the latest either.
    assertReverted(world.relayToRegistry(world.bridge, "receiveRoot", bytes32(a), uint(START + 3), uint(4)),
        "RootAlreadyKnown", bytes32(a));
    assertEquals(b, world.latestRoot());
    assertEquals(List.of(BigInteger.ONE, BigInteger.valueOf(START), BigInteger.valueOf(START + 2)), rootInfo(a));
  }

  @Test
  void aSequenceNotAboveTheLatestIsRefusedAndGapsAreAllowed() {
    assertReverted(world.relayToRegistry(world.bridge, "receiveRoot", bytes32(a), uint(START), uint(0)),
        "StaleSequence", uint(0), uint(0));
    assertTrue(world.relayToRegistry(world.bridge, "receiveRoot", bytes32(a), uint(START), uint(5)).success());
    assertReverted(world.relayToRegistry(world.bridge, "receiveRoot", bytes32(b), uint(START + 1), uint(5)),
        "StaleSequence", uint(5), uint(5));
    assertReverted(world.relayToRegistry(world.bridge, "receiveRoot", bytes32(b), uint(START + 1), uint(4)),
        "StaleSequence", uint(4), uint(5));
    assertEquals(a, world.latestRoot());
    assertEquals(BigInteger.ZERO, world.uintView(registry, "supersededAt", bytes32(a)));
    // A failed message leaves a gap; the next one still lands.
    assertTrue(world.relayToRegistry(world.bridge, "receiveRoot", bytes32(b), uint(START + 2), uint(9)).success());
    assertEquals(BigInteger.valueOf(9), world.uintView(registry, "latestSequence"));
  }

  @Test
  void aReplayedOldMessageNeverRollsTheLatestRootBack() {
    world.postRoot(Hash.ZERO, a);
    world.at(START);
    SentMessage older = world.propagate();
    world.postRoot(a, b);
    world.at(START + 60);
    SentMessage newer = world.propagate();
    // The older message failed on L2 (say, out of gas) and is replayed after the newer one landed.
    world.at(START + 100);
    assertTrue(world.deliver(newer).success());
    assertReverted(world.deliver(older), "StaleSequence", uint(1), uint(2));
    assertEquals(b, world.latestRoot());
    assertReverted(world.requireValid(a), "NonExistentRoot");
    // Replaying the newer one again changes nothing either.
    assertReverted(world.deliver(newer), "RootAlreadyKnown", bytes32(b));
    assertEquals(BigInteger.TWO, world.uintView(registry, "latestSequence"));
  }

  @Test
  void onlyTheL2MessengerDeliversRoots() {
    TxResult.Executed direct = world.send(ALICE, registry, "receiveRoot", bytes32(a), uint(START), uint(1));
    assertReverted(direct, "CallerNotMessenger", address(ALICE));
    Address impostor = world.deployAnotherMessenger();
    TxResult.Executed viaImpostor = world.relayVia(impostor, world.bridge, registry,
        Bytes.fromHexString(encode("receiveRoot", bytes32(a), uint(START), uint(1))), 1_000_000);
    assertReverted(viaImpostor, "CallerNotMessenger", address(impostor));
    assertReverted(world.send(ALICE, registry, "receiveRoots", bytes32Array(a), uint(START), uint(1)),
        "CallerNotMessenger", address(ALICE));
    assertEquals(Hash.ZERO, world.latestRoot());
  }

  @Test
  void onlyTheRootBridgeIsAnAcceptedCrossDomainSender() {
    for (Address sender : List.of(ALICE, OWNER, world.l1Messenger, registry)) {
      assertReverted(world.relayToRegistry(sender, "receiveRoot", bytes32(a), uint(START), uint(1)),
          "NotFromRootBridge", address(sender));
      assertReverted(world.relayToRegistry(sender, "receiveRoots", bytes32Array(a), uint(START), uint(1)),
          "NotFromRootBridge", address(sender));
    }
    assertEquals(Hash.ZERO, world.latestRoot());
  }

  @Test
  void aBatchLandsInOrderInOneMessage() {
    world.postRoot(Hash.ZERO, a);
    world.postRoot(a, b);
    world.postRoot(b, c);
    world.at(START + 300);
    SentMessage batch = world.propagate(a, b, c);
    world.at(START + 330);
    TxResult.Executed delivered = world.deliver(batch);
    assertTrue(delivered.success(), "batch delivery with the message's own gas limit: " + delivered.output());
    List<Log> added = events(delivered, registry, ROOT_ADDED);
    assertEquals(3, added.size());
    assertEquals(List.of(a, Hash.ZERO, word(1)), added.get(0).topics().subList(1, 4));
    assertEquals(List.of(b, a, word(2)), added.get(1).topics().subList(1, 4));
    assertEquals(List.of(c, b, word(3)), added.get(2).topics().subList(1, 4));
    assertEquals(c, world.latestRoot());
    assertEquals(List.of(BigInteger.ONE, BigInteger.valueOf(START + 300), BigInteger.valueOf(START + 300)),
        rootInfo(a));
    assertEquals(List.of(BigInteger.TWO, BigInteger.valueOf(START + 300), BigInteger.valueOf(START + 300)),
        rootInfo(b));
    world.at(START + 300 + WEEK);
    assertTrue(world.isValid(a) && world.isValid(b) && world.isValid(c));
    world.at(START + 301 + WEEK);
    assertFalse(world.isValid(a) || world.isValid(b));
    assertTrue(world.isValid(c));
  }

  @Test
  void aBatchIsAllOrNothing() {
    assertTrue(world.relayToRegistry(world.bridge, "receiveRoot", bytes32(a), uint(START), uint(1)).success());
    assertReverted(world.relayToRegistry(world.bridge, "receiveRoots", bytes32Array(b, Hash.ZERO), uint(START + 1),
        uint(2)), "ZeroRoot");
    assertReverted(world.relayToRegistry(world.bridge, "receiveRoots", bytes32Array(b, c, b), uint(START + 1),
        uint(2)), "RootAlreadyKnown", bytes32(b));
    assertReverted(world.relayToRegistry(world.bridge, "receiveRoots", bytes32Array(b, c), uint(START + 1),
        uint(1)), "StaleSequence", uint(1), uint(1));
    assertReverted(world.relayToRegistry(world.bridge, "receiveRoots", bytes32Array(), uint(START + 1), uint(2)),
        "EmptyBatch");
    assertEquals(a, world.latestRoot());
    assertEquals(BigInteger.ONE, world.uintView(registry, "latestSequence"));
    assertEquals(BigInteger.ZERO, world.uintView(registry, "supersededAt", bytes32(a)));
    assertReverted(world.requireValid(b), "NonExistentRoot");
  }

  @Test
  void valuesBeyond64BitsAreRefusedRatherThanTruncated() {
    Uint256 big = new Uint256(BigInteger.TWO.pow(64));
    assertReverted(world.relayToRegistry(world.bridge, "receiveRoot", bytes32(a), big, uint(1)), "Uint64Overflow",
        big);
    assertReverted(world.relayToRegistry(world.bridge, "receiveRoot", bytes32(a), uint(START), big),
        "Uint64Overflow", big);
    assertEquals(Hash.ZERO, world.latestRoot());
  }

  @Test
  void aLocalOwnerAdministersDirectlyAndHandsOver() {
    assertReverted(world.send(ALICE, registry, "setRootHistoryExpiry", uint(1)), "CallerNotOwner", address(ALICE));
    // A local owner's rights do not extend to messages, even from the bridge.
    assertReverted(world.relayToRegistry(world.bridge, "setRootHistoryExpiry", uint(1)), "CallerNotOwner",
        address(L2_MESSENGER));
    assertReverted(world.send(OWNER, registry, "transferOwnership", address(Address.ZERO), new Bool(true)),
        "ZeroAddress");

    TxResult.Executed moved = world.sendOk(OWNER, registry, "transferOwnership", address(ALICE), new Bool(true));
    Log event = event(moved, registry, OWNERSHIP);
    assertEquals(List.of(topic(OWNERSHIP), word(OWNER), word(ALICE)), event.topics());
    assertEquals(word(1).bytes(), event.data());
    assertEquals(ALICE, world.addressView(registry, "owner"));
    world.sendOk(ALICE, registry, "setRootHistoryExpiry", uint(5));
    assertEquals(BigInteger.valueOf(5), world.uintView(registry, "rootHistoryExpiry"));
    assertReverted(world.send(OWNER, registry, "setRootHistoryExpiry", uint(6)), "CallerNotOwner", address(OWNER));
    assertReverted(world.send(OWNER, registry, "transferOwnership", address(OWNER), new Bool(true)),
        "CallerNotOwner", address(OWNER));
  }

  @Test
  void theBridgeAsCrossDomainOwnerAdministersThroughMessages() {
    TxResult.Executed moved = world.sendOk(OWNER, registry, "transferOwnership", address(world.bridge),
        new Bool(false));
    assertEquals(word(0).bytes(), event(moved, registry, OWNERSHIP).data());
    assertFalse(world.boolView(registry, "isLocal"));
    assertEquals(world.bridge, world.addressView(registry, "owner"));
    // The L2 account that owned it, or anyone, calling directly is now refused.
    assertReverted(world.send(OWNER, registry, "setRootHistoryExpiry", uint(1)), "CallerNotMessenger",
        address(OWNER));
    // So is a message from another L1 sender, or through another messenger.
    assertReverted(world.relayToRegistry(ALICE, "setRootHistoryExpiry", uint(1)), "CallerNotOwner", address(ALICE));
    Address impostor = world.deployAnotherMessenger();
    assertReverted(world.relayVia(impostor, world.bridge, registry,
        Bytes.fromHexString(encode("setRootHistoryExpiry", uint(1))), 1_000_000), "CallerNotMessenger",
        address(impostor));

    // The bridge's owner forwards the expiry; delivered with its own gas limit it applies.
    SentMessage expiry = world.single(world.sendOk(OWNER, world.bridge, "setRootHistoryExpiry", uint(3600)));
    TxResult.Executed applied = world.deliver(expiry);
    assertTrue(applied.success(), applied.output().toString());
    assertEquals(Bytes.concatenate(word(WEEK).bytes(), word(3600).bytes()), event(applied, registry, EXPIRY_SET)
        .data());
    assertEquals(BigInteger.valueOf(3600), world.uintView(registry, "rootHistoryExpiry"));

    // And hands ownership back to an L2 account.
    SentMessage handBack = world.single(world.sendOk(OWNER, world.bridge, "transferRegistryOwnership",
        address(BOB), new Bool(true)));
    TxResult.Executed back = world.deliver(handBack);
    assertTrue(back.success(), back.output().toString());
    assertEquals(List.of(topic(OWNERSHIP), word(world.bridge), word(BOB)), event(back, registry, OWNERSHIP).topics());
    assertEquals(BOB, world.addressView(registry, "owner"));
    assertTrue(world.boolView(registry, "isLocal"));
    world.sendOk(BOB, registry, "setRootHistoryExpiry", uint(0));
    // The bridge's old message, replayed, no longer carries the owner's authority.
    assertReverted(world.deliver(expiry), "CallerNotOwner", address(L2_MESSENGER));
    assertEquals(BigInteger.ZERO, world.uintView(registry, "rootHistoryExpiry"));
  }

  @Test
  void aRegistryOwnedByTheBridgeFromTheStartTakesForwardedSettings() {
    RootBridgeWorld owned = new RootBridgeWorld(null, false);
    assertEquals(owned.bridge, owned.addressView(owned.registry, "owner"));
    SentMessage expiry = owned.single(owned.sendOk(OWNER, owned.bridge, "setRootHistoryExpiry", uint(0)));
    assertTrue(owned.deliver(expiry).success());
    assertEquals(BigInteger.ZERO, owned.uintView(owned.registry, "rootHistoryExpiry"));
    // Roots still come only from the bridge, whoever the owner is.
    RootBridgeWorld l1Owned = new RootBridgeWorld(OWNER, false);
    assertTrue(l1Owned.relayToRegistry(OWNER, "setRootHistoryExpiry", uint(9)).success());
    assertEquals(BigInteger.valueOf(9), l1Owned.uintView(l1Owned.registry, "rootHistoryExpiry"));
    assertReverted(l1Owned.relayToRegistry(OWNER, "receiveRoot", bytes32(a), uint(START), uint(1)),
        "NotFromRootBridge", address(OWNER));
  }

  private List<BigInteger> rootInfo(Hash root) {
    return RootBridgeWorld.decode(world.viewOk(registry, "rootInfo", bytes32(root)), new TypeReference<Uint256>() {},
        new TypeReference<Uint256>() {}, new TypeReference<Uint256>() {}).stream()
        .map(t -> (BigInteger) t.getValue()).toList();
  }
}
