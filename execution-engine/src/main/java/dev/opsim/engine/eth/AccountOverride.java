package dev.opsim.engine.eth;

import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * One account's entry in an eth_call state override set (geth's OverrideAccount). {@code state} replaces the
 * whole storage; {@code stateDiff} changes only the slots it names; the two are never both present.
 */
public record AccountOverride(
    Optional<BigInteger> balance,
    OptionalLong nonce,
    Optional<Bytes> code,
    Optional<Map<Bytes32, Bytes32>> state,
    Optional<Map<Bytes32, Bytes32>> stateDiff) {

  public AccountOverride {
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(nonce, "nonce");
    code = Objects.requireNonNull(code, "code").map(c -> Bytes.wrap(c.toArray()));
    state = Objects.requireNonNull(state, "state").map(Map::copyOf);
    stateDiff = Objects.requireNonNull(stateDiff, "stateDiff").map(Map::copyOf);
    if (state.isPresent() && stateDiff.isPresent()) {
      throw new IllegalArgumentException("state and stateDiff cannot both be set");
    }
  }
}
