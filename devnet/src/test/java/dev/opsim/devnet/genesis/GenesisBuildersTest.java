package dev.opsim.devnet.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.contracts.Artifacts;
import dev.opsim.devnet.genesis.DevAccounts.DevAccount;
import dev.opsim.devnet.genesis.L2Predeploys.Predeploy;
import dev.opsim.engine.blockchain.Blockchain;
import dev.opsim.engine.genesis.GenesisAccount;
import dev.opsim.engine.genesis.GenesisJson;
import dev.opsim.engine.genesis.GenesisSpec;
import dev.opsim.engine.state.TrieState;
import dev.opsim.engine.store.ChainStore;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.config.Fork;
import dev.opsim.protocol.config.RollupConfig;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both builders once, checked through the engine's genesis code and by calling the deployed contracts. */
class GenesisBuildersTest {
  private static L1GenesisBuilder.Result l1;
  private static GenesisSpec l1Spec;
  private static L2GenesisBuilder.Result l2;
  private static GenesisSpec l2Spec;

  @BeforeAll
  static void build() throws Exception {
    l1 = L1GenesisBuilder.build(900, 901, DevnetParameters.DEFAULT_TIMESTAMP);
    l1Spec = GenesisJson.parse(l1.genesisJson());
    l2 = L2GenesisBuilder.build(new L2GenesisBuilder.L1Side(l1Spec, l1.addresses(), 901));
    l2Spec = GenesisJson.parse(l2.genesisJson());
  }

  @Test
  void sameInputsGiveTheSameBytes() {
    L1GenesisBuilder.Result again = L1GenesisBuilder.build(900, 901, DevnetParameters.DEFAULT_TIMESTAMP);
    assertEquals(l1.genesisJson(), again.genesisJson());
    assertEquals(l1.addressesJson(), again.addressesJson());
    L2GenesisBuilder.Result l2Again = L2GenesisBuilder.build(new L2GenesisBuilder.L1Side(l1Spec, l1.addresses(), 901));
    assertEquals(l2.genesisJson(), l2Again.genesisJson());
    assertEquals(l2.rollupJson(), l2Again.rollupJson());
  }

  @Test
  void aDifferentTimestampChangesTheL1Genesis() {
    assertFalse(L1GenesisBuilder.build(900, 901, 1_800_000_000L).genesisJson().equals(l1.genesisJson()));
  }

  @Test
  void theL1GenesisLoadsInTheEngineWithCodeAtEveryContractAndFundedDevAccounts() throws Exception {
    try (ChainStore store = ChainStore.inMemory()) {
      Blockchain chain = Blockchain.open(store, l1Spec);
      assertEquals(l2.rollup().genesis().l1().hash(), chain.head().hash(), "rollup.json genesis.l1.hash");
      assertEquals(0, chain.head().number());
      TrieState state = chain.state(chain.head());
      for (Map.Entry<String, Address> e : l1.addresses().entrySet()) {
        assertFalse(state.codeAt(e.getValue()).isEmpty(), e.getKey() + " has no code");
      }
      assertTrue(state.codeAt(l2.rollup().batchInboxAddress()).isEmpty(), "the batch inbox has code");
      for (DevAccount a : DevAccounts.derive()) {
        assertEquals(DevAccounts.BALANCE, state.account(a.address()).balance());
      }
      assertEquals(DevnetParameters.BEACON_ROOTS_CODE, state.codeAt(DevnetParameters.BEACON_ROOTS));
      assertFalse(l1Spec.config().isOptimism());
    }
  }

  /** Whether every contract the builders deploy has an artifact (until then the contract tests are skipped). */
  static boolean allBuilt() {
    List<String> names = new java.util.ArrayList<>(L1GenesisBuilder.CONTRACTS);
    names.addAll(List.of("Proxy", "ProxyAdmin"));
    L2Predeploys.ALL.forEach(p -> names.add(p.name()));
    return names.stream().allMatch(n -> Artifacts.find(n).isPresent());
  }

  @Test
  void everythingIsDeployedWithoutWarningsOnceEveryContractIsBuilt() {
    Assumptions.assumeTrue(allBuilt(), "not every contract has an artifact yet");
    assertEquals(List.of(), l1.warnings());
    assertEquals(List.of(), l2.warnings());
  }

  @Test
  void addressBookNamesTheContractsTheChecksNeed() {
    Assumptions.assumeTrue(allBuilt(), "not every contract has an artifact yet");
    for (String name : L1GenesisBuilder.CONTRACTS) {
      assertTrue(l1.addresses().containsKey(name), name);
      assertTrue(l1.addressesJson().contains(l1.addresses().get(name).toString()), name);
    }
    assertTrue(l1.addresses().containsKey("ProxyAdmin"));
    assertTrue(l1.addressesJson().contains("\"L2ChainId\" : 901"));
    assertEquals(l1.addresses().get("OptimismPortal"), l2.rollup().depositContractAddress());
    assertEquals(l1.addresses().get("SystemConfig"), l2.rollup().l1SystemConfigAddress());
  }

  @Test
  void systemConfigOnL1HoldsWhatRollupJsonStates() {
    Assumptions.assumeTrue(allBuilt(), "not every contract has an artifact yet");
    EvmDeployer evm = loaded(l1Spec);
    Address sc = l2.rollup().l1SystemConfigAddress();
    var sys = l2.rollup().genesis().systemConfig();
    assertEquals(sys.batcherAddr().toWord(), call(evm, sc, "batcherHash()"));
    assertEquals(UInt256.valueOf(sys.gasLimit()), UInt256.fromBytes(call(evm, sc, "gasLimit()")));
    assertEquals(sys.scalar(), call(evm, sc, "scalar()"));
    assertEquals(sys.gasLimit(), l2Spec.gasLimit());
    Address portal = l2.rollup().depositContractAddress();
    // the proxies answer through their implementations, and the ProxyAdmin owns them
    assertEquals(l1.addresses().get("ProxyAdmin"), Address.fromWord(Bytes32.wrap(
        evm.storage(portal, L2GenesisBuilder.ADMIN_SLOT).toArrayUnsafe())));
    assertEquals(l1.addresses().get("OptimismPortalImpl"), Address.fromWord(Bytes32.wrap(
        evm.storage(portal, L2GenesisBuilder.IMPLEMENTATION_SLOT).toArrayUnsafe())));
  }

  @Test
  void theL2GenesisLoadsWithOpForksAndItsHashIsInRollupJson() throws Exception {
    assertTrue(l2Spec.config().isOptimism());
    assertEquals(901, l2Spec.config().chainId().longValueExact());
    for (Fork fork : List.of(Fork.REGOLITH, Fork.CANYON, Fork.ECOTONE, Fork.FJORD, Fork.GRANITE, Fork.HOLOCENE)) {
      assertTrue(l2Spec.config().isActive(fork, l2Spec.timestamp()), fork + " at genesis");
      assertTrue(l2.rollup().isActive(fork, l2.rollup().genesis().l2Time()), fork + " in rollup.json");
    }
    assertFalse(l2Spec.config().isActive(Fork.ISTHMUS, l2Spec.timestamp() + 1_000_000));
    assertFalse(l2.rollup().activationTime(Fork.ISTHMUS).isPresent());
    try (ChainStore store = ChainStore.inMemory()) {
      Blockchain chain = Blockchain.open(store, l2Spec);
      assertEquals(l2.rollup().genesis().l2().hash(), chain.head().hash());
      assertEquals(l1Spec.timestamp(), l2.rollup().genesis().l2Time());
      assertEquals(chain.head().timestamp(), l2.rollup().genesis().l2Time());
    }
  }

  @Test
  void proxiedPredeploysPointAtTheirImplementationsAndTheProxyAdmin() {
    Map<Address, GenesisAccount> alloc = l2Spec.alloc();
    for (DevAccount a : DevAccounts.derive()) {
      assertEquals(DevAccounts.BALANCE, alloc.get(a.address()).balance());
    }
    assertEquals(DevnetParameters.BEACON_ROOTS_CODE, alloc.get(DevnetParameters.BEACON_ROOTS).code());
    Assumptions.assumeTrue(allBuilt(), "not every contract has an artifact yet");
    for (Predeploy p : L2Predeploys.ALL) {
      if (Artifacts.find(p.name()).isEmpty()) {
        continue;
      }
      GenesisAccount account = alloc.get(p.address());
      assertFalse(account == null || account.code().isEmpty(), p.name() + " has no code");
      Bytes32 admin = account.storage().get(Bytes32.wrap(L2GenesisBuilder.ADMIN_SLOT.toArrayUnsafe()));
      Bytes32 implementation = account.storage().get(Bytes32.wrap(L2GenesisBuilder.IMPLEMENTATION_SLOT.toArrayUnsafe()));
      if (!p.proxied()) {
        assertEquals(null, admin, p.name());
        continue;
      }
      assertEquals(L2Predeploys.PROXY_ADMIN.toWord(), admin, p.name() + " admin");
      assertEquals(L2Predeploys.implementationOf(p.address()).toWord(), implementation, p.name() + " implementation");
      assertFalse(alloc.get(L2Predeploys.implementationOf(p.address())).code().isEmpty(), p.name() + " impl code");
    }
  }

  @Test
  void gasPriceOracleIsEcotoneAndFjordAndL1BlockHoldsTheL1GenesisBlock() {
    Assumptions.assumeTrue(allBuilt(), "not every contract has an artifact yet");
    EvmDeployer evm = loaded(l2Spec);
    assertEquals(UInt256.ONE, UInt256.fromBytes(call(evm, L2Predeploys.GAS_PRICE_ORACLE, "isEcotone()")));
    assertEquals(UInt256.ONE, UInt256.fromBytes(call(evm, L2Predeploys.GAS_PRICE_ORACLE, "isFjord()")));
    assertEquals(l2.rollup().genesis().l1().hash().bytes(), call(evm, L2Predeploys.L1_BLOCK, "hash()"));
    assertEquals(UInt256.valueOf(DevnetParameters.BASE_FEE),
        UInt256.fromBytes(call(evm, L2Predeploys.GAS_PRICE_ORACLE, "l1BaseFee()")));
    assertEquals(UInt256.valueOf(DevnetParameters.BLOB_BASE_FEE_SCALAR),
        UInt256.fromBytes(call(evm, L2Predeploys.GAS_PRICE_ORACLE, "blobBaseFeeScalar()")));
    assertEquals(DevnetParameters.batcher().toWord(), call(evm, L2Predeploys.L1_BLOCK, "batcherHash()"));
  }

  @Test
  void l2MessengerAndBridgePointAtTheirL1Counterparts() {
    Assumptions.assumeTrue(allBuilt(), "not every contract has an artifact yet");
    EvmDeployer evm = loaded(l2Spec);
    assertEquals(l1.addresses().get("L1CrossDomainMessenger").toWord(),
        call(evm, L2Predeploys.L2_CROSS_DOMAIN_MESSENGER, "otherMessenger()"));
    assertEquals(l1.addresses().get("L1StandardBridge").toWord(),
        call(evm, L2Predeploys.L2_STANDARD_BRIDGE, "otherBridge()"));
  }

  @Test
  void rootBridgeAndRootRegistryNameEachOtherAndTheOwnersAreDevAccountZero() {
    Assumptions.assumeTrue(allBuilt(), "not every contract has an artifact yet");
    EvmDeployer l1Evm = loaded(l1Spec);
    Address bridge = l1.addresses().get("RootBridge");
    assertEquals(L2Predeploys.ROOT_REGISTRY.toWord(), call(l1Evm, bridge, "rootRegistry()"));
    assertEquals(l1.addresses().get("IdentityRootSource").toWord(), call(l1Evm, bridge, "source()"));
    assertEquals(l1.addresses().get("L1CrossDomainMessenger").toWord(), call(l1Evm, bridge, "messenger()"));
    assertEquals(DevnetParameters.owner().toWord(), call(l1Evm, l1.addresses().get("ProxyAdmin"), "owner()"));
    EvmDeployer l2Evm = loaded(l2Spec);
    assertEquals(bridge.toWord(), call(l2Evm, L2Predeploys.ROOT_REGISTRY, "rootBridge()"));
    assertEquals(DevnetParameters.owner().toWord(), call(l2Evm, L2Predeploys.ROOT_REGISTRY, "owner()"));
    assertEquals(DevnetParameters.owner().toWord(), call(l2Evm, L2Predeploys.PROXY_ADMIN, "owner()"));
  }

  private static EvmDeployer loaded(GenesisSpec spec) {
    EvmDeployer evm = new EvmDeployer(spec.config().chainId().longValueExact(), spec.timestamp());
    spec.alloc().forEach((address, a) -> {
      Map<UInt256, UInt256> storage = new java.util.TreeMap<>();
      a.storage().forEach((k, v) -> storage.put(UInt256.fromBytes(k), UInt256.fromBytes(v)));
      evm.put(address, a.nonce(), a.balance(), a.code(), storage);
    });
    return evm;
  }

  private static Bytes32 call(EvmDeployer evm, Address to, String signature) {
    Bytes out = evm.call(DevnetParameters.owner(), to, AbiEncoder.selector(signature), signature);
    assertEquals(32, out.size(), signature + " returned " + out);
    return Bytes32.wrap(out);
  }

}
