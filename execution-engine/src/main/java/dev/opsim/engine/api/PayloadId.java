package dev.opsim.engine.api;

import dev.opsim.engine.chain.ValidatorWithdrawal;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import dev.opsim.protocol.tx.Rlp;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * The 8-byte identifier of a payload build (paris.md {@code payloadId}; protocol-reference 6.2), written as
 * {@code 0x} + 16 hex digits. Opaque to the rollup node; derived as op-geth derives it (miner/payload_building.go
 * {@code BuildPayloadArgs.Id}) so the same request always names the same build.
 */
public record PayloadId(Bytes bytes) {
  public static final int SIZE = 8;

  public PayloadId {
    if (bytes == null || bytes.size() != SIZE) {
      throw new IllegalArgumentException("a payload id is 8 bytes");
    }
    bytes = Bytes.wrap(bytes.toArray());
  }

  /**
   * The first byte: the forkchoiceUpdated version that started the build (op-geth {@code PayloadVersion}), which
   * getPayloadV2 (1 or 2) and V3 (3) check.
   */
  public int version() {
    return bytes.get(0) & 0xff;
  }

  /**
   * sha256 over parent ++ timestamp(u64) ++ prevRandao ++ feeRecipient ++ rlp(withdrawals, absent = []) ++
   * [beaconRoot] ++ [noTxPool(1 byte) ++ count(u64) ++ keccak(tx)... when noTxPool or transactions are given] ++
   * [gasLimit(u64)] ++ [eip1559Params when non-empty] ++ [minBaseFee(u64)]; the first 8 bytes, with byte 0 replaced by
   * {@code version}. (minBaseFee follows eip1559Params as in op-geth's Jovian version, protocol-reference 6.2.)
   */
  public static PayloadId of(int version, Hash parent, PayloadAttributes attributes) {
    MessageDigest sha = sha256();
    sha.update(parent.toArray());
    sha.update(u64(attributes.timestamp()));
    sha.update(attributes.prevRandao().toArray());
    sha.update(attributes.suggestedFeeRecipient().toArray());
    List<ValidatorWithdrawal> withdrawals = attributes.withdrawals().orElse(List.of());
    sha.update(Rlp.encodeList(w -> withdrawals.forEach(x -> w.writeRLP(x.encode()))).toArrayUnsafe());
    attributes.parentBeaconBlockRoot().ifPresent(root -> sha.update(root.toArray()));
    if (attributes.noTxPool() || !attributes.transactions().isEmpty()) {
      sha.update((byte) (attributes.noTxPool() ? 1 : 0));
      sha.update(u64(attributes.transactions().size()));
      // geth hashes tx.Hash(): keccak of the EIP-2718 bytes for every type, legacy included.
      attributes.transactions().forEach(tx -> sha.update(Keccak.hash(tx).toArray()));
    }
    attributes.gasLimit().ifPresent(limit -> sha.update(u64(limit)));
    attributes.eip1559Params().filter(p -> !p.isEmpty()).ifPresent(p -> sha.update(p.toArrayUnsafe()));
    attributes.minBaseFee().ifPresent(fee -> sha.update(u64(fee)));
    byte[] id = new byte[SIZE];
    System.arraycopy(sha.digest(), 0, id, 0, SIZE);
    id[0] = (byte) version;
    return new PayloadId(Bytes.wrap(id));
  }

  public static PayloadId fromHex(String text) throws DecodeException {
    return new PayloadId(EngineJson.fixedData(EngineJson.NODES.textNode(text), "payloadId", SIZE));
  }

  @Override
  public String toString() {
    return bytes.toHexString();
  }

  private static byte[] u64(long value) {
    return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
