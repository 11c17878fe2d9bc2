package dev.opsim.engine.chain;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import dev.opsim.protocol.tx.Rlp;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLPReader;
import org.apache.tuweni.rlp.RLPWriter;

/**
 * An execution block header through Cancun, plus Prague's requestsHash, in geth's RLP field order. The optional
 * fields must form one of the {@link HeaderShape}s: a later fork's field is never present without the earlier
 * ones, so the encoding is canonical and the hash well defined. Which shape a given block needs is checked by
 * {@link HeaderValidator}, not here.
 *
 * @param nonce the 8-byte PoW nonce as an unsigned 64-bit number (0 after the merge)
 * @param mixHash prevRandao after the merge
 */
public record BlockHeader(
    Hash parentHash,
    Hash ommersHash,
    Address coinbase,
    Hash stateRoot,
    Hash transactionsRoot,
    Hash receiptsRoot,
    LogsBloom logsBloom,
    BigInteger difficulty,
    long number,
    long gasLimit,
    long gasUsed,
    long timestamp,
    Bytes extraData,
    Hash mixHash,
    long nonce,
    Optional<BigInteger> baseFeePerGas,
    Optional<Hash> withdrawalsRoot,
    OptionalLong blobGasUsed,
    OptionalLong excessBlobGas,
    Optional<Hash> parentBeaconBlockRoot,
    Optional<Hash> requestsHash) {

  /** keccak(rlp([])): the ommers hash of every post-merge block. */
  public static final Hash EMPTY_OMMERS_HASH =
      Hash.fromHex("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");

  public BlockHeader {
    if (parentHash == null || ommersHash == null || coinbase == null || stateRoot == null
        || transactionsRoot == null || receiptsRoot == null || logsBloom == null || difficulty == null
        || extraData == null || mixHash == null || baseFeePerGas == null || withdrawalsRoot == null
        || blobGasUsed == null || excessBlobGas == null || parentBeaconBlockRoot == null || requestsHash == null) {
      throw new IllegalArgumentException("header fields must not be null (absent optional fields are empty)");
    }
    Rlp.checkUint256(difficulty, "difficulty");
    baseFeePerGas.ifPresent(fee -> Rlp.checkUint256(fee, "baseFeePerGas"));
    extraData = Bytes.wrap(extraData.toArray());
    boolean[] present = {
        baseFeePerGas.isPresent(), withdrawalsRoot.isPresent(), blobGasUsed.isPresent(), excessBlobGas.isPresent(),
        parentBeaconBlockRoot.isPresent(), requestsHash.isPresent()};
    int count = 0;
    while (count < present.length && present[count]) {
      count++;
    }
    for (int i = count; i < present.length; i++) {
      if (present[i]) {
        throw new IllegalArgumentException("optional header field " + (i + 1)
            + " is present but an earlier fork's field is absent");
      }
    }
    if (HeaderShape.ofFieldCount(HeaderShape.LEGACY.fieldCount() + count) == null) {
      throw new IllegalArgumentException("blobGasUsed, excessBlobGas and parentBeaconBlockRoot come together");
    }
  }

  public HeaderShape shape() {
    int count = HeaderShape.LEGACY.fieldCount();
    count += baseFeePerGas.isPresent() ? 1 : 0;
    count += withdrawalsRoot.isPresent() ? 1 : 0;
    count += blobGasUsed.isPresent() ? 3 : 0;
    count += requestsHash.isPresent() ? 1 : 0;
    return HeaderShape.ofFieldCount(count);
  }

  /** The canonical RLP encoding, whose keccak is the block hash. */
  public Bytes encode() {
    return Rlp.encodeList(this::writeFields);
  }

  public Hash hash() {
    return Keccak.hash(encode());
  }

  void writeFields(RLPWriter w) {
    w.writeValue(parentHash.bytes());
    w.writeValue(ommersHash.bytes());
    w.writeValue(coinbase.bytes());
    w.writeValue(stateRoot.bytes());
    w.writeValue(transactionsRoot.bytes());
    w.writeValue(receiptsRoot.bytes());
    w.writeValue(logsBloom.bytes());
    Rlp.writeUint(w, difficulty);
    Rlp.writeUint64(w, number);
    Rlp.writeUint64(w, gasLimit);
    Rlp.writeUint64(w, gasUsed);
    Rlp.writeUint64(w, timestamp);
    w.writeValue(extraData);
    w.writeValue(mixHash.bytes());
    w.writeValue(Bytes.ofUnsignedLong(nonce));
    baseFeePerGas.ifPresent(fee -> Rlp.writeUint(w, fee));
    withdrawalsRoot.ifPresent(root -> w.writeValue(root.bytes()));
    blobGasUsed.ifPresent(used -> Rlp.writeUint64(w, used));
    excessBlobGas.ifPresent(excess -> Rlp.writeUint64(w, excess));
    parentBeaconBlockRoot.ifPresent(root -> w.writeValue(root.bytes()));
    requestsHash.ifPresent(hash -> w.writeValue(hash.bytes()));
  }

  /**
   * Decodes a canonical header encoding: one RLP list of 15, 16, 17, 20 or 21 items with canonical integers and
   * fixed-size fields of their exact size, and nothing after it.
   */
  public static BlockHeader decode(Bytes encoded) throws DecodeException {
    if (encoded == null) {
      throw new DecodeException("header: no bytes");
    }
    return Rlp.decodeList(encoded, "header", BlockHeader::read);
  }

  static BlockHeader read(RLPReader r) {
    Hash parentHash = Rlp.readHash(r, "parentHash");
    Hash ommersHash = Rlp.readHash(r, "ommersHash");
    Address coinbase = Rlp.readAddress(r, "coinbase");
    Hash stateRoot = Rlp.readHash(r, "stateRoot");
    Hash transactionsRoot = Rlp.readHash(r, "transactionsRoot");
    Hash receiptsRoot = Rlp.readHash(r, "receiptsRoot");
    LogsBloom bloom = new LogsBloom(ChainRlp.readFixed(r, "logsBloom", LogsBloom.SIZE));
    BigInteger difficulty = Rlp.readUint256(r, "difficulty");
    long number = Rlp.readUint64(r, "number");
    long gasLimit = Rlp.readUint64(r, "gasLimit");
    long gasUsed = Rlp.readUint64(r, "gasUsed");
    long timestamp = Rlp.readUint64(r, "timestamp");
    Bytes extraData = Rlp.readBytes(r, "extraData");
    Hash mixHash = Rlp.readHash(r, "mixHash");
    long nonce = ChainRlp.readFixed(r, "nonce", 8).toLong();
    Optional<BigInteger> baseFee = r.isComplete() ? Optional.empty()
        : Optional.of(Rlp.readUint256(r, "baseFeePerGas"));
    Optional<Hash> withdrawalsRoot = r.isComplete() ? Optional.empty()
        : Optional.of(Rlp.readHash(r, "withdrawalsRoot"));
    OptionalLong blobGasUsed = OptionalLong.empty();
    OptionalLong excessBlobGas = OptionalLong.empty();
    Optional<Hash> beaconRoot = Optional.empty();
    if (!r.isComplete()) {
      blobGasUsed = OptionalLong.of(Rlp.readUint64(r, "blobGasUsed"));
      excessBlobGas = OptionalLong.of(Rlp.readUint64(r, "excessBlobGas"));
      beaconRoot = Optional.of(Rlp.readHash(r, "parentBeaconBlockRoot"));
    }
    Optional<Hash> requestsHash = r.isComplete() ? Optional.empty()
        : Optional.of(Rlp.readHash(r, "requestsHash"));
    return new BlockHeader(parentHash, ommersHash, coinbase, stateRoot, transactionsRoot, receiptsRoot, bloom,
        difficulty, number, gasLimit, gasUsed, timestamp, extraData, mixHash, nonce, baseFee, withdrawalsRoot,
        blobGasUsed, excessBlobGas, beaconRoot, requestsHash);
  }
}
