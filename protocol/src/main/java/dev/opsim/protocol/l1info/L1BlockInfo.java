package dev.opsim.protocol.l1info;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.config.RollupConfig;
import java.math.BigInteger;

/**
 * The calldata of the L1 info deposit (protocol-reference 4): the L1 origin's attributes and the SystemConfig fee
 * parameters, in the layout of the fork the L2 block belongs to (see {@link L1InfoLayout#forBlock}).
 */
public sealed interface L1BlockInfo
    permits BedrockL1BlockInfo, EcotoneL1BlockInfo, IsthmusL1BlockInfo, JovianL1BlockInfo {

  /** L1 origin block number. */
  long number();

  /** L1 origin timestamp. */
  long timestamp();

  /** L1 origin base fee. */
  BigInteger baseFee();

  /** L1 origin block hash. */
  Hash hash();

  /** Position of the L2 block in its epoch. */
  long sequenceNumber();

  /** SystemConfig batcher hash (version 0: 12 zero bytes ++ batcher address). */
  Hash batcherHash();

  L1InfoLayout layout();

  /** The calldata bytes, selector first. */
  byte[] encode();

  /** The batcher address of a version-0 batcher hash (its low 20 bytes). */
  default Address batcherAddress() {
    return Address.fromWord(batcherHash().bytes());
  }

  /**
   * Decodes the calldata of the L1 info deposit of the L2 block at {@code l2Timestamp}, which must be in the layout
   * {@link L1InfoLayout#forBlock} gives for that block (op-node {@code L1BlockInfoFromBytes}): calldata in any
   * other layout is rejected, even one {@link #decode(byte[])} would read by its selector.
   */
  static L1BlockInfo decode(RollupConfig config, long l2Timestamp, byte[] calldata) throws DecodeException {
    L1InfoLayout expected = L1InfoLayout.forBlock(config, l2Timestamp);
    int selector = selector(calldata);
    if (selector != expected.selector()) {
      throw new DecodeException(String.format(
          "L1 info calldata: the L2 block at timestamp %s takes the %s layout (selector 0x%08x), found selector "
              + "0x%08x at offset 0", Long.toUnsignedString(l2Timestamp), expected, expected.selector(), selector));
    }
    return decode(calldata);
  }

  /**
   * Decodes calldata by its selector, whatever the block; the length must be exactly the layout's. For tools;
   * derivation uses {@link #decode(RollupConfig, long, byte[])}.
   */
  static L1BlockInfo decode(byte[] calldata) throws DecodeException {
    int selector = selector(calldata);
    for (L1InfoLayout layout : L1InfoLayout.values()) {
      if (layout.selector() == selector) {
        return switch (layout) {
          case BEDROCK -> BedrockL1BlockInfo.decode(calldata);
          case ECOTONE -> EcotoneL1BlockInfo.decode(calldata);
          case ISTHMUS -> IsthmusL1BlockInfo.decode(calldata);
          case JOVIAN -> JovianL1BlockInfo.decode(calldata);
        };
      }
    }
    throw new DecodeException("L1 info calldata: unknown selector 0x" + String.format("%08x", selector));
  }

  private static int selector(byte[] calldata) throws DecodeException {
    if (calldata == null || calldata.length < 4) {
      throw new DecodeException("L1 info calldata: " + (calldata == null ? 0 : calldata.length)
          + " bytes, too short for a selector");
    }
    return ((calldata[0] & 0xFF) << 24) | ((calldata[1] & 0xFF) << 16) | ((calldata[2] & 0xFF) << 8)
        | (calldata[3] & 0xFF);
  }
}
