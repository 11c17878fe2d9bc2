package dev.opsim.evm;

import dev.opsim.protocol.Hash;
import org.apache.tuweni.units.bigints.UInt256;

/** Operations Cancun adds: EIP-1153 transient storage, EIP-5656 MCOPY, EIP-4844 BLOBHASH, EIP-7516 BLOBBASEFEE. */
final class CancunOps {
  private CancunOps() {}

  static int tload(Frame f) {
    long[] s = f.stack;
    int o = f.at(0);
    UInt256 key = StackMemoryOps.toUInt256(s, o);
    StackMemoryOps.fromUInt256(s, o, f.evm.state.transientStorage(f.address, key));
    return Status.CONTINUE;
  }

  static int tstore(Frame f) {
    if (f.isStatic) {
      return Status.STATIC_VIOLATION;
    }
    long[] s = f.stack;
    int o = f.at(0);
    f.evm.state.setTransientStorage(f.address, StackMemoryOps.toUInt256(s, o), StackMemoryOps.toUInt256(s, o - 4));
    f.sp -= 2;
    return Status.CONTINUE;
  }

  /** MCOPY(dst, src, size): 3 static + 3 per word + expansion to cover both regions. */
  static int mcopy(Frame f) {
    long[] s = f.stack;
    int dstO = f.at(0), srcO = f.at(1), sizeO = f.at(2);
    long dstEnd = f.regionEnd(dstO, sizeO);
    long srcEnd = f.regionEnd(srcO, sizeO);
    if (dstEnd < 0 || srcEnd < 0) {
      return Status.OUT_OF_GAS;
    }
    long size = dstEnd == 0 ? 0 : s[sizeO];
    if (!f.use(Gas.COPY_WORD * ((size + 31) >>> 5)) || !f.expand(Math.max(dstEnd, srcEnd))) {
      return Status.OUT_OF_GAS;
    }
    if (size > 0) {
      byte[] m = f.memory.raw();
      System.arraycopy(m, (int) s[srcO], m, (int) s[dstO], (int) size);
    }
    f.sp -= 3;
    return Status.CONTINUE;
  }

  static int blobHash(Frame f) {
    long[] s = f.stack;
    int o = f.at(0);
    var hashes = f.evm.blobHashes;
    if (Words.fitsLong(s, o) && s[o] < hashes.size()) {
      Hash h = hashes.get((int) s[o]);
      Words.fromBytes(s, o, h.bytes().toArrayUnsafe(), 0, 32);
    } else {
      Words.set(s, o, 0);
    }
    return Status.CONTINUE;
  }

  static int blobBaseFee(Frame f) {
    f.pushBig(f.evm.block.blobBaseFee());
    return Status.CONTINUE;
  }
}
