package dev.opsim.evm;

import dev.opsim.evm.state.Log;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/** Stack, memory, storage, flow, logging and hashing operations. */
final class StackMemoryOps {
  private StackMemoryOps() {}

  static int stop(Frame f) {
    return Status.STOP;
  }

  static int invalid(Frame f) {
    return Status.INVALID_OPCODE;
  }

  static int pop(Frame f) {
    f.sp--;
    return Status.CONTINUE;
  }

  static int keccak(Frame f) {
    long[] s = f.stack;
    int offO = f.at(0), sizeO = f.at(1);
    long end = f.regionEnd(offO, sizeO);
    if (end < 0) {
      return Status.OUT_OF_GAS;
    }
    long size = end == 0 ? 0 : s[sizeO];
    if (!f.use(6 * ((size + 31) >>> 5)) || !f.expand(end)) {
      return Status.OUT_OF_GAS;
    }
    byte[] data = size == 0 ? Frame.EMPTY : f.memory.slice(s[offO], size);
    f.sp--;
    Words.fromBytes(s, f.at(0), Keccak.hash(data).bytes().toArrayUnsafe(), 0, 32);
    return Status.CONTINUE;
  }

  static int mload(Frame f) {
    long[] s = f.stack;
    int o = f.at(0);
    if (!Words.fitsLong(s, o) || s[o] > Memory.MAX_END || !f.expand(s[o] + 32)) {
      return Status.OUT_OF_GAS;
    }
    Words.fromBytes(s, o, f.memory.raw(), (int) s[o], 32);
    return Status.CONTINUE;
  }

  static int mstore(Frame f) {
    long[] s = f.stack;
    int o = f.at(0);
    if (!Words.fitsLong(s, o) || s[o] > Memory.MAX_END || !f.expand(s[o] + 32)) {
      return Status.OUT_OF_GAS;
    }
    Words.toBytes(s, o - 4, f.memory.raw(), (int) s[o]);
    f.sp -= 2;
    return Status.CONTINUE;
  }

  static int mstore8(Frame f) {
    long[] s = f.stack;
    int o = f.at(0);
    if (!Words.fitsLong(s, o) || s[o] > Memory.MAX_END || !f.expand(s[o] + 1)) {
      return Status.OUT_OF_GAS;
    }
    f.memory.raw()[(int) s[o]] = (byte) s[o - 4];
    f.sp -= 2;
    return Status.CONTINUE;
  }

  static UInt256 toUInt256(long[] s, int o) {
    byte[] b = new byte[32];
    Words.toBytes(s, o, b, 0);
    return UInt256.fromBytes(Bytes32.wrap(b));
  }

  static void fromUInt256(long[] s, int o, UInt256 v) {
    Words.fromBytes(s, o, v.toBytes().toArrayUnsafe(), 0, 32);
  }

  /** SLOAD: EIP-2929 cold 2100 / warm 100. */
  static int sload(Frame f) {
    long[] s = f.stack;
    int o = f.at(0);
    UInt256 key = toUInt256(s, o);
    boolean warm = f.evm.state.warm(f.address, key);
    if (!f.use(warm ? Gas.WARM_ACCESS : Gas.COLD_SLOAD)) {
      return Status.OUT_OF_GAS;
    }
    fromUInt256(s, o, f.evm.state.storage(f.address, key));
    return Status.CONTINUE;
  }

  /** SSTORE: EIP-2200 net metering with EIP-2929 access costs and EIP-3529 refunds. */
  static int sstore(Frame f) {
    if (f.isStatic) {
      return Status.STATIC_VIOLATION;
    }
    // EIP-2200: fail when no more than the call stipend is left.
    if (f.gas <= Gas.CALL_STIPEND) {
      return Status.OUT_OF_GAS;
    }
    long[] s = f.stack;
    int o = f.at(0);
    UInt256 key = toUInt256(s, o);
    UInt256 value = toUInt256(s, o - 4);
    var state = f.evm.state;
    long cost = 0;
    if (!state.warm(f.address, key)) {
      cost += Gas.COLD_SLOAD;
    }
    UInt256 current = state.storage(f.address, key);
    UInt256 original = state.originalStorage(f.address, key);
    long refund = 0;
    if (current.equals(value)) {
      cost += Gas.WARM_ACCESS;
    } else if (original.equals(current)) {
      if (original.isZero()) {
        cost += Gas.SSTORE_SET;
      } else {
        cost += Gas.SSTORE_RESET;
        if (value.isZero()) {
          refund += Gas.SSTORE_CLEARS_REFUND;
        }
      }
    } else {
      cost += Gas.WARM_ACCESS;
      if (!original.isZero()) {
        if (current.isZero()) {
          refund -= Gas.SSTORE_CLEARS_REFUND;
        } else if (value.isZero()) {
          refund += Gas.SSTORE_CLEARS_REFUND;
        }
      }
      if (original.equals(value)) {
        refund += original.isZero()
            ? Gas.SSTORE_SET - Gas.WARM_ACCESS
            : Gas.SSTORE_RESET - Gas.WARM_ACCESS;
      }
    }
    if (!f.use(cost)) {
      return Status.OUT_OF_GAS;
    }
    if (refund != 0) {
      state.addRefund(refund);
    }
    if (!current.equals(value)) {
      state.setStorage(f.address, key, value);
    }
    f.sp -= 2;
    return Status.CONTINUE;
  }

  static int jump(Frame f) {
    long[] s = f.stack;
    int o = f.at(0);
    if (!Words.fitsLong(s, o) || !f.code.isJumpDest(s[o])) {
      return Status.BAD_JUMP;
    }
    f.pc = (int) s[o];
    f.sp--;
    return Status.CONTINUE;
  }

  static int jumpi(Frame f) {
    long[] s = f.stack;
    int o = f.at(0);
    if (!Words.isZero(s, o - 4)) {
      if (!Words.fitsLong(s, o) || !f.code.isJumpDest(s[o])) {
        return Status.BAD_JUMP;
      }
      f.pc = (int) s[o];
    }
    f.sp -= 2;
    return Status.CONTINUE;
  }

  static int pc(Frame f) {
    f.pushLong(f.pc - 1);
    return Status.CONTINUE;
  }

  static int msize(Frame f) {
    f.pushLong(f.memory.size());
    return Status.CONTINUE;
  }

  static int gas(Frame f) {
    f.pushLong(f.gas);
    return Status.CONTINUE;
  }

  static int jumpdest(Frame f) {
    return Status.CONTINUE;
  }

  static int push0(Frame f) {
    Words.set(f.stack, f.sp << 2, 0);
    f.sp++;
    return Status.CONTINUE;
  }

  /** PUSHn: immediate bytes past the end of the code read as zero. */
  static Operation push(int n) {
    return f -> pushAny(f, n);
  }

  static int pushAny(Frame f, int n) {
    {
      long[] s = f.stack;
      int o = f.sp << 2;
      s[o] = 0;
      s[o + 1] = 0;
      s[o + 2] = 0;
      s[o + 3] = 0;
      byte[] code = f.code.bytes();
      int start = f.pc;
      int avail = Math.min(n, code.length - start);
      for (int k = 0; k < avail; k++) {
        int bytePos = n - 1 - k;
        s[o + (bytePos >>> 3)] |= (code[start + k] & 0xffL) << ((bytePos & 7) << 3);
      }
      f.sp++;
      f.pc = start + n;
      return Status.CONTINUE;
    }
  }

  static Operation dup(int n) {
    return f -> {
      long[] s = f.stack;
      System.arraycopy(s, (f.sp - n) << 2, s, f.sp << 2, 4);
      f.sp++;
      return Status.CONTINUE;
    };
  }

  static Operation swap(int n) {
    return f -> {
      long[] s = f.stack;
      int a = (f.sp - 1) << 2;
      int b = (f.sp - 1 - n) << 2;
      for (int i = 0; i < 4; i++) {
        long t = s[a + i];
        s[a + i] = s[b + i];
        s[b + i] = t;
      }
      return Status.CONTINUE;
    };
  }

  /** LOGn: 375 static + 375 per topic + 8 per data byte + memory. */
  static Operation log(int topics) {
    return f -> {
      if (f.isStatic) {
        return Status.STATIC_VIOLATION;
      }
      long[] s = f.stack;
      int offO = f.at(0), sizeO = f.at(1);
      long end = f.regionEnd(offO, sizeO);
      if (end < 0) {
        return Status.OUT_OF_GAS;
      }
      long size = end == 0 ? 0 : s[sizeO];
      if (!f.use(Gas.LOG_TOPIC * topics) || !f.use(Gas.LOG_DATA * size) || !f.expand(end)) {
        return Status.OUT_OF_GAS;
      }
      byte[] data = size == 0 ? Frame.EMPTY : f.memory.slice(s[offO], size);
      List<Hash> ts = new ArrayList<>(topics);
      for (int i = 0; i < topics; i++) {
        byte[] t = new byte[32];
        Words.toBytes(s, f.at(2 + i), t, 0);
        ts.add(new Hash(Bytes32.wrap(t)));
      }
      Log log = new Log(f.address, ts, Bytes.wrap(data));
      f.evm.state.addLog(log);
      if (f.evm.tracer != null) {
        f.evm.tracer.log(log);
      }
      f.sp -= 2 + topics;
      return Status.CONTINUE;
    };
  }
}
