package dev.opsim.devnet.genesis;

import dev.opsim.contracts.Artifact;
import dev.opsim.devnet.genesis.DevAccounts.DevAccount;
import dev.opsim.devnet.genesis.L2Predeploys.Predeploy;
import dev.opsim.engine.genesis.GenesisAccount;
import dev.opsim.engine.genesis.GenesisBuilder;
import dev.opsim.engine.genesis.GenesisJson;
import dev.opsim.engine.genesis.GenesisSpec;
import dev.opsim.engine.trie.InMemoryNodeStore;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.config.BlockId;
import dev.opsim.protocol.config.Fork;
import dev.opsim.protocol.config.Genesis;
import dev.opsim.protocol.config.RollupConfig;
import dev.opsim.protocol.config.SystemConfig;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * The L2 genesis and {@code rollup.json}, anchored on an L1 genesis: dev accounts funded, the EIP-4788 contract,
 * and the predeploys ({@link L2Predeploys}) — each proxied one as the universal {@code Proxy} at its predeploy address
 * (admin the ProxyAdmin predeploy) over an implementation at its {@code 0xc0d3…} address, initialised through the
 * proxy; GasPriceOracle switched to Ecotone and Fjord by the depositor; L1Block holding the L1 genesis block.
 */
public final class L2GenesisBuilder {
  /** ERC-1967 slots (protocol-reference 1.1; OP Constants.PROXY_IMPLEMENTATION_ADDRESS / PROXY_OWNER_ADDRESS). */
  public static final UInt256 IMPLEMENTATION_SLOT = UInt256.fromHexString(
      "0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc");
  public static final UInt256 ADMIN_SLOT = UInt256.fromHexString(
      "0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103");
  /** A fee vault pays out no less than this (10 ETH, op-deployer's default). */
  static final BigInteger MIN_WITHDRAWAL = BigInteger.TEN.pow(19);

  /** What {@code genesis l2} writes. */
  public record Result(String genesisJson, String rollupJson, RollupConfig rollup, List<String> warnings) {}

  /** The L1 side the L2 genesis is anchored on. */
  public record L1Side(GenesisSpec genesis, Map<String, Address> addresses, long l2ChainId) {}

  private L2GenesisBuilder() {}

  public static Result build(L1Side l1) {
    GenesisSpec l1Genesis = l1.genesis();
    Hash l1Hash = genesisHash(l1Genesis);
    long l1ChainId = l1Genesis.config().chainId().longValueExact();
    long l2ChainId = l1.l2ChainId();
    long timestamp = l1Genesis.timestamp();
    List<String> warnings = new ArrayList<>();

    EvmDeployer evm = new EvmDeployer(l2ChainId, timestamp);
    for (DevAccount account : DevnetParameters.accounts()) {
      evm.setBalance(account.address(), DevAccounts.BALANCE);
    }
    evm.put(DevnetParameters.BEACON_ROOTS, 1, BigInteger.ZERO, DevnetParameters.BEACON_ROOTS_CODE, Map.of());
    ContractDeployer d = new ContractDeployer(evm, arguments(l1.addresses(), warnings));
    Optional<Artifact> proxy = d.artifact(ContractDeployer.PROXY);

    for (Predeploy p : L2Predeploys.ALL) {
      Optional<Artifact> artifact = d.artifact(p.name());
      if (artifact.isEmpty()) {
        continue;
      }
      Artifact a = artifact.get();
      if (!d.argumentsResolve(a)) {
        continue;
      }
      Address built = d.construct(a);
      if (!p.proxied() || proxy.isEmpty()) {
        evm.relocate(built, p.address());
        if (p.proxied()) {
          warnings.add(p.name() + ": deployed without a proxy (no Proxy artifact)");
          Optional<Bytes> init = d.initializeCall(a);
          if (init.isPresent()) {
            evm.call(DevnetParameters.DEPLOYER, p.address(), init.get(), p.name() + ".initialize");
          }
        }
        continue;
      }
      Address implementation = L2Predeploys.implementationOf(p.address());
      evm.relocate(built, implementation);
      evm.relocate(d.construct(proxy.get()), p.address());
      Optional<Bytes> init = d.initializeCall(a);
      if (init.isEmpty()) {
        // No initialiser: what the constructor stored (e.g. ProxyAdmin's owner) is the proxy's starting state.
        evm.storage(implementation).forEach((slot, value) -> evm.setStorage(p.address(), slot, value));
      }
      d.upgrade(proxy.get(), p.address(), implementation, init, p.name() + " proxy upgrade");
      d.changeAdmin(proxy.get(), p.address(), L2Predeploys.PROXY_ADMIN, p.name() + " proxy changeAdmin");
    }

    d.artifact("GasPriceOracle").ifPresent(gpo -> {
      if (evm.code(L2Predeploys.GAS_PRICE_ORACLE).isEmpty()) {
        return;
      }
      // As the Ecotone and Fjord upgrade deposits do (protocol-reference 7.5), since both forks are active at genesis.
      d.callIfPresent(gpo, L2Predeploys.GAS_PRICE_ORACLE, DevnetParameters.DEPOSITOR, "setEcotone");
      d.callIfPresent(gpo, L2Predeploys.GAS_PRICE_ORACLE, DevnetParameters.DEPOSITOR, "setFjord");
    });
    d.artifact("L1Block").ifPresent(l1Block -> {
      if (evm.code(L2Predeploys.L1_BLOCK).isEmpty()) {
        return;
      }
      if (!l1Block.hasFunction("setL1BlockValuesEcotone")) {
        warnings.add("L1Block: has no setL1BlockValuesEcotone(), left empty at genesis");
        return;
      }
      evm.call(DevnetParameters.DEPOSITOR, L2Predeploys.L1_BLOCK, l1InfoEcotone(l1Genesis, l1Hash),
          "L1Block.setL1BlockValuesEcotone (the L1 genesis block)");
    });
    warnings.addAll(0, d.warnings());

    Map<Address, GenesisAccount> alloc = evm.dump(Set.of(DevnetParameters.DEPLOYER, DevnetParameters.DEPOSITOR));
    String genesisJson = GenesisFile.write(ChainConfigs.l2(l2ChainId), timestamp, ChainConfigs.holoceneExtraData(),
        DevnetParameters.GAS_LIMIT, DevnetParameters.BASE_FEE, alloc);
    Hash l2Hash;
    try {
      l2Hash = genesisHash(GenesisJson.parse(genesisJson));
    } catch (DecodeException e) {
      throw new IllegalStateException("the L2 genesis we wrote does not parse: " + e.getMessage(), e);
    }
    RollupConfig rollup = rollupConfig(l1Hash, l2Hash, timestamp, l1ChainId, l2ChainId, l1.addresses(), warnings);
    return new Result(genesisJson, rollup.toJson() + "\n", rollup, List.copyOf(warnings));
  }

  /** Block 0's hash, as the engine builds it from the genesis file. */
  public static Hash genesisHash(GenesisSpec spec) {
    return GenesisBuilder.build(spec, new InMemoryNodeStore()).block().hash();
  }

  static RollupConfig rollupConfig(Hash l1Hash, Hash l2Hash, long timestamp, long l1ChainId, long l2ChainId,
      Map<String, Address> l1Addresses, List<String> warnings) {
    SystemConfig system = new SystemConfig(DevnetParameters.batcher(), Bytes32.ZERO, DevnetParameters.scalar(),
        DevnetParameters.GAS_LIMIT);
    Map<Fork, Long> forks = new EnumMap<>(Fork.class);
    for (Fork fork : List.of(Fork.REGOLITH, Fork.CANYON, Fork.DELTA, Fork.ECOTONE, Fork.FJORD, Fork.GRANITE,
        Fork.HOLOCENE)) {
      forks.put(fork, 0L);
    }
    return new RollupConfig(
        new Genesis(new BlockId(l1Hash, 0), new BlockId(l2Hash, 0), timestamp, system),
        DevnetParameters.L2_BLOCK_TIME,
        DevnetParameters.MAX_SEQUENCER_DRIFT,
        DevnetParameters.SEQ_WINDOW_SIZE,
        DevnetParameters.CHANNEL_TIMEOUT,
        l1ChainId,
        l2ChainId,
        DevnetParameters.batchInbox(l2ChainId),
        l1Address(l1Addresses, "OptimismPortal", warnings),
        l1Address(l1Addresses, "SystemConfig", warnings),
        forks);
  }

  private static Address l1Address(Map<String, Address> book, String name, List<String> warnings) {
    Address a = book.get(name);
    if (a == null) {
      warnings.add("addresses.json has no " + name + ": rollup.json names the zero address");
      return Address.ZERO;
    }
    return a;
  }

  /**
   * The Ecotone L1 info calldata (protocol-reference 4.3): selector, baseFeeScalar, blobBaseFeeScalar (uint32s),
   * sequenceNumber, timestamp, number (uint64s), basefee, blobBaseFee (uint256s), hash, batcherHash.
   */
  static Bytes l1InfoEcotone(GenesisSpec l1Genesis, Hash l1Hash) {
    BigInteger basefee = l1Genesis.baseFeePerGas().orElse(DevnetParameters.BASE_FEE);
    return Bytes.concatenate(
        AbiEncoder.selector("setL1BlockValuesEcotone()"),
        Bytes.ofUnsignedInt(DevnetParameters.BASE_FEE_SCALAR),
        Bytes.ofUnsignedInt(DevnetParameters.BLOB_BASE_FEE_SCALAR),
        Bytes.ofUnsignedLong(0),
        Bytes.ofUnsignedLong(l1Genesis.timestamp()),
        Bytes.ofUnsignedLong(l1Genesis.number()),
        UInt256.valueOf(basefee),
        // the blob base fee at excess blob gas 0 is the minimum, 1 wei (EIP-4844)
        UInt256.ONE,
        l1Hash.bytes(),
        DevnetParameters.batcher().toWord());
  }

  /** Every L2 constructor and initialiser argument, by the names the OP Stack contracts give them. */
  static NamedArguments arguments(Map<String, Address> l1, List<String> warnings) {
    NamedArguments args = new NamedArguments()
        .put(DevnetParameters.DEPLOYER, "admin")
        .put(DevnetParameters.owner(), "owner", "initialOwner", "recipient")
        // RootRegistry's owner is dev account 0 on L2 (a local owner, not the L1 bridge)
        .put(Boolean.TRUE, "initialOwnerIsLocal")
        .put(MIN_WITHDRAWAL, "minWithdrawalAmount")
        .put(0L, "withdrawalNetwork")
        .put(L2Predeploys.L2_STANDARD_BRIDGE, "bridge", "l2StandardBridge")
        .put(L2Predeploys.L2_CROSS_DOMAIN_MESSENGER, "messenger", "l2CrossDomainMessenger", "l2Messenger")
        .put(DevnetParameters.ROOT_EXPIRY_SECONDS, "expiry", "expiryWindow", "rootExpiry");
    l1Arg(args, l1, "L1CrossDomainMessenger", warnings, "l1CrossDomainMessenger", "otherMessenger", "l1Messenger");
    l1Arg(args, l1, "L1StandardBridge", warnings, "l1StandardBridge", "otherBridge");
    l1Arg(args, l1, "RootBridge", warnings, "rootBridge", "l1RootBridge", "l1Bridge");
    return args;
  }

  private static void l1Arg(NamedArguments args, Map<String, Address> l1, String name, List<String> warnings,
      String... names) {
    Address a = l1.get(name);
    if (a == null) {
      warnings.add("addresses.json has no " + name + " (L2 initialisers that need it will fail)");
      return;
    }
    args.put(a, names);
  }
}
