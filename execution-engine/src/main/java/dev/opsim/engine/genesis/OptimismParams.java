package dev.opsim.engine.genesis;

import dev.opsim.protocol.config.Fork;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The OP part of an op-geth chain config: {@code bedrockBlock}, the OP fork times ({@code regolithTime} …
 * {@code isthmusTime}) and {@code optimism.{eip1559Elasticity, eip1559Denominator, eip1559DenominatorCanyon}}.
 *
 * @param forkTimes activation time per configured OP fork; an absent fork never activates
 */
public record OptimismParams(
    OptionalLong bedrockBlock,
    Map<Fork, Long> forkTimes,
    long eip1559Elasticity,
    long eip1559Denominator,
    OptionalLong eip1559DenominatorCanyon) {

  public OptimismParams {
    if (bedrockBlock == null || forkTimes == null || eip1559DenominatorCanyon == null) {
      throw new IllegalArgumentException("optimism params must not be null");
    }
    if (eip1559Elasticity <= 0 || eip1559Denominator <= 0
        || (eip1559DenominatorCanyon.isPresent() && eip1559DenominatorCanyon.getAsLong() <= 0)) {
      throw new IllegalArgumentException("optimism EIP-1559 elasticity and denominators must be positive");
    }
    EnumMap<Fork, Long> copy = new EnumMap<>(Fork.class);
    copy.putAll(forkTimes);
    forkTimes = Collections.unmodifiableMap(copy);
  }
}
