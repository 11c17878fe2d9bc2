package dev.opsim.protocol.l1info;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import org.apache.tuweni.bytes.Bytes32;

/**
 * {@code setL1BlockValues} calldata, Bedrock through Delta and the Ecotone activation block: selector and eight
 * ABI words, 260 bytes (protocol-reference 4.2). {@code l1FeeOverhead} and {@code l1FeeScalar} are the
 * SystemConfig words, carried unchanged.
 */
public record BedrockL1BlockInfo(
    long number,
    long timestamp,
    BigInteger baseFee,
    Hash hash,
    long sequenceNumber,
    Hash batcherHash,
    Bytes32 l1FeeOverhead,
    Bytes32 l1FeeScalar) implements L1BlockInfo {

  public BedrockL1BlockInfo {
    Calldata.checkNotNull(hash, batcherHash, l1FeeOverhead, l1FeeScalar);
    Calldata.checkUint256("baseFee", baseFee);
    l1FeeOverhead = Bytes32.wrap(l1FeeOverhead.toArray());
    l1FeeScalar = Bytes32.wrap(l1FeeScalar.toArray());
  }

  @Override
  public L1InfoLayout layout() {
    return L1InfoLayout.BEDROCK;
  }

  @Override
  public byte[] encode() {
    ByteBuffer out = Calldata.writer(L1InfoLayout.BEDROCK);
    Calldata.putUint64Word(out, number);
    Calldata.putUint64Word(out, timestamp);
    Calldata.putUint256(out, baseFee);
    Calldata.putWord(out, hash.bytes());
    Calldata.putUint64Word(out, sequenceNumber);
    Calldata.putWord(out, batcherHash.bytes());
    Calldata.putWord(out, l1FeeOverhead);
    Calldata.putWord(out, l1FeeScalar);
    return Calldata.finish(out);
  }

  /** Decodes exactly 260 bytes with this selector; the uint64 words must fit in 64 bits. */
  public static BedrockL1BlockInfo decode(byte[] calldata) throws DecodeException {
    Calldata.checkLayout(calldata, L1InfoLayout.BEDROCK);
    return new BedrockL1BlockInfo(
        Calldata.uint64Word(calldata, 4, "number"),
        Calldata.uint64Word(calldata, 36, "timestamp"),
        Calldata.uint256(calldata, 68),
        Calldata.hash(calldata, 100),
        Calldata.uint64Word(calldata, 132, "sequenceNumber"),
        Calldata.hash(calldata, 164),
        Calldata.word(calldata, 196),
        Calldata.word(calldata, 228));
  }
}
