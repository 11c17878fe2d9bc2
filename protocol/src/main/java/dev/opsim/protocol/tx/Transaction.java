package dev.opsim.protocol.tx;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;

/**
 * A signed Ethereum transaction in its EIP-2718 form, as carried by L1 blocks and by L2 batches (protocol-reference
 * 5.6, 5.7). Values only: no signature recovery here. Deposits (type 0x7E) have their own codec and are rejected.
 *
 * <p>For typed transactions {@link #v()} is the signature's y parity (0 or 1 when valid); for legacy ones it is
 * 27/28 or the EIP-155 value {@code chainId * 2 + 35/36}. Decoding does not judge signature values; it only
 * requires every integer to fit its width.
 */
public sealed interface Transaction permits LegacyTx, AccessListTx, DynamicFeeTx, BlobTx, SetCodeTx {
  int LEGACY_TYPE = 0x00;
  int ACCESS_LIST_TYPE = 0x01;
  int DYNAMIC_FEE_TYPE = 0x02;
  int BLOB_TYPE = 0x03;
  int SET_CODE_TYPE = 0x04;
  int DEPOSIT_TYPE = 0x7E;

  /** The EIP-2718 type, 0 for legacy. */
  int type();

  long nonce();

  long gas();

  /** The recipient, {@code null} for a contract creation. */
  Address to();

  BigInteger value();

  Bytes data();

  BigInteger v();

  BigInteger r();

  BigInteger s();

  /** The canonical EIP-2718 bytes: the RLP list for legacy, {@code type ++ rlp(fields)} otherwise. */
  Bytes encode();

  /** The transaction hash: keccak256 of {@link #encode()}. */
  default Hash hash() {
    return Keccak.hash(encode());
  }

  /** Decodes canonical EIP-2718 bytes; anything else (including trailing bytes) is a {@link DecodeException}. */
  static Transaction decode(byte[] encoded) throws DecodeException {
    return decode(Bytes.wrap(encoded));
  }

  /** Decodes canonical EIP-2718 bytes; anything else (including trailing bytes) is a {@link DecodeException}. */
  static Transaction decode(Bytes encoded) throws DecodeException {
    if (encoded.isEmpty()) {
      throw new DecodeException("transaction: empty input");
    }
    encoded = Rlp.flat(encoded);
    int first = encoded.get(0) & 0xFF;
    if (first >= 0xC0) {
      return LegacyTx.decodeRlp(encoded);
    }
    if (first >= 0x80) {
      throw new DecodeException("transaction: starts with an RLP string header 0x"
          + Integer.toHexString(first) + ", neither a legacy RLP list nor an EIP-2718 type byte");
    }
    if (encoded.size() == 1) {
      throw new DecodeException("transaction: type byte 0x" + Integer.toHexString(first) + " with no payload");
    }
    Bytes payload = encoded.slice(1);
    return switch (first) {
      case ACCESS_LIST_TYPE -> AccessListTx.decodePayload(payload);
      case DYNAMIC_FEE_TYPE -> DynamicFeeTx.decodePayload(payload);
      case BLOB_TYPE -> BlobTx.decodePayload(payload);
      case SET_CODE_TYPE -> SetCodeTx.decodePayload(payload);
      case DEPOSIT_TYPE -> throw new DecodeException(
          "transaction: type 0x7e is a deposit transaction; decode it with the deposit codec, not here");
      default -> throw new DecodeException("transaction: unsupported EIP-2718 type 0x" + Integer.toHexString(first));
    };
  }
}
