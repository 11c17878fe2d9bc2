package dev.opsim.evm;

import dev.opsim.evm.precompile.PrecompiledContract;
import dev.opsim.evm.state.JournaledState;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * The interpreter for one transaction's messages. Calls and creates run on an explicit frame chain (each frame
 * points at its parent), so call depth costs heap, not Java stack. Not thread-safe; the {@link CodeCache} may be
 * shared by the {@code Evm}s of consecutive transactions.
 */
public final class Evm {
  final EvmSpec spec;
  final PrecompileRegistry precompiles;
  final CodeCache codeCache;
  final Tracer tracer;
  final JournaledState state;
  final BlockEnv block;
  final Address origin;
  final BigInteger gasPrice;
  final List<Hash> blobHashes;

  public Evm(EvmSpec spec, PrecompileRegistry precompiles, CodeCache codeCache, Tracer tracer,
      JournaledState state, BlockEnv block, Address origin, BigInteger gasPrice, List<Hash> blobHashes) {
    this.spec = spec;
    this.precompiles = precompiles;
    this.codeCache = codeCache;
    this.tracer = tracer;
    this.state = state;
    this.block = block;
    this.origin = origin;
    this.gasPrice = gasPrice;
    this.blobHashes = List.copyOf(blobHashes);
  }

  public EvmSpec spec() {
    return spec;
  }

  /** EIP-2929 account access: 100 when warm, else 2600 and the account becomes warm. */
  long accessCost(Address a) {
    return state.warm(a) ? Gas.WARM_ACCESS : Gas.COLD_ACCOUNT_ACCESS;
  }

  // ---- top level ----

  /** A message call from the transaction (depth 0); the value is transferred here. */
  public ExecutionResult call(Address caller, Address to, BigInteger value, Bytes input, long gas) {
    Frame root = newCall(null, Frame.KIND_CALL, 0, to, caller, to, value, input.toArray(), false, gas);
    return run(root);
  }

  /** A creation from the transaction at {@code address} (the sender nonce is already incremented). */
  public ExecutionResult create(Address caller, Address address, BigInteger value, Bytes initCode, long gas) {
    if (state.hasCollision(address)) {
      if (tracer != null) {
        traceFailedMessage(0, Frame.KIND_CREATE, caller, address, initCode.toArrayUnsafe(), gas, value, gas,
            Status.ADDRESS_COLLISION);
      }
      return new ExecutionResult(Status.OUT_OF_GAS, 0, Bytes.EMPTY, null);
    }
    Frame root = newCreate(null, Frame.KIND_CREATE, 0, caller, address, value, initCode.toArray(), gas);
    return run(root);
  }

  private ExecutionResult run(Frame root) {
    Frame f = root;
    if (f.done) {
      return result(f);
    }
    while (true) {
      int st = interpret(f);
      if (st == Status.SPAWN) {
        f = f.child;
        continue;
      }
      complete(f, st);
      Frame parent = f.parent;
      if (parent == null) {
        return result(f);
      }
      resume(parent, f);
      f = parent;
    }
  }

  private ExecutionResult result(Frame f) {
    boolean ok = !Status.isError(f.status) && f.status != Status.REVERT;
    return new ExecutionResult(f.status, f.gas, Bytes.wrap(f.output), ok && f.isCreate() ? f.address : null);
  }

  /**
   * Runs {@code f} until it halts or spawns a child. The program counter, stack height and gas live in locals;
   * they are written back to the frame around every table call, tracer call and halt. The hottest opcodes run
   * inline on the locals (their table entries have the same semantics; see {@link EvmSpec#markInline}).
   */
  private int interpret(Frame f) {
    final Operation[] ops = spec.operations;
    final int[] stackIn = spec.stackIn;
    final int[] stackMax = spec.stackMax;
    final long[] staticGas = spec.staticGas;
    final boolean[] inline = spec.inline;
    final Code analysed = f.code;
    final byte[] code = analysed.bytes();
    final int len = code.length;
    final long[] s = f.stack;
    final Tracer t = tracer;
    int pc = f.pc;
    int sp = f.sp;
    long gas = f.gas;
    while (true) {
      int op = pc < len ? code[pc] & 0xff : 0x00;
      if (t != null) {
        f.pc = pc;
        f.sp = sp;
        f.gas = gas;
        t.beforeStep(pc, op, gas, f.depth, s, sp, f.memory.size());
      }
      final int opPc = pc;
      final long gasBefore = gas;
      int st = Status.CONTINUE;
      if (sp < stackIn[op]) {
        st = Status.STACK_UNDERFLOW;
      } else if (sp > stackMax[op]) {
        st = Status.STACK_OVERFLOW;
      } else if (gas < staticGas[op]) {
        st = Status.OUT_OF_GAS;
      } else if (inline[op]) {
        gas -= staticGas[op];
        int o = (sp - 1) << 2;
        switch (op) {
          case 0x60 -> {
            int n = sp << 2;
            s[n] = pc + 1 < len ? code[pc + 1] & 0xffL : 0;
            s[n + 1] = 0;
            s[n + 2] = 0;
            s[n + 3] = 0;
            sp++;
            pc += 2;
          }
          case 0x61 -> {
            int n = sp << 2;
            long hi = pc + 1 < len ? code[pc + 1] & 0xffL : 0;
            long lo = pc + 2 < len ? code[pc + 2] & 0xffL : 0;
            s[n] = (hi << 8) | lo;
            s[n + 1] = 0;
            s[n + 2] = 0;
            s[n + 3] = 0;
            sp++;
            pc += 3;
          }
          case 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f -> {
            int src = (sp - (op - 0x7f)) << 2;
            int dst = sp << 2;
            s[dst] = s[src];
            s[dst + 1] = s[src + 1];
            s[dst + 2] = s[src + 2];
            s[dst + 3] = s[src + 3];
            sp++;
            pc++;
          }
          case 0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f -> {
            int b = o - ((op - 0x8f) << 2);
            long t0 = s[o];
            long t1 = s[o + 1];
            long t2 = s[o + 2];
            long t3 = s[o + 3];
            s[o] = s[b];
            s[o + 1] = s[b + 1];
            s[o + 2] = s[b + 2];
            s[o + 3] = s[b + 3];
            s[b] = t0;
            s[b + 1] = t1;
            s[b + 2] = t2;
            s[b + 3] = t3;
            pc++;
          }
          case 0x01 -> {
            Words.add(s, o);
            sp--;
            pc++;
          }
          case 0x02 -> {
            Words.mul(s, o);
            sp--;
            pc++;
          }
          case 0x03 -> {
            Words.sub(s, o);
            sp--;
            pc++;
          }
          case 0x10 -> {
            Words.set(s, o - 4, Words.compareUnsigned(s, o, o - 4) < 0 ? 1 : 0);
            sp--;
            pc++;
          }
          case 0x11 -> {
            Words.set(s, o - 4, Words.compareUnsigned(s, o, o - 4) > 0 ? 1 : 0);
            sp--;
            pc++;
          }
          case 0x14 -> {
            boolean eq = s[o] == s[o - 4] && s[o + 1] == s[o - 3] && s[o + 2] == s[o - 2] && s[o + 3] == s[o - 1];
            Words.set(s, o - 4, eq ? 1 : 0);
            sp--;
            pc++;
          }
          case 0x15 -> {
            Words.set(s, o, Words.isZero(s, o) ? 1 : 0);
            pc++;
          }
          case 0x16 -> {
            s[o - 4] &= s[o];
            s[o - 3] &= s[o + 1];
            s[o - 2] &= s[o + 2];
            s[o - 1] &= s[o + 3];
            sp--;
            pc++;
          }
          case 0x17 -> {
            s[o - 4] |= s[o];
            s[o - 3] |= s[o + 1];
            s[o - 2] |= s[o + 2];
            s[o - 1] |= s[o + 3];
            sp--;
            pc++;
          }
          case 0x19 -> {
            s[o] = ~s[o];
            s[o + 1] = ~s[o + 1];
            s[o + 2] = ~s[o + 2];
            s[o + 3] = ~s[o + 3];
            pc++;
          }
          case 0x1b -> {
            Words.shl(s, o);
            sp--;
            pc++;
          }
          case 0x1c -> {
            Words.shr(s, o);
            sp--;
            pc++;
          }
          case 0x50 -> {
            sp--;
            pc++;
          }
          case 0x56 -> {
            if ((s[o + 1] | s[o + 2] | s[o + 3]) != 0 || !analysed.isJumpDest(s[o])) {
              st = Status.BAD_JUMP;
            } else {
              pc = (int) s[o];
              sp--;
            }
          }
          case 0x57 -> {
            if ((s[o - 4] | s[o - 3] | s[o - 2] | s[o - 1]) != 0) {
              if ((s[o + 1] | s[o + 2] | s[o + 3]) != 0 || !analysed.isJumpDest(s[o])) {
                st = Status.BAD_JUMP;
              } else {
                pc = (int) s[o];
                sp -= 2;
              }
            } else {
              pc++;
              sp -= 2;
            }
          }
          case 0x5b -> pc++;
          default -> {
            // PUSH3..PUSH32, MLOAD, MSTORE: through the frame
            f.pc = pc + 1;
            f.sp = sp;
            f.gas = gas;
            st = op >= 0x60 ? StackMemoryOps.pushAny(f, op - 0x5f) : ops[op].execute(f);
            pc = f.pc;
            sp = f.sp;
            gas = f.gas;
          }
        }
      } else {
        gas -= staticGas[op];
        f.pc = pc + 1;
        f.sp = sp;
        f.gas = gas;
        try {
          st = ops[op].execute(f);
        } catch (RuntimeException | OutOfMemoryError e) {
          // An operation must not throw; if one does, the frame halts exceptionally rather than the node.
          st = Status.INTERNAL_ERROR;
        }
        pc = f.pc;
        sp = f.sp;
        gas = f.gas;
      }
      if (t != null) {
        t.afterStep(opPc, op, gasBefore, gas, f.depth, st);
      }
      if (st != Status.CONTINUE) {
        f.pc = pc;
        f.sp = sp;
        f.gas = gas;
        return st;
      }
    }
  }

  /** Finishes a frame that halted: code deposit for creations, revert on failure. */
  private void complete(Frame f, int st) {
    byte[] deployed = null;
    boolean depositOutOfGas = false;
    if (f.isCreate() && (st == Status.STOP || st == Status.RETURN)) {
      byte[] code = st == Status.RETURN ? f.output : Frame.EMPTY;
      if (code.length > spec.maxCodeSize()) {
        st = Status.CODE_TOO_LARGE;
      } else if (code.length > 0 && (code[0] & 0xff) == 0xef) {
        st = Status.INVALID_CODE_PREFIX; // EIP-3541
      } else if (!f.use(Gas.CODE_DEPOSIT_PER_BYTE * code.length)) {
        st = Status.OUT_OF_GAS;
        depositOutOfGas = true;
      } else {
        state.setCode(f.address, Bytes.wrap(code));
        st = Status.RETURN;
        deployed = code;
      }
      f.output = Frame.EMPTY;
    }
    if (Status.isError(st)) {
      state.revert(f.checkpoint);
      f.gas = 0;
      f.output = Frame.EMPTY;
    } else if (st == Status.REVERT) {
      state.revert(f.checkpoint);
    }
    f.status = st;
    f.done = true;
    if (tracer != null) {
      byte[] out = deployed != null ? deployed : f.output;
      tracer.exit(f.depth, Bytes.wrap(out), f.startGas - f.gas, depositOutOfGas ? Status.CODE_STORE_OUT_OF_GAS : st);
    }
  }

  /**
   * Reports to the tracer a message that ends before a frame runs (geth reports these too): call depth, balance,
   * address collision, nonce overflow. Only called with a tracer installed.
   */
  void traceFailedMessage(int depth, int kind, Address from, Address to, byte[] input, long gas, BigInteger value,
      long gasUsed, int status) {
    tracer.enter(depth, kind, from, to, Bytes.wrap(input), gas, kind == Frame.KIND_STATICCALL ? null : value, null);
    tracer.exit(depth, Bytes.EMPTY, gasUsed, status);
  }

  /** Hands a finished child's result to its parent: gas back, return data, memory, result word. */
  void resume(Frame parent, Frame child) {
    parent.child = null;
    parent.gas += child.gas;
    boolean ok = child.status == Status.STOP || child.status == Status.RETURN;
    if (child.isCreate()) {
      parent.returnData = child.status == Status.REVERT ? child.output : Frame.EMPTY;
      if (ok) {
        parent.pushBytes(child.address.bytes().toArrayUnsafe());
      } else {
        parent.pushLong(0);
      }
      return;
    }
    parent.returnData = child.output;
    long n = Math.min(parent.childRetSize, child.output.length);
    if (n > 0) {
      System.arraycopy(child.output, 0, parent.memory.raw(), (int) parent.childRetOffset, (int) n);
    }
    parent.pushLong(ok ? 1 : 0);
  }

  // ---- frame construction ----

  /**
   * A message call frame. The value transfer (CALL) or touch (STATICCALL, zero-value CALL) happens here, after
   * the frame's checkpoint, so a failing callee undoes it. Precompiles and code-less targets finish at once.
   */
  Frame newCall(Frame parent, int kind, int depth, Address to, Address caller, Address codeAddress,
      BigInteger value, byte[] input, boolean isStatic, long gas) {
    int cp = state.checkpoint();
    Address context;
    Address msgCaller;
    BigInteger msgValue;
    switch (kind) {
      case Frame.KIND_CALLCODE -> {
        context = parent.address;
        msgCaller = parent.address;
        msgValue = value;
      }
      case Frame.KIND_DELEGATECALL -> {
        context = parent.address;
        msgCaller = parent.caller;
        msgValue = parent.value;
      }
      default -> {
        context = to;
        msgCaller = caller;
        msgValue = value;
      }
    }
    Frame f = new Frame(this, parent, kind, depth, context, msgCaller, codeAddress, msgValue, input,
        isStatic || kind == Frame.KIND_STATICCALL, cp, gas);
    if (tracer != null) {
      tracer.enter(depth, kind, caller, to, Bytes.wrap(input), gas, kind == Frame.KIND_STATICCALL ? null : msgValue,
          f);
    }
    if (kind == Frame.KIND_CALL) {
      if (value.signum() > 0) {
        state.subBalance(caller, value);
        state.addBalance(to, value);
      } else {
        state.touch(to);
      }
    } else if (kind == Frame.KIND_STATICCALL) {
      state.touch(to);
    }
    PrecompiledContract pc = spec.isPrecompile(codeAddress) ? precompiles.get(codeAddress) : null;
    if (pc != null) {
      long cost = pc.gasCost(input);
      byte[] out = cost <= gas ? safeCompute(pc, input) : null;
      if (out == null) {
        state.revert(cp);
        f.finishNow(Status.PRECOMPILE_FAILED, 0, Frame.EMPTY);
        if (tracer != null) {
          tracer.exit(depth, Bytes.EMPTY, gas, cost > gas ? Status.OUT_OF_GAS : Status.PRECOMPILE_FAILED);
        }
      } else {
        f.finishNow(Status.RETURN, gas - cost, out);
        if (tracer != null) {
          tracer.exit(depth, Bytes.wrap(out), cost, Status.RETURN);
        }
      }
      return f;
    }
    Bytes code = state.code(codeAddress);
    if (code.isEmpty()) {
      f.finishNow(Status.STOP, gas, Frame.EMPTY);
      if (tracer != null) {
        tracer.exit(depth, Bytes.EMPTY, 0, Status.STOP);
      }
      return f;
    }
    f.start(codeCache.get(state.codeHash(codeAddress), code));
    return f;
  }

  private static byte[] safeCompute(PrecompiledContract pc, byte[] input) {
    try {
      return pc.compute(input);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A creation frame at {@code address}; the caller's nonce and the collision check are done by the caller. */
  Frame newCreate(Frame parent, int kind, int depth, Address caller, Address address, BigInteger value,
      byte[] initCode, long gas) {
    int cp = state.checkpoint();
    state.createContract(address, 1);
    if (value.signum() > 0) {
      state.subBalance(caller, value);
      state.addBalance(address, value);
    }
    Frame f = new Frame(this, parent, kind, depth, address, caller, address, value, Frame.EMPTY, false, cp, gas);
    f.start(new Code(initCode));
    if (tracer != null) {
      tracer.enter(depth, kind, caller, address, Bytes.wrap(initCode), gas, value, f);
    }
    return f;
  }
}
