package dev.opsim.devnet.genesis;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.contracts.Artifact;
import dev.opsim.devnet.genesis.DevAccounts.DevAccount;
import dev.opsim.engine.genesis.GenesisAccount;
import dev.opsim.protocol.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;

/**
 * The L1 genesis: dev accounts funded, the EIP-4788 contract, and the rollup's L1 contracts deployed and initialised
 * in the allocation. A contract with an {@code initialize} function goes behind the universal {@code Proxy} (the
 * ProxyAdmin, owned by dev account 0, becomes its admin); the others are deployed as they are.
 */
public final class L1GenesisBuilder {
  /** Deployment order: a contract's initialiser may name any proxy, and any direct contract before it. */
  static final List<String> CONTRACTS = List.of("SuperchainConfig", "SystemConfig", "L2OutputOracle",
      "OptimismPortal", "L1CrossDomainMessenger", "L1StandardBridge", "IdentityRootSource", "RootBridge");
  /** Extra parameter names under which each contract's address is passed to the others. */
  private static final Map<String, List<String>> ALIASES = Map.of(
      "SuperchainConfig", List.of("superchainConfig"),
      "SystemConfig", List.of("systemConfig"),
      "L2OutputOracle", List.of("l2OutputOracle", "l2Oracle", "oracle"),
      "OptimismPortal", List.of("optimismPortal", "portal"),
      "L1CrossDomainMessenger", List.of("l1CrossDomainMessenger", "messenger", "l1Messenger", "crossDomainMessenger"),
      "L1StandardBridge", List.of("l1StandardBridge"),
      "IdentityRootSource", List.of("identityRootSource", "source", "rootSource", "identityManager"),
      "RootBridge", List.of("rootBridge"));

  /** What {@code genesis l1} writes: the genesis file, the address book, and what could not be deployed. */
  public record Result(String genesisJson, String addressesJson, Map<String, Address> addresses,
      List<String> warnings) {}

  private L1GenesisBuilder() {}

  public static Result build(long l1ChainId, long l2ChainId, long timestamp) {
    EvmDeployer evm = new EvmDeployer(l1ChainId, timestamp);
    for (DevAccount account : DevnetParameters.accounts()) {
      evm.setBalance(account.address(), DevAccounts.BALANCE);
    }
    evm.put(DevnetParameters.BEACON_ROOTS, 1, BigInteger.ZERO, DevnetParameters.BEACON_ROOTS_CODE, Map.of());
    Address inbox = DevnetParameters.batchInbox(l2ChainId);
    NamedArguments args = arguments(inbox, timestamp);
    ContractDeployer d = new ContractDeployer(evm, args);
    TreeMap<String, Address> book = new TreeMap<>();

    Optional<Address> proxyAdmin = d.artifact("ProxyAdmin").map(d::construct);
    proxyAdmin.ifPresent(a -> {
      book.put("ProxyAdmin", a);
      args.put(a, "proxyAdmin");
    });
    Optional<Artifact> proxy = d.artifact(ContractDeployer.PROXY);
    Map<String, Artifact> present = new LinkedHashMap<>();
    for (String name : CONTRACTS) {
      d.artifact(name).ifPresent(a -> present.put(name, a));
    }
    // Proxies first, so every initialiser can name every proxied contract.
    Map<String, Address> proxies = new LinkedHashMap<>();
    for (Map.Entry<String, Artifact> e : present.entrySet()) {
      if (e.getValue().hasFunction("initialize") && proxy.isPresent()) {
        Address address = d.construct(proxy.get());
        proxies.put(e.getKey(), address);
        register(args, book, e.getKey(), address);
      }
    }
    Map<String, Address> implementations = new LinkedHashMap<>();
    for (Map.Entry<String, Artifact> e : present.entrySet()) {
      String name = e.getKey();
      if (!d.argumentsResolve(e.getValue())) {
        if (proxies.remove(name) != null) {
          book.remove(name);
        }
        continue;
      }
      Address address = d.construct(e.getValue());
      if (proxies.containsKey(name)) {
        implementations.put(name, address);
        book.put(name + "Impl", address);
      } else {
        register(args, book, name, address);
        Optional<Bytes> init = d.initializeCall(e.getValue());
        if (init.isPresent()) {
          evm.call(DevnetParameters.DEPLOYER, address, init.get(), name + ".initialize (no Proxy artifact)");
        }
      }
    }
    for (Map.Entry<String, Address> e : proxies.entrySet()) {
      String name = e.getKey();
      d.upgrade(proxy.orElseThrow(), e.getValue(), implementations.get(name), d.initializeCall(present.get(name)),
          name + " proxy upgradeToAndCall(initialize)");
      if (proxyAdmin.isPresent()) {
        d.changeAdmin(proxy.orElseThrow(), e.getValue(), proxyAdmin.get(), name + " proxy changeAdmin");
      }
    }
    List<String> warnings = new ArrayList<>(d.warnings());
    if (proxyAdmin.isEmpty() && !proxies.isEmpty()) {
      warnings.add("proxies keep the genesis deployer as admin: no ProxyAdmin artifact");
    }

    Map<Address, GenesisAccount> alloc = evm.dump(Set.of(DevnetParameters.DEPLOYER));
    String genesis = GenesisFile.write(ChainConfigs.l1(l1ChainId), timestamp, Bytes.EMPTY,
        DevnetParameters.GAS_LIMIT, DevnetParameters.BASE_FEE, alloc);
    return new Result(genesis, addressesJson(book, inbox, l1ChainId, l2ChainId),
        Collections.unmodifiableSortedMap(book), List.copyOf(warnings));
  }

  private static void register(NamedArguments args, Map<String, Address> book, String name, Address address) {
    book.put(name, address);
    args.put(address, ALIASES.getOrDefault(name, List.of()).toArray(String[]::new));
  }

  /** Every L1 constructor and initialiser argument, by the names the OP Stack contracts give them. */
  static NamedArguments arguments(Address inbox, long timestamp) {
    Address owner = DevnetParameters.owner();
    NamedArguments args = new NamedArguments()
        .put(DevnetParameters.DEPLOYER, "admin")
        .put(owner, "owner", "guardian", "challenger", "operator", "finalSystemOwner", "initialOwner",
            "initialOperator")
        // IdentityRootSource starts without a root (its operator posts the first one)
        .put(org.apache.tuweni.bytes.Bytes32.ZERO, "initialRoot")
        .put(DevnetParameters.proposer(), "proposer")
        .put(DevnetParameters.unsafeBlockSigner(), "unsafeBlockSigner")
        .put(DevnetParameters.batcher().toWord(), "batcherHash")
        .put(Boolean.FALSE, "paused")
        .put(BigInteger.ZERO, "overhead")
        .put(new BigInteger(1, DevnetParameters.scalar().toArray()), "scalar")
        .put(DevnetParameters.BASE_FEE_SCALAR, "basefeeScalar", "baseFeeScalar")
        .put(DevnetParameters.BLOB_BASE_FEE_SCALAR, "blobbasefeeScalar", "blobBaseFeeScalar")
        .put(DevnetParameters.GAS_LIMIT, "gasLimit")
        .put(inbox, "batchInbox")
        .put(DevnetParameters.OUTPUT_SUBMISSION_INTERVAL, "submissionInterval")
        .put(DevnetParameters.L2_BLOCK_TIME, "l2BlockTime")
        .put(0L, "startingBlockNumber", "startBlock")
        .put(timestamp, "startingTimestamp")
        .put(DevnetParameters.FINALIZATION_PERIOD_SECONDS, "finalizationPeriodSeconds")
        .put(DevnetParameters.ROOT_EXPIRY_SECONDS, "expiry", "expiryWindow", "rootExpiry")
        // OP's Constants.DEFAULT_RESOURCE_CONFIG, for SystemConfig's ResourceConfig tuple
        .put(20_000_000L, "maxResourceLimit")
        .put(10L, "elasticityMultiplier")
        .put(8L, "baseFeeMaxChangeDenominator")
        .put(1_000_000_000L, "minimumBaseFee")
        .put(1_000_000L, "systemTxMaxGas")
        .put(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE), "maximumBaseFee")
        // L1 contracts this devnet does not deploy (SystemConfig.Addresses)
        .put(Address.ZERO, "l1ERC721Bridge", "disputeGameFactory", "optimismMintableERC20Factory")
        // the L2 side of the bridges
        .put(L2Predeploys.L2_STANDARD_BRIDGE, "otherBridge")
        .put(L2Predeploys.L2_CROSS_DOMAIN_MESSENGER, "otherMessenger")
        .put(L2Predeploys.ROOT_REGISTRY, "registry", "l2Registry", "rootRegistry", "l2RootRegistry");
    return args;
  }

  private static String addressesJson(Map<String, Address> book, Address inbox, long l1ChainId, long l2ChainId) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    Map<String, Object> all = new TreeMap<>(book);
    all.put("BatchInbox", inbox);
    all.put("L2RootRegistry", L2Predeploys.ROOT_REGISTRY);
    all.forEach((k, v) -> root.put(k, v.toString()));
    root.put("L1ChainId", l1ChainId);
    root.put("L2ChainId", l2ChainId);
    return GenesisFile.json(root);
  }
}
