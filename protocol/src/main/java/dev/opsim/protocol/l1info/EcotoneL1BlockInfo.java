package dev.opsim.protocol.l1info;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * {@code setL1BlockValuesEcotone} calldata: selector and packed big-endian fields, 164 bytes
 * (protocol-reference 4.3). Components are in calldata order. Scalars are uint32, numbers uint64.
 */
public record EcotoneL1BlockInfo(
    long baseFeeScalar,
    long blobBaseFeeScalar,
    long sequenceNumber,
    long timestamp,
    long number,
    BigInteger baseFee,
    BigInteger blobBaseFee,
    Hash hash,
    Hash batcherHash) implements L1BlockInfo {

  public EcotoneL1BlockInfo {
    Calldata.checkNotNull(hash, batcherHash);
    Calldata.checkUint32("baseFeeScalar", baseFeeScalar);
    Calldata.checkUint32("blobBaseFeeScalar", blobBaseFeeScalar);
    Calldata.checkUint256("baseFee", baseFee);
    Calldata.checkUint256("blobBaseFee", blobBaseFee);
  }

  @Override
  public L1InfoLayout layout() {
    return L1InfoLayout.ECOTONE;
  }

  @Override
  public byte[] encode() {
    ByteBuffer out = Calldata.writer(L1InfoLayout.ECOTONE);
    writeEcotoneFields(out, baseFeeScalar, blobBaseFeeScalar, sequenceNumber, timestamp, number, baseFee,
        blobBaseFee, hash, batcherHash);
    return Calldata.finish(out);
  }

  /** Decodes exactly 164 bytes with this selector. */
  public static EcotoneL1BlockInfo decode(byte[] calldata) throws DecodeException {
    Calldata.checkLayout(calldata, L1InfoLayout.ECOTONE);
    return readEcotoneFields(calldata);
  }

  /** Bytes 4..163, shared by the Ecotone, Isthmus and Jovian layouts (protocol-reference 4.4). */
  static void writeEcotoneFields(ByteBuffer out, long baseFeeScalar, long blobBaseFeeScalar, long sequenceNumber,
      long timestamp, long number, BigInteger baseFee, BigInteger blobBaseFee, Hash hash, Hash batcherHash) {
    out.putInt((int) baseFeeScalar).putInt((int) blobBaseFeeScalar).putLong(sequenceNumber).putLong(timestamp)
        .putLong(number);
    Calldata.putUint256(out, baseFee);
    Calldata.putUint256(out, blobBaseFee);
    Calldata.putWord(out, hash.bytes());
    Calldata.putWord(out, batcherHash.bytes());
  }

  static EcotoneL1BlockInfo readEcotoneFields(byte[] calldata) {
    return new EcotoneL1BlockInfo(
        Calldata.uint32(calldata, 4),
        Calldata.uint32(calldata, 8),
        Calldata.uint64(calldata, 12),
        Calldata.uint64(calldata, 20),
        Calldata.uint64(calldata, 28),
        Calldata.uint256(calldata, 36),
        Calldata.uint256(calldata, 68),
        Calldata.hash(calldata, 100),
        Calldata.hash(calldata, 132));
  }
}
