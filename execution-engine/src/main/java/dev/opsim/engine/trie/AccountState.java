package dev.opsim.engine.trie;

import dev.opsim.engine.rlp.Rlp;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;

/**
 * An account as the state trie stores it (Yellow Paper 4.1): RLP([nonce, balance, storageRoot, codeHash]).
 *
 * @param nonce uint64, treated as unsigned
 * @param balance wei, 0 to 2^256-1
 */
public record AccountState(long nonce, BigInteger balance, Hash storageRoot, Hash codeHash) {
  /** Keccak-256 of no bytes: the code hash of an account without code. */
  public static final Hash EMPTY_CODE_HASH =
      Hash.fromHex("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");

  public static final AccountState EMPTY =
      new AccountState(0, BigInteger.ZERO, MerklePatriciaTrie.EMPTY_ROOT, EMPTY_CODE_HASH);

  private static final int MAX_BALANCE_BITS = 256;

  public AccountState {
    if (balance == null || storageRoot == null || codeHash == null) {
      throw new IllegalArgumentException("account fields must not be null");
    }
    if (balance.signum() < 0 || balance.bitLength() > MAX_BALANCE_BITS) {
      throw new IllegalArgumentException("balance out of uint256 range: " + balance);
    }
  }

  /** Empty in the EIP-161 sense: no nonce, no balance, no code (storage is not considered). */
  public boolean isEmpty() {
    return nonce == 0 && balance.signum() == 0 && codeHash.equals(EMPTY_CODE_HASH);
  }

  public AccountState withNonce(long newNonce) {
    return new AccountState(newNonce, balance, storageRoot, codeHash);
  }

  public AccountState withBalance(BigInteger newBalance) {
    return new AccountState(nonce, newBalance, storageRoot, codeHash);
  }

  public AccountState withStorageRoot(Hash newStorageRoot) {
    return new AccountState(nonce, balance, newStorageRoot, codeHash);
  }

  public AccountState withCodeHash(Hash newCodeHash) {
    return new AccountState(nonce, balance, storageRoot, newCodeHash);
  }

  /** The code hash of {@code code}. */
  public static Hash codeHashOf(Bytes code) {
    return code.isEmpty() ? EMPTY_CODE_HASH : Keccak.hash(code);
  }

  public Bytes encode() {
    return Bytes.wrap(Rlp.encodeList(
        Rlp.encodeString(Rlp.unsignedLongBytes(nonce)),
        Rlp.encodeString(unsignedBytes(balance)),
        Rlp.encodeString(storageRoot.toArray()),
        Rlp.encodeString(codeHash.toArray())));
  }

  /**
   * Decodes the canonical encoding {@link #encode()} writes.
   *
   * @throws DecodeException for anything else (wrong item count or kind, non-canonical integers, hashes not 32
   *     bytes, trailing bytes)
   */
  public static AccountState decode(Bytes rlp) throws DecodeException {
    if (rlp == null) {
      throw new DecodeException("account: no bytes");
    }
    byte[] buf = rlp.toArrayUnsafe();
    Rlp.Item list = Rlp.readWholeList(buf, "account");
    Rlp.Item[] items = new Rlp.Item[4];
    int pos = list.payloadStart();
    for (int i = 0; i < 4; i++) {
      items[i] = Rlp.readItem(buf, pos, list.end(), "account");
      pos = items[i].end();
    }
    if (pos != list.end()) {
      throw new DecodeException("account: more than 4 items, the fifth at offset " + pos);
    }
    byte[] nonce = Rlp.readUnsigned(buf, items[0], 8, "account nonce");
    byte[] balance = Rlp.readUnsigned(buf, items[1], 32, "account balance");
    return new AccountState(
        nonce.length == 0 ? 0 : new BigInteger(1, nonce).longValue(),
        new BigInteger(1, balance),
        readHash(buf, items[2], "account storage root"),
        readHash(buf, items[3], "account code hash"));
  }

  private static Hash readHash(byte[] buf, Rlp.Item item, String what) throws DecodeException {
    if (item.list() || item.payloadLength() != 32) {
      throw new DecodeException(what + ": expected a 32-byte string at offset " + item.start());
    }
    byte[] out = new byte[32];
    System.arraycopy(buf, item.payloadStart(), out, 0, 32);
    return Hash.wrap(out);
  }

  private static byte[] unsignedBytes(BigInteger value) {
    if (value.signum() == 0) {
      return new byte[0];
    }
    byte[] twos = value.toByteArray();
    return twos[0] == 0 ? Arrays.copyOfRange(twos, 1, twos.length) : twos;
  }
}
