package dev.opsim.evm;

import dev.opsim.evm.precompile.Blake2bFPrecompile;
import dev.opsim.evm.precompile.EcRecoverPrecompile;
import dev.opsim.evm.precompile.IdentityPrecompile;
import dev.opsim.evm.precompile.ModExpPrecompile;
import dev.opsim.evm.precompile.PointEvaluationPrecompile;
import dev.opsim.evm.precompile.PrecompiledContract;
import dev.opsim.evm.precompile.Ripemd160Precompile;
import dev.opsim.evm.precompile.Sha256Precompile;
import java.lang.reflect.Method;

/**
 * The Ethereum precompiles 0x01–0x0a of a fork. The alt_bn128 contracts (0x06–0x08) come from
 * {@code dev.opsim.evm.precompile.bn254}, written in parallel and looked up by class name until it is merged: if
 * it is not on the class path those three are not registered, and calls to them behave as calls to an empty
 * account.
 */
public final class StandardPrecompiles {
  private static final String BN254 = "dev.opsim.evm.precompile.bn254.Bn254Precompiles";

  private StandardPrecompiles() {}

  public static PrecompileRegistry forSpec(EvmSpec spec) {
    PrecompileRegistry r = new PrecompileRegistry();
    r.register(PrecompileRegistry.address(1), new EcRecoverPrecompile());
    r.register(PrecompileRegistry.address(2), new Sha256Precompile());
    r.register(PrecompileRegistry.address(3), new Ripemd160Precompile());
    r.register(PrecompileRegistry.address(4), new IdentityPrecompile());
    r.register(PrecompileRegistry.address(5), new ModExpPrecompile());
    for (int i = 6; i <= 8; i++) {
      PrecompiledContract c = bn254(i);
      if (c != null) {
        r.register(PrecompileRegistry.address(i), c);
      }
    }
    r.register(PrecompileRegistry.address(9), new Blake2bFPrecompile());
    if (spec.precompileCount() >= 10) {
      r.register(PrecompileRegistry.address(10), new PointEvaluationPrecompile());
    }
    return r;
  }

  /** Adapts {@code bn254.Bn254Precompiles} (static add/mul/pairing returning Success/Failure) for 0x06–0x08. */
  private static PrecompiledContract bn254(int n) {
    try {
      Class<?> c = Class.forName(BN254);
      String op = switch (n) {
        case 6 -> "add";
        case 7 -> "mul";
        default -> "pairing";
      };
      Method gas = c.getMethod(op + "Gas", byte[].class);
      Method run = c.getMethod(op, byte[].class);
      return new PrecompiledContract() {
        @Override
        public long gasCost(byte[] input) {
          try {
            return (long) gas.invoke(null, (Object) input);
          } catch (ReflectiveOperationException e) {
            return Long.MAX_VALUE;
          }
        }

        @Override
        public byte[] compute(byte[] input) {
          try {
            Object result = run.invoke(null, (Object) input);
            if (!result.getClass().getSimpleName().equals("Success")) {
              return null;
            }
            return (byte[]) result.getClass().getMethod("output").invoke(result);
          } catch (ReflectiveOperationException e) {
            return null;
          }
        }
      };
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }
}
