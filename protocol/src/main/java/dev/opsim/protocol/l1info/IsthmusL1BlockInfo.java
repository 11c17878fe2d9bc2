package dev.opsim.protocol.l1info;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * {@code setL1BlockValuesIsthmus} calldata: the Ecotone fields, then {@code operatorFeeScalar} (uint32) and
 * {@code operatorFeeConstant} (uint64), 176 bytes (protocol-reference 4.4). Components are in calldata order.
 */
public record IsthmusL1BlockInfo(
    long baseFeeScalar,
    long blobBaseFeeScalar,
    long sequenceNumber,
    long timestamp,
    long number,
    BigInteger baseFee,
    BigInteger blobBaseFee,
    Hash hash,
    Hash batcherHash,
    long operatorFeeScalar,
    long operatorFeeConstant) implements L1BlockInfo {

  public IsthmusL1BlockInfo {
    Calldata.checkNotNull(hash, batcherHash);
    Calldata.checkUint32("baseFeeScalar", baseFeeScalar);
    Calldata.checkUint32("blobBaseFeeScalar", blobBaseFeeScalar);
    Calldata.checkUint256("baseFee", baseFee);
    Calldata.checkUint256("blobBaseFee", blobBaseFee);
    Calldata.checkUint32("operatorFeeScalar", operatorFeeScalar);
  }

  @Override
  public L1InfoLayout layout() {
    return L1InfoLayout.ISTHMUS;
  }

  @Override
  public byte[] encode() {
    ByteBuffer out = Calldata.writer(L1InfoLayout.ISTHMUS);
    EcotoneL1BlockInfo.writeEcotoneFields(out, baseFeeScalar, blobBaseFeeScalar, sequenceNumber, timestamp, number,
        baseFee, blobBaseFee, hash, batcherHash);
    out.putInt((int) operatorFeeScalar).putLong(operatorFeeConstant);
    return Calldata.finish(out);
  }

  /** Decodes exactly 176 bytes with this selector. */
  public static IsthmusL1BlockInfo decode(byte[] calldata) throws DecodeException {
    Calldata.checkLayout(calldata, L1InfoLayout.ISTHMUS);
    EcotoneL1BlockInfo e = EcotoneL1BlockInfo.readEcotoneFields(calldata);
    return new IsthmusL1BlockInfo(e.baseFeeScalar(), e.blobBaseFeeScalar(), e.sequenceNumber(), e.timestamp(),
        e.number(), e.baseFee(), e.blobBaseFee(), e.hash(), e.batcherHash(),
        Calldata.uint32(calldata, 164), Calldata.uint64(calldata, 168));
  }
}
