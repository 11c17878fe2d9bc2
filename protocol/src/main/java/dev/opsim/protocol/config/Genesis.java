package dev.opsim.protocol.config;

/**
 * The rollup's anchor: the L1 block it starts after, the L2 genesis block (which has no transactions), its
 * timestamp, and the SystemConfig in force at genesis (protocol-reference 5.1).
 */
public record Genesis(BlockId l1, BlockId l2, long l2Time, SystemConfig systemConfig) {
  public Genesis {
    if (l1 == null || l2 == null || systemConfig == null) {
      throw new IllegalArgumentException("genesis needs its L1 block, L2 block and system config");
    }
  }
}
