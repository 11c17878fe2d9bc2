package dev.opsim.evm;

import dev.opsim.protocol.Address;

/**
 * A fork's EVM rules: the 256-entry operation table with stack bounds and static gas, code limits and the
 * precompile range. Each fork extends the previous one and only adds or overrides entries in its constructor
 * (see {@link ShanghaiSpec}, {@link CancunSpec}); a new fork is a new subclass.
 */
public abstract class EvmSpec {
  public static final int MAX_CALL_DEPTH = 1024;

  final Operation[] operations = new Operation[256];
  final int[] stackIn = new int[256];
  /** Largest stack height (words) at which the operation may start without overflowing. */
  final int[] stackMax = new int[256];
  final long[] staticGas = new long[256];
  final String[] names = new String[256];
  /**
   * Opcodes whose behaviour is the base layer's and which the interpreter may run from its inline switch instead
   * of the table. {@link #register} clears the mark, so a fork that redefines an opcode always gets its table
   * entry used.
   */
  final boolean[] inline = new boolean[256];

  protected EvmSpec() {
    for (int i = 0; i < 256; i++) {
      register(i, "INVALID", 0, 0, 0, StackMemoryOps::invalid);
    }
  }

  /** Defines (or redefines) an opcode: pops {@code in} words, pushes {@code out}, costs {@code gas} up front. */
  protected final void register(int opcode, String name, int in, int out, long gas, Operation op) {
    operations[opcode] = op;
    inline[opcode] = false;
    stackIn[opcode] = in;
    stackMax[opcode] = Frame.MAX_STACK - Math.max(0, out - in);
    staticGas[opcode] = gas;
    names[opcode] = name;
  }

  /** Lets the interpreter run {@code opcode} inline; only for the base layer's own definitions. */
  protected final void markInline(int opcode) {
    inline[opcode] = true;
  }

  public abstract String name();

  public String opcodeName(int opcode) {
    return names[opcode & 0xff];
  }

  /** The gas charged before {@code opcode} runs (tracers report it for a step that fails before running). */
  public long staticGas(int opcode) {
    return staticGas[opcode & 0xff];
  }

  /** How many stack words {@code opcode} needs. */
  public int stackInputs(int opcode) {
    return stackIn[opcode & 0xff];
  }

  /** The largest stack height at which {@code opcode} may start. */
  public int stackLimit(int opcode) {
    return stackMax[opcode & 0xff];
  }

  /** EIP-170. */
  public int maxCodeSize() {
    return 24576;
  }

  /** EIP-3860. */
  public int maxInitCodeSize() {
    return 2 * maxCodeSize();
  }

  /** Highest precompile number of the fork (addresses 0x01..n). */
  public abstract int precompileCount();

  public boolean isPrecompile(Address a) {
    byte[] b = a.bytes().toArrayUnsafe();
    for (int i = 0; i < 18; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    int n = ((b[18] & 0xff) << 8) | (b[19] & 0xff);
    return n >= 1 && n <= precompileCount();
  }

  /** Whether the fork has EIP-4844 blob transactions. */
  public boolean hasBlobs() {
    return false;
  }

  public static EvmSpec forName(String fork) {
    return switch (fork) {
      case "Shanghai" -> new ShanghaiSpec();
      case "Cancun" -> new CancunSpec();
      default -> throw new IllegalArgumentException("unsupported fork: " + fork);
    };
  }
}
