package dev.opsim.engine.statetest;

import dev.opsim.evm.EvmSpec;
import dev.opsim.evm.PrecompileRegistry;

/** The precompile set per fork. Filled from the precompile packages as they land. */
final class Precompiles {
  private Precompiles() {}

  static PrecompileRegistry forSpec(EvmSpec spec) {
    return new PrecompileRegistry();
  }
}
