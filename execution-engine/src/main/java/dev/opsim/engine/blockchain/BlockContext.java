package dev.opsim.engine.blockchain;

import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The header fields known before a block's transactions run: what the EVM sees, and what the builder copies into
 * the header it seals.
 */
public record BlockContext(
    BlockHeader parent,
    long number,
    long timestamp,
    Address coinbase,
    Hash prevRandao,
    long gasLimit,
    BigInteger baseFee,
    long excessBlobGas,
    Optional<Hash> parentBeaconBlockRoot) {

  /** The context of an existing block, for import and re-execution. */
  public static BlockContext of(BlockHeader parent, BlockHeader header) {
    return new BlockContext(parent, header.number(), header.timestamp(), header.coinbase(), header.mixHash(),
        header.gasLimit(), header.baseFeePerGas().orElse(BigInteger.ZERO), header.excessBlobGas().orElse(0),
        header.parentBeaconBlockRoot());
  }
}
