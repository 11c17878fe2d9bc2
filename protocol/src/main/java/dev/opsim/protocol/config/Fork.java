package dev.opsim.protocol.config;

/**
 * The OP Stack network upgrades after Bedrock, in activation order (protocol-reference 13). Bedrock itself is the
 * baseline and always active. Each fork implies every earlier one.
 */
public enum Fork {
  REGOLITH("regolith_time"),
  CANYON("canyon_time"),
  DELTA("delta_time"),
  ECOTONE("ecotone_time"),
  FJORD("fjord_time"),
  GRANITE("granite_time"),
  HOLOCENE("holocene_time"),
  ISTHMUS("isthmus_time"),
  JOVIAN("jovian_time");

  private final String jsonKey;

  Fork(String jsonKey) {
    this.jsonKey = jsonKey;
  }

  /** The activation-time field of this fork in op-node's {@code rollup.json}. */
  public String jsonKey() {
    return jsonKey;
  }
}
