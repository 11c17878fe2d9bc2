package dev.opsim.devnet.genesis;

import dev.opsim.protocol.Address;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/** The L2 contracts in the genesis allocation, at their predeploy addresses (protocol-reference 1.1). */
public final class L2Predeploys {
  public static final Address WETH9 = at("06");
  public static final Address L2_CROSS_DOMAIN_MESSENGER = at("07");
  public static final Address GAS_PRICE_ORACLE = at("0f");
  public static final Address L2_STANDARD_BRIDGE = at("10");
  public static final Address SEQUENCER_FEE_VAULT = at("11");
  public static final Address OPTIMISM_MINTABLE_ERC20_FACTORY = at("12");
  public static final Address L1_BLOCK = at("15");
  public static final Address L2_TO_L1_MESSAGE_PASSER = at("16");
  public static final Address PROXY_ADMIN = at("18");
  public static final Address BASE_FEE_VAULT = at("19");
  public static final Address L1_FEE_VAULT = at("1a");
  /**
   * opsim's RootRegistry: not an OP Stack predeploy, so it takes an unused address of the proxied namespace (the
   * OP Stack assigns none between 0x…0042 and 0x…00ff).
   */
  public static final Address ROOT_REGISTRY = at("a0");

  /** One predeploy: the contract (artifact name), its address, whether it sits behind a Proxy. */
  public record Predeploy(String name, Address address, boolean proxied) {}

  /** Deployment order; a proxied initialiser may name any predeploy address. */
  public static final List<Predeploy> ALL = List.of(
      new Predeploy("ProxyAdmin", PROXY_ADMIN, true),
      new Predeploy("L2ToL1MessagePasser", L2_TO_L1_MESSAGE_PASSER, true),
      new Predeploy("L1Block", L1_BLOCK, true),
      new Predeploy("GasPriceOracle", GAS_PRICE_ORACLE, true),
      new Predeploy("L2CrossDomainMessenger", L2_CROSS_DOMAIN_MESSENGER, true),
      new Predeploy("L2StandardBridge", L2_STANDARD_BRIDGE, true),
      new Predeploy("OptimismMintableERC20Factory", OPTIMISM_MINTABLE_ERC20_FACTORY, true),
      new Predeploy("SequencerFeeVault", SEQUENCER_FEE_VAULT, true),
      new Predeploy("BaseFeeVault", BASE_FEE_VAULT, true),
      new Predeploy("L1FeeVault", L1_FEE_VAULT, true),
      new Predeploy("WETH9", WETH9, false),
      new Predeploy("RootRegistry", ROOT_REGISTRY, true));

  private L2Predeploys() {}

  /**
   * Where a proxied predeploy's implementation lives: {@code 0xc0d3c0d3…c0d3} with the predeploy's low two bytes
   * (the OP Stack genesis convention).
   */
  public static Address implementationOf(Address predeploy) {
    byte[] out = Bytes.fromHexString("0xc0d3c0d3c0d3c0d3c0d3c0d3c0d3c0d3c0d3c0d3").toArray();
    byte[] in = predeploy.toArray();
    out[18] = in[18];
    out[19] = in[19];
    return Address.wrap(out);
  }

  private static Address at(String low) {
    return Address.fromHex("0x42000000000000000000000000000000000000" + low);
  }
}
