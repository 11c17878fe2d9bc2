package dev.opsim.evm;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;

/** CALL family, CREATE/CREATE2, RETURN, REVERT and SELFDESTRUCT. */
final class CallOps {
  private CallOps() {}

  static Operation call(int kind) {
    return f -> doCall(f, kind);
  }

  private static int doCall(Frame f, int kind) {
    long[] s = f.stack;
    Evm evm = f.evm;
    boolean hasValue = kind == Frame.KIND_CALL || kind == Frame.KIND_CALLCODE;
    int gasO = f.at(0);
    Address to = Frame.toAddress(s, f.at(1));
    int n = hasValue ? 2 : 1;
    int valueO = f.at(2);
    BigInteger value = hasValue && !Words.isZero(s, valueO) ? Words.toBig(s, valueO) : BigInteger.ZERO;
    int inOffO = f.at(n + 1), inSizeO = f.at(n + 2), outOffO = f.at(n + 3), outSizeO = f.at(n + 4);
    if (kind == Frame.KIND_CALL && f.isStatic && value.signum() != 0) {
      return Status.STATIC_VIOLATION;
    }
    long inEnd = f.regionEnd(inOffO, inSizeO);
    long outEnd = f.regionEnd(outOffO, outSizeO);
    if (inEnd < 0 || outEnd < 0 || Math.max(inEnd, outEnd) > Integer.MAX_VALUE - 64) {
      return Status.OUT_OF_GAS;
    }
    long cost = f.memory.expansionCost(Math.max(inEnd, outEnd));
    cost += evm.accessCost(to);
    if (value.signum() != 0) {
      cost += Gas.CALL_VALUE;
      if (kind == Frame.KIND_CALL && evm.state.isDead(to)) {
        cost += Gas.NEW_ACCOUNT;
      }
    }
    if (!f.use(cost)) {
      return Status.OUT_OF_GAS;
    }
    f.memory.grow(Math.max(inEnd, outEnd));
    // EIP-150: at most all but one 64th of what is left.
    long cap = f.gas - f.gas / 64;
    long callGas = Words.fitsLong(s, gasO) && s[gasO] < cap ? s[gasO] : cap;
    f.gas -= callGas;
    if (value.signum() != 0) {
      callGas += Gas.CALL_STIPEND;
    }
    byte[] input = inEnd == 0 ? Frame.EMPTY : f.memory.slice(s[inOffO], s[inSizeO]);
    f.childRetOffset = outEnd == 0 ? 0 : s[outOffO];
    f.childRetSize = outEnd == 0 ? 0 : s[outSizeO];
    f.sp -= 5 + n;
    if (f.depth >= EvmSpec.MAX_CALL_DEPTH
        || (value.signum() != 0 && evm.state.balance(f.address).compareTo(value) < 0)) {
      if (evm.tracer != null) {
        evm.traceFailedMessage(f.depth + 1, kind, f.address, to, input, callGas,
            kind == Frame.KIND_DELEGATECALL ? f.value : value, 0,
            f.depth >= EvmSpec.MAX_CALL_DEPTH ? Status.CALL_DEPTH_EXCEEDED : Status.INSUFFICIENT_BALANCE);
      }
      f.gas += callGas;
      f.returnData = Frame.EMPTY;
      f.pushLong(0);
      return Status.CONTINUE;
    }
    Frame child = evm.newCall(f, kind, f.depth + 1, to, f.address, to, value, input, f.isStatic, callGas);
    if (child.done) {
      evm.resume(f, child);
      return Status.CONTINUE;
    }
    f.child = child;
    return Status.SPAWN;
  }

  static Operation create(boolean create2) {
    return f -> doCreate(f, create2);
  }

  private static int doCreate(Frame f, boolean create2) {
    if (f.isStatic) {
      return Status.STATIC_VIOLATION;
    }
    long[] s = f.stack;
    Evm evm = f.evm;
    int valueO = f.at(0), offO = f.at(1), sizeO = f.at(2);
    long end = f.regionEnd(offO, sizeO);
    if (end < 0) {
      return Status.OUT_OF_GAS;
    }
    long size = end == 0 ? 0 : s[sizeO];
    if (size > evm.spec.maxInitCodeSize()) {
      return Status.INITCODE_TOO_LARGE; // EIP-3860
    }
    long words = (size + 31) >>> 5;
    long cost = Gas.INITCODE_WORD * words + (create2 ? Gas.KECCAK_WORD * words : 0);
    if (!f.use(cost) || !f.expand(end)) {
      return Status.OUT_OF_GAS;
    }
    BigInteger value = Words.isZero(s, valueO) ? BigInteger.ZERO : Words.toBig(s, valueO);
    byte[] initCode = size == 0 ? Frame.EMPTY : f.memory.slice(s[offO], size);
    byte[] salt = null;
    if (create2) {
      salt = new byte[32];
      Words.toBytes(s, f.at(3), salt, 0);
    }
    f.sp -= create2 ? 4 : 3;
    long callGas = f.gas - f.gas / 64;
    f.gas -= callGas;
    f.returnData = Frame.EMPTY;
    long nonce = evm.state.nonce(f.address);
    if (f.depth >= EvmSpec.MAX_CALL_DEPTH
        || evm.state.balance(f.address).compareTo(value) < 0
        || nonce == -1L) {
      if (evm.tracer != null) {
        int reason = f.depth >= EvmSpec.MAX_CALL_DEPTH ? Status.CALL_DEPTH_EXCEEDED
            : nonce == -1L && evm.state.balance(f.address).compareTo(value) >= 0 ? Status.NONCE_OVERFLOW
            : Status.INSUFFICIENT_BALANCE;
        Address target = create2 ? create2Address(f.address, salt, initCode) : createAddress(f.address, nonce);
        evm.traceFailedMessage(f.depth + 1, create2 ? Frame.KIND_CREATE2 : Frame.KIND_CREATE, f.address, target,
            initCode, callGas, value, 0, reason);
      }
      f.gas += callGas;
      f.pushLong(0);
      return Status.CONTINUE;
    }
    evm.state.setNonce(f.address, nonce + 1);
    Address address = create2
        ? create2Address(f.address, salt, initCode)
        : createAddress(f.address, nonce);
    evm.state.warm(address);
    if (evm.state.hasCollision(address)) {
      if (evm.tracer != null) {
        evm.traceFailedMessage(f.depth + 1, create2 ? Frame.KIND_CREATE2 : Frame.KIND_CREATE, f.address, address,
            initCode, callGas, value, callGas, Status.ADDRESS_COLLISION);
      }
      f.pushLong(0); // the gas handed over is consumed
      return Status.CONTINUE;
    }
    f.child = evm.newCreate(f, create2 ? Frame.KIND_CREATE2 : Frame.KIND_CREATE, f.depth + 1, f.address, address,
        value, initCode, callGas);
    return Status.SPAWN;
  }

  /** keccak(rlp([sender, nonce]))[12:] (yellow paper eq. 86). */
  public static Address createAddress(Address sender, long nonce) {
    Bytes rlp = RLP.encodeList(w -> {
      w.writeValue(sender.bytes());
      w.writeValue(nonce == 0 ? Bytes.EMPTY : Bytes.minimalBytes(nonce));
    });
    return Address.wrap(Keccak.hash(rlp).bytes().slice(12, 20));
  }

  /** EIP-1014: keccak(0xff ++ sender ++ salt ++ keccak(init_code))[12:]. */
  public static Address create2Address(Address sender, byte[] salt, byte[] initCode) {
    byte[] h = Keccak.hash(new byte[] {(byte) 0xff}, sender.toArray(), salt, Keccak.hash(initCode).toArray())
        .toArray();
    byte[] a = new byte[20];
    System.arraycopy(h, 12, a, 0, 20);
    return Address.wrap(a);
  }

  private static int returnOrRevert(Frame f, int status) {
    long[] s = f.stack;
    int offO = f.at(0), sizeO = f.at(1);
    long end = f.regionEnd(offO, sizeO);
    if (end < 0 || !f.expand(end)) {
      return Status.OUT_OF_GAS;
    }
    f.output = end == 0 ? Frame.EMPTY : f.memory.slice(s[offO], s[sizeO]);
    f.sp -= 2;
    return status;
  }

  static int ret(Frame f) {
    return returnOrRevert(f, Status.RETURN);
  }

  static int revert(Frame f) {
    return returnOrRevert(f, Status.REVERT);
  }

  /** Before EIP-6780: the account is always destroyed at the end of the transaction. */
  static int selfDestructLegacy(Frame f) {
    return selfDestruct(f, false);
  }

  /** EIP-6780: only an account created in the same transaction is destroyed; otherwise only the balance moves. */
  static int selfDestruct6780(Frame f) {
    return selfDestruct(f, true);
  }

  private static int selfDestruct(Frame f, boolean eip6780) {
    if (f.isStatic) {
      return Status.STATIC_VIOLATION;
    }
    Evm evm = f.evm;
    Address beneficiary = f.popAddress();
    long cost = evm.accessCost(beneficiary);
    cost = cost == Gas.WARM_ACCESS ? 0 : cost; // EIP-2929: only the cold surcharge applies
    BigInteger balance = evm.state.balance(f.address);
    if (balance.signum() > 0 && evm.state.isDead(beneficiary)) {
      cost += Gas.NEW_ACCOUNT;
    }
    if (!f.use(cost)) {
      return Status.OUT_OF_GAS;
    }
    if (evm.tracer != null) {
      // geth reports SELFDESTRUCT as a zero-gas frame one level down, carrying the balance
      evm.tracer.enter(f.depth + 1, Tracer.SELFDESTRUCT, f.address, beneficiary, Bytes.EMPTY, 0, balance, null);
      evm.tracer.exit(f.depth + 1, Bytes.EMPTY, 0, Status.STOP);
    }
    evm.state.subBalance(f.address, balance);
    evm.state.addBalance(beneficiary, balance);
    if (!eip6780 || evm.state.createdInTransaction(f.address)) {
      evm.state.markSelfDestructed(f.address);
      // Destruction zeroes the balance at once, also when the beneficiary is the account itself (burn).
      evm.state.setBalance(f.address, BigInteger.ZERO);
    }
    return Status.STOP;
  }
}
