package dev.opsim.devnet.genesis;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.tuweni.bytes.Bytes;

/** The {@code config} objects of the two genesis files (geth's and op-geth's field names). */
final class ChainConfigs {
  private static final String[] BLOCK_FORKS = {"homestead", "eip150", "eip155", "eip158", "byzantium",
      "constantinople", "petersburg", "istanbul", "muirGlacier", "berlin", "london", "arrowGlacier", "grayGlacier",
      "mergeNetsplit"};
  /** op-geth's OP fork time fields active at genesis: through Holocene, no Isthmus (issue 5). */
  static final String[] OP_TIME_FORKS = {"regolith", "canyon", "delta", "ecotone", "fjord", "granite", "holocene"};

  private ChainConfigs() {}

  /** Every fork through Cancun at genesis, proof of stake from the start, Cancun's blob schedule. */
  static ObjectNode l1(long chainId) {
    ObjectNode config = ethereum(chainId);
    ObjectNode cancun = config.putObject("blobSchedule").putObject("cancun");
    cancun.put("target", 3);
    cancun.put("max", 6);
    cancun.put("baseFeeUpdateFraction", 3_338_477);
    return config;
  }

  /**
   * op-geth: Bedrock at block 0 and the OP forks through Holocene at time 0; Shanghai and Cancun follow Canyon and
   * Ecotone (protocol-reference 13), both at 0; EIP-1559 parameters per op-geth's devnet defaults.
   */
  static ObjectNode l2(long chainId) {
    ObjectNode config = ethereum(chainId);
    config.put("bedrockBlock", 0);
    for (String fork : OP_TIME_FORKS) {
      config.put(fork + "Time", 0);
    }
    ObjectNode optimism = config.putObject("optimism");
    optimism.put("eip1559Elasticity", DevnetParameters.EIP1559_ELASTICITY);
    optimism.put("eip1559Denominator", DevnetParameters.EIP1559_DENOMINATOR);
    optimism.put("eip1559DenominatorCanyon", DevnetParameters.EIP1559_DENOMINATOR_CANYON);
    return config;
  }

  /**
   * Holocene genesis extraData (op-geth core/genesis.go): version 0, then the Canyon denominator and the elasticity
   * as uint32s, the EIP-1559 parameters block 1's base fee is computed with.
   */
  static Bytes holoceneExtraData() {
    return Bytes.concatenate(Bytes.of(0), Bytes.ofUnsignedInt(DevnetParameters.EIP1559_DENOMINATOR_CANYON),
        Bytes.ofUnsignedInt(DevnetParameters.EIP1559_ELASTICITY));
  }

  private static ObjectNode ethereum(long chainId) {
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    config.put("chainId", chainId);
    for (String fork : BLOCK_FORKS) {
      config.put(fork + "Block", 0);
    }
    config.put("shanghaiTime", 0);
    config.put("cancunTime", 0);
    config.put("terminalTotalDifficulty", 0);
    config.put("terminalTotalDifficultyPassed", true);
    return config;
  }
}
