package dev.opsim.evm;

/**
 * The EVM through Shanghai (EIP-3855 PUSH0, EIP-3860 init code metering on top of London/Berlin rules). The base
 * layer: later forks extend it.
 */
public class ShanghaiSpec extends EvmSpec {
  public ShanghaiSpec() {
    register(0x00, "STOP", 0, 0, 0, StackMemoryOps::stop);
    register(0x01, "ADD", 2, 1, 3, ArithmeticOps::add);
    register(0x02, "MUL", 2, 1, 5, ArithmeticOps::mul);
    register(0x03, "SUB", 2, 1, 3, ArithmeticOps::sub);
    register(0x04, "DIV", 2, 1, 5, ArithmeticOps::div);
    register(0x05, "SDIV", 2, 1, 5, ArithmeticOps::sdiv);
    register(0x06, "MOD", 2, 1, 5, ArithmeticOps::mod);
    register(0x07, "SMOD", 2, 1, 5, ArithmeticOps::smod);
    register(0x08, "ADDMOD", 3, 1, 8, ArithmeticOps::addmod);
    register(0x09, "MULMOD", 3, 1, 8, ArithmeticOps::mulmod);
    register(0x0a, "EXP", 2, 1, 10, ArithmeticOps::exp);
    register(0x0b, "SIGNEXTEND", 2, 1, 5, ArithmeticOps::signExtend);
    register(0x10, "LT", 2, 1, 3, ArithmeticOps::lt);
    register(0x11, "GT", 2, 1, 3, ArithmeticOps::gt);
    register(0x12, "SLT", 2, 1, 3, ArithmeticOps::slt);
    register(0x13, "SGT", 2, 1, 3, ArithmeticOps::sgt);
    register(0x14, "EQ", 2, 1, 3, ArithmeticOps::eq);
    register(0x15, "ISZERO", 1, 1, 3, ArithmeticOps::isZero);
    register(0x16, "AND", 2, 1, 3, ArithmeticOps::and);
    register(0x17, "OR", 2, 1, 3, ArithmeticOps::or);
    register(0x18, "XOR", 2, 1, 3, ArithmeticOps::xor);
    register(0x19, "NOT", 1, 1, 3, ArithmeticOps::not);
    register(0x1a, "BYTE", 2, 1, 3, ArithmeticOps::byteOp);
    register(0x1b, "SHL", 2, 1, 3, ArithmeticOps::shl);
    register(0x1c, "SHR", 2, 1, 3, ArithmeticOps::shr);
    register(0x1d, "SAR", 2, 1, 3, ArithmeticOps::sar);
    register(0x20, "KECCAK256", 2, 1, 30, StackMemoryOps::keccak);
    register(0x30, "ADDRESS", 0, 1, 2, EnvironmentOps::address);
    register(0x31, "BALANCE", 1, 1, 0, EnvironmentOps::balance);
    register(0x32, "ORIGIN", 0, 1, 2, EnvironmentOps::origin);
    register(0x33, "CALLER", 0, 1, 2, EnvironmentOps::caller);
    register(0x34, "CALLVALUE", 0, 1, 2, EnvironmentOps::callValue);
    register(0x35, "CALLDATALOAD", 1, 1, 3, EnvironmentOps::callDataLoad);
    register(0x36, "CALLDATASIZE", 0, 1, 2, EnvironmentOps::callDataSize);
    register(0x37, "CALLDATACOPY", 3, 0, 3, EnvironmentOps::callDataCopy);
    register(0x38, "CODESIZE", 0, 1, 2, EnvironmentOps::codeSize);
    register(0x39, "CODECOPY", 3, 0, 3, EnvironmentOps::codeCopy);
    register(0x3a, "GASPRICE", 0, 1, 2, EnvironmentOps::gasPrice);
    register(0x3b, "EXTCODESIZE", 1, 1, 0, EnvironmentOps::extCodeSize);
    register(0x3c, "EXTCODECOPY", 4, 0, 0, EnvironmentOps::extCodeCopy);
    register(0x3d, "RETURNDATASIZE", 0, 1, 2, EnvironmentOps::returnDataSize);
    register(0x3e, "RETURNDATACOPY", 3, 0, 3, EnvironmentOps::returnDataCopy);
    register(0x3f, "EXTCODEHASH", 1, 1, 0, EnvironmentOps::extCodeHash);
    register(0x40, "BLOCKHASH", 1, 1, 20, EnvironmentOps::blockHash);
    register(0x41, "COINBASE", 0, 1, 2, EnvironmentOps::coinbase);
    register(0x42, "TIMESTAMP", 0, 1, 2, EnvironmentOps::timestamp);
    register(0x43, "NUMBER", 0, 1, 2, EnvironmentOps::number);
    register(0x44, "PREVRANDAO", 0, 1, 2, EnvironmentOps::prevRandao);
    register(0x45, "GASLIMIT", 0, 1, 2, EnvironmentOps::gasLimit);
    register(0x46, "CHAINID", 0, 1, 2, EnvironmentOps::chainId);
    register(0x47, "SELFBALANCE", 0, 1, 5, EnvironmentOps::selfBalance);
    register(0x48, "BASEFEE", 0, 1, 2, EnvironmentOps::baseFee);
    register(0x50, "POP", 1, 0, 2, StackMemoryOps::pop);
    register(0x51, "MLOAD", 1, 1, 3, StackMemoryOps::mload);
    register(0x52, "MSTORE", 2, 0, 3, StackMemoryOps::mstore);
    register(0x53, "MSTORE8", 2, 0, 3, StackMemoryOps::mstore8);
    register(0x54, "SLOAD", 1, 1, 0, StackMemoryOps::sload);
    register(0x55, "SSTORE", 2, 0, 0, StackMemoryOps::sstore);
    register(0x56, "JUMP", 1, 0, 8, StackMemoryOps::jump);
    register(0x57, "JUMPI", 2, 0, 10, StackMemoryOps::jumpi);
    register(0x58, "PC", 0, 1, 2, StackMemoryOps::pc);
    register(0x59, "MSIZE", 0, 1, 2, StackMemoryOps::msize);
    register(0x5a, "GAS", 0, 1, 2, StackMemoryOps::gas);
    register(0x5b, "JUMPDEST", 0, 0, 1, StackMemoryOps::jumpdest);
    register(0x5f, "PUSH0", 0, 1, 2, StackMemoryOps::push0);
    for (int n = 1; n <= 32; n++) {
      register(0x5f + n, "PUSH" + n, 0, 1, 3, StackMemoryOps.push(n));
    }
    for (int n = 1; n <= 16; n++) {
      register(0x7f + n, "DUP" + n, n, n + 1, 3, StackMemoryOps.dup(n));
      register(0x8f + n, "SWAP" + n, n + 1, n + 1, 3, StackMemoryOps.swap(n));
    }
    for (int n = 0; n <= 4; n++) {
      register(0xa0 + n, "LOG" + n, 2 + n, 0, Gas.LOG, StackMemoryOps.log(n));
    }
    register(0xf0, "CREATE", 3, 1, Gas.CREATE, CallOps.create(false));
    register(0xf1, "CALL", 7, 1, 0, CallOps.call(Frame.KIND_CALL));
    register(0xf2, "CALLCODE", 7, 1, 0, CallOps.call(Frame.KIND_CALLCODE));
    register(0xf3, "RETURN", 2, 0, 0, CallOps::ret);
    register(0xf4, "DELEGATECALL", 6, 1, 0, CallOps.call(Frame.KIND_DELEGATECALL));
    register(0xf5, "CREATE2", 4, 1, Gas.CREATE, CallOps.create(true));
    register(0xfa, "STATICCALL", 6, 1, 0, CallOps.call(Frame.KIND_STATICCALL));
    register(0xfd, "REVERT", 2, 0, 0, CallOps::revert);
    register(0xfe, "INVALID", 0, 0, 0, StackMemoryOps::invalid);
    register(0xff, "SELFDESTRUCT", 1, 0, Gas.SELFDESTRUCT, CallOps::selfDestructLegacy);
    // The hottest opcodes run from the interpreter's switch (same semantics as the table entries above).
    for (int op = 0x60; op <= 0x9f; op++) {
      markInline(op);
    }
    for (int op : new int[] {0x01, 0x02, 0x03, 0x10, 0x11, 0x14, 0x15, 0x16, 0x17, 0x19, 0x1b, 0x1c, 0x50, 0x51,
        0x52, 0x56, 0x57, 0x5b}) {
      markInline(op);
    }
  }

  @Override
  public String name() {
    return "Shanghai";
  }

  @Override
  public int precompileCount() {
    return 9;
  }
}
