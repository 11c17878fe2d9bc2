package dev.opsim.protocol.deposit;

import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.nio.charset.StandardCharsets;

/**
 * Deposit source hashes, {@code keccak(bytes32(domain) ++ keccak(payload))} (protocol-reference 2.2). They make
 * every deposit unique and let a verifier trace it to its L1 origin.
 */
public final class SourceHash {
  public static final int USER_DEPOSIT_DOMAIN = 0;
  public static final int L1_INFO_DOMAIN = 1;
  public static final int UPGRADE_DOMAIN = 2;
  public static final int AFTER_FORCE_INCLUDE_DOMAIN = 3;

  private SourceHash() {}

  /** Domain 0. {@code logIndex} is the log's index among all logs of the L1 block, not within its receipt. */
  public static Hash userDeposit(Hash l1BlockHash, long logIndex) {
    return of(USER_DEPOSIT_DOMAIN, Keccak.hash(l1BlockHash.toArray(), Hash.ofLong(logIndex).toArray()));
  }

  /** Domain 1. {@code seqNumber} is the L2 block's position in its epoch (0 for the epoch's first block). */
  public static Hash l1Info(Hash l1OriginHash, long seqNumber) {
    return of(L1_INFO_DOMAIN, Keccak.hash(l1OriginHash.toArray(), Hash.ofLong(seqNumber).toArray()));
  }

  /** Domain 2: network-upgrade deposits, named by their intent string (e.g. "Ecotone: L1 Block Deployment"). */
  public static Hash upgrade(String intent) {
    return of(UPGRADE_DOMAIN, Keccak.hash(intent.getBytes(StandardCharsets.UTF_8)));
  }

  /** Domain 3, reserved for Interop's deposit after forced inclusion; not used before Interop. */
  public static Hash afterForceInclude(Hash l1OriginHash, long seqNumber) {
    return of(AFTER_FORCE_INCLUDE_DOMAIN, Keccak.hash(l1OriginHash.toArray(), Hash.ofLong(seqNumber).toArray()));
  }

  private static Hash of(int domain, Hash payloadHash) {
    return Keccak.hash(Hash.ofLong(domain).toArray(), payloadHash.toArray());
  }
}
