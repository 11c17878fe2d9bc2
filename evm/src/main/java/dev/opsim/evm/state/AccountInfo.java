package dev.opsim.evm.state;

import dev.opsim.protocol.Hash;
import java.math.BigInteger;

/**
 * An account as the base state stores it. {@code hasStorage} says whether its storage trie is non-empty, which
 * the contract-creation collision rule (EIP-7610) needs without reading every slot.
 */
public record AccountInfo(long nonce, BigInteger balance, Hash codeHash, boolean hasStorage) {
  public static final Hash EMPTY_CODE_HASH =
      Hash.fromHex("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");

  public AccountInfo {
    if (balance == null || codeHash == null) {
      throw new IllegalArgumentException("balance and codeHash are required");
    }
  }
}
