package dev.opsim.evm;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;

/** Environment, block-information and copy operations. */
final class EnvironmentOps {
  private EnvironmentOps() {}

  static void pushAddress(Frame f, Address a) {
    f.pushBytes(a.bytes().toArrayUnsafe());
  }

  static int address(Frame f) {
    pushAddress(f, f.address);
    return Status.CONTINUE;
  }

  static int balance(Frame f) {
    Address a = f.popAddress();
    if (!f.use(f.evm.accessCost(a))) {
      return Status.OUT_OF_GAS;
    }
    f.pushBig(f.evm.state.balance(a));
    return Status.CONTINUE;
  }

  static int origin(Frame f) {
    pushAddress(f, f.evm.origin);
    return Status.CONTINUE;
  }

  static int caller(Frame f) {
    pushAddress(f, f.caller);
    return Status.CONTINUE;
  }

  static int callValue(Frame f) {
    f.pushBig(f.value);
    return Status.CONTINUE;
  }

  static int callDataLoad(Frame f) {
    long[] s = f.stack;
    int o = f.at(0);
    if (!Words.fitsLong(s, o)) {
      Words.set(s, o, 0);
    } else {
      Words.fromBytesPadded(s, o, f.input, s[o]);
    }
    return Status.CONTINUE;
  }

  static int callDataSize(Frame f) {
    f.pushLong(f.input.length);
    return Status.CONTINUE;
  }

  /** Shared by CALLDATACOPY, CODECOPY and EXTCODECOPY: (memOffset, srcOffset, size) on top. */
  private static int copy(Frame f, byte[] src) {
    long[] s = f.stack;
    int memO = f.at(0), srcO = f.at(1), sizeO = f.at(2);
    long end = f.regionEnd(memO, sizeO);
    if (end < 0) {
      f.gas = 0;
      return Status.OUT_OF_GAS;
    }
    long size = end == 0 ? 0 : s[sizeO];
    if (!f.use(3 * ((size + 31) >>> 5)) || !f.expand(end)) {
      return Status.OUT_OF_GAS;
    }
    if (size > 0) {
      long srcOff = Words.fitsLong(s, srcO) ? s[srcO] : Long.MAX_VALUE;
      f.memory.copyPadded(s[memO], src, srcOff, size);
    }
    f.sp -= 3;
    return Status.CONTINUE;
  }

  static int callDataCopy(Frame f) {
    return copy(f, f.input);
  }

  static int codeSize(Frame f) {
    f.pushLong(f.code.bytes().length);
    return Status.CONTINUE;
  }

  static int codeCopy(Frame f) {
    return copy(f, f.code.bytes());
  }

  static int gasPrice(Frame f) {
    f.pushBig(f.evm.gasPrice);
    return Status.CONTINUE;
  }

  static int extCodeSize(Frame f) {
    Address a = f.popAddress();
    if (!f.use(f.evm.accessCost(a))) {
      return Status.OUT_OF_GAS;
    }
    f.pushLong(f.evm.state.code(a).size());
    return Status.CONTINUE;
  }

  static int extCodeCopy(Frame f) {
    Address a = f.popAddress();
    if (!f.use(f.evm.accessCost(a))) {
      return Status.OUT_OF_GAS;
    }
    return copy(f, f.evm.state.code(a).toArrayUnsafe());
  }

  static int extCodeHash(Frame f) {
    Address a = f.popAddress();
    if (!f.use(f.evm.accessCost(a))) {
      return Status.OUT_OF_GAS;
    }
    // EIP-1052 with EIP-161: a dead account has hash 0.
    if (f.evm.state.isDead(a)) {
      f.pushLong(0);
    } else {
      f.pushBytes(f.evm.state.codeHash(a).toArray());
    }
    return Status.CONTINUE;
  }

  static int returnDataSize(Frame f) {
    f.pushLong(f.returnData.length);
    return Status.CONTINUE;
  }

  static int returnDataCopy(Frame f) {
    long[] s = f.stack;
    int memO = f.at(0), srcO = f.at(1), sizeO = f.at(2);
    // EIP-211: reading past the return data is an exceptional halt.
    if (!Words.fitsLong(s, srcO) || !Words.fitsLong(s, sizeO) || s[srcO] + s[sizeO] > f.returnData.length
        || s[srcO] + s[sizeO] < 0) {
      return Status.RETURNDATA_OUT_OF_BOUNDS;
    }
    return copy(f, f.returnData);
  }

  static int blockHash(Frame f) {
    long[] s = f.stack;
    int o = f.at(0);
    long current = f.evm.block.number();
    if (!Words.fitsLong(s, o) || s[o] >= current || s[o] < current - 256) {
      Words.set(s, o, 0);
      return Status.CONTINUE;
    }
    Hash h = f.evm.block.blockHashes().apply(s[o]);
    Words.fromBytes(s, o, h == null ? new byte[32] : h.toArray(), 0, 32);
    return Status.CONTINUE;
  }

  static int coinbase(Frame f) {
    pushAddress(f, f.evm.block.coinbase());
    return Status.CONTINUE;
  }

  static int timestamp(Frame f) {
    Words.set(f.stack, f.sp << 2, f.evm.block.timestamp());
    f.sp++;
    return Status.CONTINUE;
  }

  static int number(Frame f) {
    Words.set(f.stack, f.sp << 2, f.evm.block.number());
    f.sp++;
    return Status.CONTINUE;
  }

  static int prevRandao(Frame f) {
    f.pushBytes(f.evm.block.prevRandao().toArray());
    return Status.CONTINUE;
  }

  static int gasLimit(Frame f) {
    Words.set(f.stack, f.sp << 2, f.evm.block.gasLimit());
    f.sp++;
    return Status.CONTINUE;
  }

  static int chainId(Frame f) {
    Words.set(f.stack, f.sp << 2, f.evm.block.chainId());
    f.sp++;
    return Status.CONTINUE;
  }

  static int selfBalance(Frame f) {
    f.pushBig(f.evm.state.balance(f.address));
    return Status.CONTINUE;
  }

  static int baseFee(Frame f) {
    f.pushBig(f.evm.block.baseFee());
    return Status.CONTINUE;
  }
}
