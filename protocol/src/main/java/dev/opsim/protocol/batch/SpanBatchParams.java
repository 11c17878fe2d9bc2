package dev.opsim.protocol.batch;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The rollup-config values a span batch leaves implicit (protocol-reference 5.7): block {@code i}'s time is
 * {@code l2GenesisTime + rel_timestamp + i * blockTime}, and signatures are rebuilt with {@code l2ChainId}.
 */
public record SpanBatchParams(long l2GenesisTime, long blockTime, BigInteger l2ChainId) {
  public SpanBatchParams {
    Objects.requireNonNull(l2ChainId, "l2ChainId");
    if (l2ChainId.signum() < 0 || l2ChainId.bitLength() > 256) {
      throw new IllegalArgumentException("chain id must be a uint256, got " + l2ChainId);
    }
  }
}
