package dev.opsim.evm;

import dev.opsim.protocol.Address;
import java.math.BigInteger;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * One call or create frame. Fields are package-visible for the operations; the interpreter is the only
 * mutator. A frame that needs no interpretation (precompile, empty code, failed setup) is created done.
 */
public final class Frame {
  public static final int MAX_STACK = 1024;
  static final byte[] EMPTY = new byte[0];

  public static final int KIND_CALL = 0;
  public static final int KIND_CALLCODE = 1;
  public static final int KIND_DELEGATECALL = 2;
  public static final int KIND_STATICCALL = 3;
  public static final int KIND_CREATE = 4;
  public static final int KIND_CREATE2 = 5;

  final Evm evm;
  final Frame parent;
  final int kind;
  final int depth;
  final Address address;
  final Address caller;
  final Address codeAddress;
  final BigInteger value;
  final byte[] input;
  final boolean isStatic;
  final int checkpoint;
  /** The gas the frame started with, for the tracer's gasUsed. */
  final long startGas;

  Code code;
  long[] stack;
  /** Scratch for the wide division paths of {@link Words} (DIV, MOD, SDIV, SMOD, ADDMOD, MULMOD). */
  long[] wordScratch;
  int sp;
  Memory memory;
  int pc;
  long gas;
  byte[] returnData = EMPTY;
  byte[] output = EMPTY;

  boolean done;
  int status;
  /** Where the pending child's output goes in this frame's memory (CALL family). */
  long childRetOffset;
  long childRetSize;
  Frame child;

  Frame(Evm evm, Frame parent, int kind, int depth, Address address, Address caller, Address codeAddress,
      BigInteger value, byte[] input, boolean isStatic, int checkpoint, long gas) {
    this.evm = evm;
    this.parent = parent;
    this.kind = kind;
    this.depth = depth;
    this.address = address;
    this.caller = caller;
    this.codeAddress = codeAddress;
    this.value = value;
    this.input = input;
    this.isStatic = isStatic;
    this.checkpoint = checkpoint;
    this.gas = gas;
    this.startGas = gas;
  }

  void start(Code code) {
    this.code = code;
    this.stack = new long[MAX_STACK * 4];
    this.wordScratch = new long[Words.SCRATCH_SIZE];
    this.memory = new Memory();
  }

  void finishNow(int status, long gasLeft, byte[] output) {
    this.done = true;
    this.status = status;
    this.gas = gasLeft;
    this.output = output;
  }

  public boolean isCreate() {
    return kind == KIND_CREATE || kind == KIND_CREATE2;
  }

  public int depth() {
    return depth;
  }

  public long gas() {
    return gas;
  }

  public Address address() {
    return address;
  }

  // ---- read-only views for tracers (not for the interpreter's hot path) ----

  /** One of the {@code KIND_*} constants. */
  public int kind() {
    return kind;
  }

  public Address caller() {
    return caller;
  }

  /** Whose code runs: the callee, or for CALLCODE/DELEGATECALL the code address. */
  public Address codeAddress() {
    return codeAddress;
  }

  public long memorySize() {
    return memory == null ? 0 : memory.size();
  }

  /** A copy of the active memory (memorySize() bytes). */
  public byte[] memoryCopy() {
    return memory == null ? EMPTY : memory.slice(0, memory.size());
  }

  /** A copy of the last child's return data (RETURNDATASIZE bytes). */
  public byte[] returnDataCopy() {
    return returnData.clone();
  }

  /** The current value of the storage slot {@code key} of this frame's account; reading has no side effect. */
  public UInt256 storage(UInt256 key) {
    return evm.state.storage(address, key);
  }

  /** The transaction's refund counter so far. */
  public long refundCounter() {
    return evm.state.refund();
  }

  // ---- helpers for operations ----

  /** Limb offset of the word {@code n} below the top (0 = top). */
  int at(int n) {
    return (sp - 1 - n) << 2;
  }

  boolean use(long amount) {
    if (gas < amount || amount < 0) {
      gas = 0;
      return false;
    }
    gas -= amount;
    return true;
  }

  /**
   * End of a memory region given offset/size words at limb offsets, or -1 when it cannot be paid for; 0 for an
   * empty region (its offset is then irrelevant).
   */
  long regionEnd(int offWord, int sizeWord) {
    long[] s = stack;
    if (Words.isZero(s, sizeWord)) {
      return 0;
    }
    if (!Words.fitsLong(s, offWord) || !Words.fitsLong(s, sizeWord)) {
      return -1;
    }
    long end = s[offWord] + s[sizeWord];
    if (end > Memory.MAX_END || end < 0) {
      return -1;
    }
    return end;
  }

  /** Charges and performs expansion to cover {@code end}; false on out of gas. */
  boolean expand(long end) {
    // Beyond a Java array's reach the quadratic price is trillions of gas anyway: treat as out of gas.
    if (end < 0 || end > Integer.MAX_VALUE - 64) {
      gas = 0;
      return false;
    }
    long cost = memory.expansionCost(end);
    if (cost > 0) {
      if (!use(cost)) {
        return false;
      }
      memory.grow(end);
    }
    return true;
  }

  Address popAddress() {
    int o = at(0);
    sp--;
    return toAddress(stack, o);
  }

  static Address toAddress(long[] s, int o) {
    byte[] b = new byte[20];
    long hi = s[o + 2];
    for (int i = 0; i < 4; i++) {
      b[3 - i] = (byte) (hi >>> (8 * i));
    }
    long mid = s[o + 1];
    for (int i = 0; i < 8; i++) {
      b[11 - i] = (byte) (mid >>> (8 * i));
    }
    long lo = s[o];
    for (int i = 0; i < 8; i++) {
      b[19 - i] = (byte) (lo >>> (8 * i));
    }
    return new Address(org.apache.tuweni.bytes.Bytes.wrap(b));
  }

  void pushLong(long v) {
    Words.set(stack, sp << 2, v);
    sp++;
  }

  void pushBytes(byte[] b) {
    Words.fromBytes(stack, sp << 2, b, 0, b.length);
    sp++;
  }

  void pushBig(BigInteger v) {
    Words.fromBig(stack, sp << 2, v);
    sp++;
  }
}
