package dev.opsim.evm;

/** Contract code with its jump-destination bitmap (JUMPDEST bytes that are not PUSH data). */
public final class Code {
  private final byte[] bytes;
  private final long[] jumpDests;

  public Code(byte[] bytes) {
    this.bytes = bytes;
    this.jumpDests = analyse(bytes);
  }

  public byte[] bytes() {
    return bytes;
  }

  public boolean isJumpDest(long pc) {
    return pc >= 0 && pc < bytes.length && (jumpDests[(int) (pc >>> 6)] & (1L << (pc & 63))) != 0;
  }

  private static long[] analyse(byte[] code) {
    long[] bits = new long[(code.length >>> 6) + 1];
    int pc = 0;
    while (pc < code.length) {
      int op = code[pc] & 0xff;
      if (op == 0x5b) {
        bits[pc >>> 6] |= 1L << (pc & 63);
        pc++;
      } else if (op >= 0x60 && op <= 0x7f) {
        pc += op - 0x5e;
      } else {
        pc++;
      }
    }
    return bits;
  }
}
