package dev.opsim.protocol.l1info;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
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

  /** Decodes calldata by its selector; the length must be exactly the layout's. */
  static L1BlockInfo decode(byte[] calldata) throws DecodeException {
    if (calldata == null || calldata.length < 4) {
      throw new DecodeException("L1 info calldata: " + (calldata == null ? 0 : calldata.length)
          + " bytes, too short for a selector");
    }
    int selector = ((calldata[0] & 0xFF) << 24) | ((calldata[1] & 0xFF) << 16) | ((calldata[2] & 0xFF) << 8)
        | (calldata[3] & 0xFF);
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
}
