package dev.opsim.evm;

import dev.opsim.evm.precompile.Blake2bFPrecompile;
import dev.opsim.evm.precompile.EcRecoverPrecompile;
import dev.opsim.evm.precompile.IdentityPrecompile;
import dev.opsim.evm.precompile.ModExpPrecompile;
import dev.opsim.evm.precompile.PointEvaluationPrecompile;
import dev.opsim.evm.precompile.PrecompiledContract;
import dev.opsim.evm.precompile.Ripemd160Precompile;
import dev.opsim.evm.precompile.Sha256Precompile;
import dev.opsim.evm.precompile.bn254.Bn254Precompiles;
import dev.opsim.evm.precompile.bn254.Bn254Result;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** The Ethereum precompiles of a fork: 0x01–0x09 from Byzantium/Istanbul, 0x0a (point evaluation) from Cancun. */
public final class StandardPrecompiles {
  private StandardPrecompiles() {}

  public static PrecompileRegistry forSpec(EvmSpec spec) {
    PrecompileRegistry r = new PrecompileRegistry();
    r.register(PrecompileRegistry.address(1), new EcRecoverPrecompile());
    r.register(PrecompileRegistry.address(2), new Sha256Precompile());
    r.register(PrecompileRegistry.address(3), new Ripemd160Precompile());
    r.register(PrecompileRegistry.address(4), new IdentityPrecompile());
    r.register(PrecompileRegistry.address(5), new ModExpPrecompile());
    r.register(PrecompileRegistry.address(6), bn254(Bn254Precompiles::addGas, Bn254Precompiles::add));
    r.register(PrecompileRegistry.address(7), bn254(Bn254Precompiles::mulGas, Bn254Precompiles::mul));
    r.register(PrecompileRegistry.address(8), bn254(Bn254Precompiles::pairingGas, Bn254Precompiles::pairing));
    r.register(PrecompileRegistry.address(9), new Blake2bFPrecompile());
    if (spec.precompileCount() >= 10) {
      r.register(PrecompileRegistry.address(10), new PointEvaluationPrecompile());
    }
    return r;
  }

  /** Adapts the alt_bn128 functions (EIP-196/197, EIP-1108 gas) to the contract interface. */
  private static PrecompiledContract bn254(ToLongFunction<byte[]> gas, Function<byte[], Bn254Result> run) {
    return new PrecompiledContract() {
      @Override
      public long gasCost(byte[] input) {
        return gas.applyAsLong(input);
      }

      @Override
      public byte[] compute(byte[] input) {
        return run.apply(input) instanceof Bn254Result.Success ok ? ok.output() : null;
      }
    };
  }
}
