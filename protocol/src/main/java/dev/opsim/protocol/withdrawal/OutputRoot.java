package dev.opsim.protocol.withdrawal;

import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import org.apache.tuweni.bytes.Bytes;

/**
 * Output roots, the L2 state commitments proposals and dispute games claim (protocol-reference 8.3, 10).
 * Version 0 hashes a 128-byte preimage: a zero version word, the state root, the L2ToL1MessagePasser storage
 * root and the block hash.
 */
public final class OutputRoot {
  /** Version 0 is a full zero word, not a byte. */
  public static final Hash VERSION_0 = Hash.ZERO;

  private OutputRoot() {}

  public static Hash v0(Hash stateRoot, Hash messagePasserStorageRoot, Hash blockHash) {
    return Keccak.hash(v0Preimage(stateRoot, messagePasserStorageRoot, blockHash));
  }

  /** {@code version ++ stateRoot ++ messagePasserStorageRoot ++ blockHash}, 128 bytes. */
  public static Bytes v0Preimage(Hash stateRoot, Hash messagePasserStorageRoot, Hash blockHash) {
    return Bytes.concatenate(VERSION_0.bytes(), stateRoot.bytes(), messagePasserStorageRoot.bytes(), blockHash.bytes());
  }
}
