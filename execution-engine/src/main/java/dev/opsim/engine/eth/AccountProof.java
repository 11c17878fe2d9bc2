package dev.opsim.engine.eth;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * An EIP-1186 proof: the account's trie proof ({@code AccountTrie.proof}, RLP nodes root first) and its fields
 * (an absent account reads as nonce 0, balance 0, empty storage root and empty code hash, as geth prints it), and
 * per requested slot its value and {@code StorageTrie.proof} (empty when the account has no storage).
 */
public record AccountProof(
    Address address,
    List<Bytes> accountProof,
    BigInteger balance,
    Hash codeHash,
    long nonce,
    Hash storageHash,
    List<StorageProof> storageProof) {

  public AccountProof {
    Objects.requireNonNull(address, "address");
    accountProof = List.copyOf(accountProof);
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(codeHash, "codeHash");
    Objects.requireNonNull(storageHash, "storageHash");
    storageProof = List.copyOf(storageProof);
  }

  /** One slot: its key as a 32-byte word, its value, and the storage trie nodes on its path. */
  public record StorageProof(Bytes32 key, BigInteger value, List<Bytes> proof) {
    public StorageProof {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      proof = List.copyOf(proof);
    }
  }
}
