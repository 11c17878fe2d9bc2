package dev.opsim.benchmarks;

import static dev.opsim.benchmarks.Asm.ADD;
import static dev.opsim.benchmarks.Asm.ADDMOD;
import static dev.opsim.benchmarks.Asm.AND;
import static dev.opsim.benchmarks.Asm.BYTE;
import static dev.opsim.benchmarks.Asm.CALL;
import static dev.opsim.benchmarks.Asm.DELEGATECALL;
import static dev.opsim.benchmarks.Asm.DIV;
import static dev.opsim.benchmarks.Asm.EQ;
import static dev.opsim.benchmarks.Asm.EXP;
import static dev.opsim.benchmarks.Asm.GAS;
import static dev.opsim.benchmarks.Asm.GT;
import static dev.opsim.benchmarks.Asm.ISZERO;
import static dev.opsim.benchmarks.Asm.JUMP;
import static dev.opsim.benchmarks.Asm.JUMPI;
import static dev.opsim.benchmarks.Asm.KECCAK256;
import static dev.opsim.benchmarks.Asm.LT;
import static dev.opsim.benchmarks.Asm.MCOPY;
import static dev.opsim.benchmarks.Asm.MLOAD;
import static dev.opsim.benchmarks.Asm.MOD;
import static dev.opsim.benchmarks.Asm.MSTORE;
import static dev.opsim.benchmarks.Asm.MSTORE8;
import static dev.opsim.benchmarks.Asm.MUL;
import static dev.opsim.benchmarks.Asm.MULMOD;
import static dev.opsim.benchmarks.Asm.NOT;
import static dev.opsim.benchmarks.Asm.OR;
import static dev.opsim.benchmarks.Asm.POP;
import static dev.opsim.benchmarks.Asm.RETURN;
import static dev.opsim.benchmarks.Asm.SAR;
import static dev.opsim.benchmarks.Asm.SDIV;
import static dev.opsim.benchmarks.Asm.SHL;
import static dev.opsim.benchmarks.Asm.SHR;
import static dev.opsim.benchmarks.Asm.SIGNEXTEND;
import static dev.opsim.benchmarks.Asm.SLOAD;
import static dev.opsim.benchmarks.Asm.SLT;
import static dev.opsim.benchmarks.Asm.SMOD;
import static dev.opsim.benchmarks.Asm.SSTORE;
import static dev.opsim.benchmarks.Asm.STATICCALL;
import static dev.opsim.benchmarks.Asm.STOP;
import static dev.opsim.benchmarks.Asm.SUB;
import static dev.opsim.benchmarks.Asm.SWAP1;
import static dev.opsim.benchmarks.Asm.XOR;

import dev.opsim.evm.state.InMemoryBaseState;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * Hand-written bytecode loops, one per opcode family. Each program keeps a down-counter on top of the stack, runs
 * a family-specific body {@code iterations} times and stops; the body leaves the stack as it found it. Iteration
 * counts put each transaction at one to fifteen million gas (tens of milliseconds): per-transaction overhead stays
 * small and a JMH iteration still holds many operations.
 */
public enum OpcodeLoop {
  /** 256-bit arithmetic on an accumulator: MUL, ADD, SUB, DIV, SDIV, MOD, SMOD, ADDMOD, MULMOD, EXP, SIGNEXTEND. */
  ARITHMETIC(4_000, a -> {
    a.swap(1); // [ctr, acc]
    a.push(Words.K1).op(MUL).push(Words.K2).op(ADD).push(Words.K3).op(SWAP1, SUB);
    a.push(Words.P).dup(2).dup(1).op(MULMOD).swap(1).op(POP); // acc*acc mod p
    a.push(Words.P).push(Words.K4).dup(3).op(ADDMOD).swap(1).op(POP); // acc+k4 mod p
    a.push(BigInteger.ONE.shiftLeft(61).add(BigInteger.ONE)).op(SWAP1, DIV).push(Words.K1).op(MUL);
    a.push(BigInteger.ONE.shiftLeft(70).add(BigInteger.TEN)).op(SWAP1, SDIV).push(Words.K2).op(MUL);
    a.push(Words.P).op(SWAP1, MOD).push(Words.K3).op(MUL).push(Words.P.shiftRight(3)).op(SWAP1, SMOD);
    a.push(3).op(SWAP1, EXP).push(Words.K4).op(ADD);
    a.dup(1).push(30).op(SIGNEXTEND, ADD);
    a.swap(1);
  }),
  /** Bitwise and comparison: AND, OR, XOR, NOT, SHL, SHR, SAR, BYTE, LT, GT, SLT, EQ, ISZERO. */
  BITWISE(40_000, a -> {
    a.swap(1);
    a.push(Words.K1).op(XOR).push(Words.K2).op(AND).push(Words.K3).op(OR).op(NOT);
    a.push(3).op(SHL).push(5).op(SHR).push(7).op(SAR);
    a.dup(1).push(5).op(BYTE, ADD);
    a.dup(1).push(Words.K2).op(LT, ADD).dup(1).push(Words.K3).op(GT, ADD).dup(1).push(Words.K4).op(SLT, ADD);
    a.dup(1).push(Words.K1).op(EQ, ISZERO, ADD);
    a.push(1).op(SHL).push(Words.K4).op(XOR);
    a.swap(1);
  }),
  /** Stack traffic: PUSH1..PUSH32 of mixed widths, DUP1..DUP16, SWAP1..SWAP16, POP. */
  STACK(20_000, a -> {
    int[] widths = {1, 2, 4, 8, 16, 20, 32, 3, 1, 5, 12, 32, 7, 24, 2, 31};
    for (int i = 0; i < widths.length; i++) {
      a.pushWidth(widths[i], 0x9e3779b97f4a7c15L * (i + 1));
    }
    for (int n = 1; n <= 16; n++) {
      a.dup(n);
    }
    for (int n = 1; n <= 16; n++) {
      a.swap(n);
    }
    for (int i = 0; i < 32; i++) {
      a.op(POP);
    }
  }),
  /** Memory within 1 KiB once expanded: MSTORE, MLOAD, MSTORE8, MCOPY. */
  MEMORY(40_000, a -> {
    a.dup(1).push(0x3e0).op(AND); // [ctr, off]
    a.dup(2).dup(2).op(MSTORE);
    a.dup(1).op(MLOAD).push(0x400).op(MSTORE);
    a.dup(2).dup(2).push(7).op(ADD, MSTORE8);
    a.push(32).dup(2).push(0x420).op(MCOPY);
    a.push(0x400).op(MLOAD).dup(2).op(MLOAD, ADD).push(0x440).op(MSTORE);
    a.op(POP);
  }),
  /** Control flow: JUMP, taken and untaken JUMPI, JUMPDEST, between 8 blocks. */
  CONTROL(40_000, a -> {
    for (int i = 0; i < 8; i++) {
      a.pushLabel("a" + i).op(JUMP);
      a.label("a" + i);
      a.dup(1).pushLabel("b" + i).op(JUMPI); // counter > 0 inside the body: taken
      a.label("b" + i);
      a.push(0).pushLabel("a" + i).op(JUMPI); // never taken
    }
  }),
  /** A keccak-256 chain: hash 64 bytes and 256 bytes of memory, feeding each digest back into memory. */
  KECCAK(10_000, a -> {
    a.push(64).push(0).op(KECCAK256).push(0).op(MSTORE);
    a.push(256).push(0).op(KECCAK256).push(32).op(MSTORE);
  }),
  /**
   * Storage-heavy: SLOAD and SSTORE (nonzero to nonzero) over 1,024 pre-populated slots, plus a second SLOAD: cold
   * accesses the first time a slot is seen, warm and dirty afterwards, as in contract state updates.
   */
  STORAGE(20_000, a -> {
    a.dup(1).push(1023).op(AND); // [ctr, slot]
    a.dup(1).op(SLOAD).dup(3).op(ADD).swap(1).op(SSTORE);
    a.dup(1).push(7).op(MUL).push(1023).op(AND, SLOAD, POP);
  }),
  /** Message calls to a small contract that returns one word: STATICCALL, CALL (no value) and DELEGATECALL. */
  CALLS(2_000, a -> {
    BigInteger callee = new BigInteger(1, BenchmarkAccounts.CALLEE.bytes().toArrayUnsafe());
    a.push(32).push(0).push(0).push(0).push(callee).op(GAS, STATICCALL, POP);
    a.push(32).push(0).push(0).push(0).push(0).push(callee).op(GAS, CALL, POP);
    a.push(32).push(0).push(0).push(0).push(callee).op(GAS, DELEGATECALL, POP);
    a.push(0).op(MLOAD, POP);
  });

  /** Operands of the arithmetic and bitwise bodies (a holder class: enum constants cannot see later statics). */
  private static final class Words {
    /** The bn254 base-field modulus p, a convenient 254-bit odd modulus. */
    static final BigInteger P =
        new BigInteger("21888242871839275222246405745257275088696311157297823662689037894645226208583");
    static final BigInteger K1 =
        new BigInteger("9e3779b97f4a7c15f39cc0605cedc8341082276bf3a27251f86c6a11d0c18e95", 16);
    static final BigInteger K2 = new BigInteger("bf58476d1ce4e5b9", 16);
    static final BigInteger K3 = new BigInteger("94d049bb133111eb2545f4914f6cdd1d", 16);
    static final BigInteger K4 = new BigInteger("c4ceb9fe1a85ec53ff51afd7ed558ccd", 16);
  }

  private final int iterations;
  private final Consumer<Asm> body;

  OpcodeLoop(int iterations, Consumer<Asm> body) {
    this.iterations = iterations;
    this.body = body;
  }

  public int iterations() {
    return iterations;
  }

  /** The whole program: [seed, counter] on the stack, then the loop, then STOP. */
  public byte[] code() {
    Asm a = new Asm();
    a.push(Words.K3); // the accumulator for the families that use one
    a.push(iterations);
    a.label("loop");
    body.accept(a);
    a.push(1).op(SWAP1, SUB).dup(1).pushLabel("loop").op(JUMPI);
    a.op(STOP);
    return a.bytes();
  }

  /** The callee of {@link #CALLS}: MSTORE(0, 42); RETURN(0, 32). */
  static byte[] calleeCode() {
    return new Asm().push(42).push(0).op(MSTORE).push(32).push(0).op(RETURN).bytes();
  }

  /**
   * The loop as a transaction case: the program at {@link BenchmarkAccounts#CONTRACT}, the callee for
   * {@link #CALLS}, slots 0..1023 = slot + 1 for {@link #STORAGE}, called by a funded sender with gas limit 10^9.
   */
  public EvmBenchmarkCase toCase() {
    InMemoryBaseState pre = new InMemoryBaseState();
    pre.put(BenchmarkAccounts.SENDER, 0, BigInteger.TEN.pow(30), Bytes.EMPTY, Map.of());
    Map<UInt256, UInt256> storage = new HashMap<>();
    if (this == STORAGE) {
      for (int slot = 0; slot < 1024; slot++) {
        storage.put(UInt256.valueOf(slot), UInt256.valueOf(slot + 1));
      }
    }
    pre.put(BenchmarkAccounts.CONTRACT, 1, BigInteger.ZERO, Bytes.wrap(code()), storage);
    pre.put(BenchmarkAccounts.CALLEE, 1, BigInteger.ZERO, Bytes.wrap(calleeCode()), Map.of());
    return EvmBenchmarkCase.of("loop/" + name().toLowerCase(Locale.ROOT), pre, BenchmarkAccounts.block(),
        BenchmarkAccounts.call(BenchmarkAccounts.CONTRACT, Bytes.EMPTY));
  }
}
