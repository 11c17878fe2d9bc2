package dev.opsim.protocol.withdrawal;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;

/**
 * An L2-to-L1 withdrawal as the L2ToL1MessagePasser records it and OptimismPortal proves it (the Solidity
 * {@code WithdrawalTransaction}, protocol-reference 8.2). {@code nonce} is the message passer's versioned nonce;
 * {@code value} is wei; all numbers are uint256.
 */
public record Withdrawal(
    BigInteger nonce, Address sender, Address target, BigInteger value, BigInteger gasLimit, Bytes data) {
  private static final int HEAD_WORDS = 6;

  public Withdrawal {
    Abi.requireUint256("nonce", nonce);
    Abi.requireUint256("value", value);
    Abi.requireUint256("gasLimit", gasLimit);
    if (sender == null || target == null || data == null) {
      throw new IllegalArgumentException("sender, target and data must not be null");
    }
    data = Bytes.wrap(data.toArray());
  }

  /** {@code abi.encode(nonce, sender, target, value, gasLimit, data)}. */
  public Bytes encode() {
    return Bytes.concatenate(
        Abi.uint256(nonce),
        sender.toWord(),
        target.toWord(),
        Abi.uint256(value),
        Abi.uint256(gasLimit),
        Abi.uint256(HEAD_WORDS * Abi.WORD),
        Abi.bytesTail(data));
  }

  /** The withdrawal hash: {@code keccak(abi.encode(...))}. */
  public Hash hash() {
    return Keccak.hash(encode());
  }

  /** The message passer storage key proven on L1: {@code keccak(hash ++ uint256(0))}. */
  public Hash storageSlot() {
    return storageSlot(hash());
  }

  public static Hash storageSlot(Hash withdrawalHash) {
    // The sentMessages mapping is the message passer's storage slot 0 (8.1).
    return Keccak.hash(withdrawalHash.bytes().toArrayUnsafe(), new byte[Abi.WORD]);
  }
}
