package dev.opsim.benchmarks;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A tiny EVM assembler for the hand-written benchmark loops: opcodes, minimal pushes and labelled jumps. */
final class Asm {
  static final int STOP = 0x00;
  static final int ADD = 0x01;
  static final int MUL = 0x02;
  static final int SUB = 0x03;
  static final int DIV = 0x04;
  static final int SDIV = 0x05;
  static final int MOD = 0x06;
  static final int SMOD = 0x07;
  static final int ADDMOD = 0x08;
  static final int MULMOD = 0x09;
  static final int EXP = 0x0a;
  static final int SIGNEXTEND = 0x0b;
  static final int LT = 0x10;
  static final int GT = 0x11;
  static final int SLT = 0x12;
  static final int EQ = 0x14;
  static final int ISZERO = 0x15;
  static final int AND = 0x16;
  static final int OR = 0x17;
  static final int XOR = 0x18;
  static final int NOT = 0x19;
  static final int BYTE = 0x1a;
  static final int SHL = 0x1b;
  static final int SHR = 0x1c;
  static final int SAR = 0x1d;
  static final int KECCAK256 = 0x20;
  static final int POP = 0x50;
  static final int MLOAD = 0x51;
  static final int MSTORE = 0x52;
  static final int MSTORE8 = 0x53;
  static final int SLOAD = 0x54;
  static final int SSTORE = 0x55;
  static final int JUMP = 0x56;
  static final int JUMPI = 0x57;
  static final int GAS = 0x5a;
  static final int JUMPDEST = 0x5b;
  static final int MCOPY = 0x5e;
  static final int PUSH1 = 0x60;
  static final int PUSH2 = 0x61;
  static final int DUP1 = 0x80;
  static final int SWAP1 = 0x90;
  static final int CALL = 0xf1;
  static final int RETURN = 0xf3;
  static final int DELEGATECALL = 0xf4;
  static final int STATICCALL = 0xfa;

  private final ByteArrayOutputStream code = new ByteArrayOutputStream();
  private final Map<String, Integer> labels = new HashMap<>();
  private final List<Map.Entry<Integer, String>> fixups = new ArrayList<>();

  Asm op(int... opcodes) {
    for (int o : opcodes) {
      code.write(o);
    }
    return this;
  }

  /** DUPn, n in 1..16. */
  Asm dup(int n) {
    return op(DUP1 + n - 1);
  }

  /** SWAPn, n in 1..16. */
  Asm swap(int n) {
    return op(SWAP1 + n - 1);
  }

  Asm push(long value) {
    return push(BigInteger.valueOf(value));
  }

  /** The shortest PUSHn of a non-negative value below 2^256. */
  Asm push(BigInteger value) {
    byte[] b = value.toByteArray();
    int start = b.length > 1 && b[0] == 0 ? 1 : 0;
    int n = b.length - start;
    code.write(PUSH1 + n - 1);
    code.write(b, start, n);
    return this;
  }

  /** A PUSHn of exactly {@code n} bytes, for the stack benchmark's mix of widths. */
  Asm pushWidth(int n, long seed) {
    code.write(PUSH1 + n - 1);
    for (int i = 0; i < n; i++) {
      code.write((int) (seed >>> ((i % 8) * 8)) ^ i);
    }
    return this;
  }

  /** Marks a jump target here (emits JUMPDEST). */
  Asm label(String name) {
    labels.put(name, code.size());
    return op(JUMPDEST);
  }

  /** PUSH2 of a label's offset, resolved in {@link #bytes}. */
  Asm pushLabel(String name) {
    code.write(PUSH2);
    fixups.add(Map.entry(code.size(), name));
    code.write(0);
    code.write(0);
    return this;
  }

  byte[] bytes() {
    byte[] out = code.toByteArray();
    for (Map.Entry<Integer, String> f : fixups) {
      Integer target = labels.get(f.getValue());
      if (target == null) {
        throw new IllegalStateException("undefined label " + f.getValue());
      }
      out[f.getKey()] = (byte) (target >>> 8);
      out[f.getKey() + 1] = (byte) (int) target;
    }
    return out;
  }
}
