package dev.opsim.evm;

/** Arithmetic, comparison and bitwise operations: in place on the limb stack. */
final class ArithmeticOps {
  private ArithmeticOps() {}

  static int add(Frame f) {
    Words.add(f.stack, f.at(0));
    f.sp--;
    return Status.CONTINUE;
  }

  static int mul(Frame f) {
    Words.mul(f.stack, f.at(0));
    f.sp--;
    return Status.CONTINUE;
  }

  static int sub(Frame f) {
    Words.sub(f.stack, f.at(0));
    f.sp--;
    return Status.CONTINUE;
  }

  static int div(Frame f) {
    Words.div(f.stack, f.at(0), f.wordScratch);
    f.sp--;
    return Status.CONTINUE;
  }

  static int sdiv(Frame f) {
    Words.sdiv(f.stack, f.at(0), f.wordScratch);
    f.sp--;
    return Status.CONTINUE;
  }

  static int mod(Frame f) {
    Words.mod(f.stack, f.at(0), f.wordScratch);
    f.sp--;
    return Status.CONTINUE;
  }

  static int smod(Frame f) {
    Words.smod(f.stack, f.at(0), f.wordScratch);
    f.sp--;
    return Status.CONTINUE;
  }

  static int addmod(Frame f) {
    Words.addmod(f.stack, f.at(0), f.wordScratch);
    f.sp -= 2;
    return Status.CONTINUE;
  }

  static int mulmod(Frame f) {
    Words.mulmod(f.stack, f.at(0), f.wordScratch);
    f.sp -= 2;
    return Status.CONTINUE;
  }

  /** EXP: 10 static + 50 per byte of the exponent (EIP-160). */
  static int exp(Frame f) {
    long[] s = f.stack;
    if (!f.use(50L * Words.byteLength(s, f.at(1)))) {
      return Status.OUT_OF_GAS;
    }
    Words.exp(s, f.at(0));
    f.sp--;
    return Status.CONTINUE;
  }

  static int signExtend(Frame f) {
    Words.signExtend(f.stack, f.at(0));
    f.sp--;
    return Status.CONTINUE;
  }

  static int lt(Frame f) {
    int o = f.at(0);
    Words.set(f.stack, o - 4, Words.compareUnsigned(f.stack, o, o - 4) < 0 ? 1 : 0);
    f.sp--;
    return Status.CONTINUE;
  }

  static int gt(Frame f) {
    int o = f.at(0);
    Words.set(f.stack, o - 4, Words.compareUnsigned(f.stack, o, o - 4) > 0 ? 1 : 0);
    f.sp--;
    return Status.CONTINUE;
  }

  static int slt(Frame f) {
    int o = f.at(0);
    Words.set(f.stack, o - 4, Words.compareSigned(f.stack, o, o - 4) < 0 ? 1 : 0);
    f.sp--;
    return Status.CONTINUE;
  }

  static int sgt(Frame f) {
    int o = f.at(0);
    Words.set(f.stack, o - 4, Words.compareSigned(f.stack, o, o - 4) > 0 ? 1 : 0);
    f.sp--;
    return Status.CONTINUE;
  }

  static int eq(Frame f) {
    int o = f.at(0);
    Words.set(f.stack, o - 4, Words.compareUnsigned(f.stack, o, o - 4) == 0 ? 1 : 0);
    f.sp--;
    return Status.CONTINUE;
  }

  static int isZero(Frame f) {
    int o = f.at(0);
    Words.set(f.stack, o, Words.isZero(f.stack, o) ? 1 : 0);
    return Status.CONTINUE;
  }

  static int and(Frame f) {
    long[] s = f.stack;
    int o = f.at(0);
    s[o - 4] &= s[o];
    s[o - 3] &= s[o + 1];
    s[o - 2] &= s[o + 2];
    s[o - 1] &= s[o + 3];
    f.sp--;
    return Status.CONTINUE;
  }

  static int or(Frame f) {
    long[] s = f.stack;
    int o = f.at(0);
    s[o - 4] |= s[o];
    s[o - 3] |= s[o + 1];
    s[o - 2] |= s[o + 2];
    s[o - 1] |= s[o + 3];
    f.sp--;
    return Status.CONTINUE;
  }

  static int xor(Frame f) {
    long[] s = f.stack;
    int o = f.at(0);
    s[o - 4] ^= s[o];
    s[o - 3] ^= s[o + 1];
    s[o - 2] ^= s[o + 2];
    s[o - 1] ^= s[o + 3];
    f.sp--;
    return Status.CONTINUE;
  }

  static int not(Frame f) {
    long[] s = f.stack;
    int o = f.at(0);
    s[o] = ~s[o];
    s[o + 1] = ~s[o + 1];
    s[o + 2] = ~s[o + 2];
    s[o + 3] = ~s[o + 3];
    return Status.CONTINUE;
  }

  static int byteOp(Frame f) {
    Words.byteOp(f.stack, f.at(0));
    f.sp--;
    return Status.CONTINUE;
  }

  static int shl(Frame f) {
    Words.shl(f.stack, f.at(0));
    f.sp--;
    return Status.CONTINUE;
  }

  static int shr(Frame f) {
    Words.shr(f.stack, f.at(0));
    f.sp--;
    return Status.CONTINUE;
  }

  static int sar(Frame f) {
    Words.sar(f.stack, f.at(0));
    f.sp--;
    return Status.CONTINUE;
  }
}
