package dev.opsim.evm;

import dev.opsim.evm.precompile.PrecompiledContract;
import java.lang.reflect.Method;

/**
 * The Ethereum precompiles 0x01–0x0a of a fork. The implementations live in {@code dev.opsim.evm.precompile}
 * (written in parallel with the interpreter), so they are looked up by class name: a contract whose class is
 * not on the class path is simply not registered, and calls to its address then behave as calls to an empty
 * account. Once all of them are merged this lookup can become plain constructor calls.
 */
public final class StandardPrecompiles {
  private static final String PKG = "dev.opsim.evm.precompile.";

  private StandardPrecompiles() {}

  public static PrecompileRegistry forSpec(EvmSpec spec) {
    PrecompileRegistry r = new PrecompileRegistry();
    String[] classes = {
        "EcRecoverPrecompile", "Sha256Precompile", "Ripemd160Precompile", "IdentityPrecompile",
        "ModExpPrecompile", null, null, null, "Blake2bFPrecompile", "PointEvaluationPrecompile"};
    for (int i = 1; i <= spec.precompileCount(); i++) {
      String name = classes[i - 1];
      PrecompiledContract c = name == null ? bn254(i) : instance(PKG + name);
      if (c != null) {
        r.register(PrecompileRegistry.address(i), c);
      }
    }
    return r;
  }

  private static PrecompiledContract instance(String className) {
    try {
      return (PrecompiledContract) Class.forName(className).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      return null;
    }
  }

  /** Adapts {@code bn254.Bn254Precompiles} (static add/mul/pairing returning Success/Failure) for 0x06–0x08. */
  private static PrecompiledContract bn254(int n) {
    try {
      Class<?> c = Class.forName(PKG + "bn254.Bn254Precompiles");
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
