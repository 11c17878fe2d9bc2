package dev.opsim.protocol.l1info;

import dev.opsim.protocol.config.Fork;
import dev.opsim.protocol.config.RollupConfig;
import org.apache.tuweni.bytes.Bytes;

/** The calldata layouts of the L1 info deposit, each with its selector and exact length (protocol-reference 4). */
public enum L1InfoLayout {
  /** {@code setL1BlockValues(uint64,uint64,uint256,bytes32,uint64,bytes32,uint256,uint256)}, ABI-encoded. */
  BEDROCK(0x015d8eb9, 260),
  /** {@code setL1BlockValuesEcotone()}, packed. */
  ECOTONE(0x440a5e20, 164),
  /** {@code setL1BlockValuesIsthmus()}: Ecotone ++ operator fee scalar (u32) and constant (u64). */
  ISTHMUS(0x098999be, 176),
  /** {@code setL1BlockValuesJovian()}: Isthmus ++ DA footprint gas scalar (u16). */
  JOVIAN(0x3db6be2b, 178);

  private final int selector;
  private final int length;

  L1InfoLayout(int selector, int length) {
    this.selector = selector;
    this.length = length;
  }

  /** The 4-byte function selector, big-endian in an int. */
  public int selector() {
    return selector;
  }

  public Bytes selectorBytes() {
    return Bytes.ofUnsignedInt(selector & 0xFFFFFFFFL);
  }

  /** The exact calldata length, selector included. */
  public int length() {
    return length;
  }

  /**
   * The layout of the L1 info deposit in the L2 block at {@code l2Timestamp} (protocol-reference 4.5). A fork's
   * activation block still uses the previous layout, because the L1Block contract is upgraded by deposits later in
   * that same block; a fork active at genesis uses its own layout from block 1 on.
   */
  public static L1InfoLayout forBlock(RollupConfig config, long l2Timestamp) {
    if (!isActiveAfterActivationBlock(config, Fork.ECOTONE, l2Timestamp)) {
      return BEDROCK;
    }
    if (isActiveAfterActivationBlock(config, Fork.JOVIAN, l2Timestamp)) {
      return JOVIAN;
    }
    if (isActiveAfterActivationBlock(config, Fork.ISTHMUS, l2Timestamp)) {
      return ISTHMUS;
    }
    return ECOTONE;
  }

  private static boolean isActiveAfterActivationBlock(RollupConfig config, Fork fork, long l2Timestamp) {
    return config.isActive(fork, l2Timestamp) && !config.isActivationBlock(fork, l2Timestamp);
  }
}
