package dev.opsim.engine.trace;

import dev.opsim.evm.Frame;

/**
 * Opcode names as go-ethereum prints them ({@code core/vm/opcodes.go}, OpCode.String()): one table for every fork,
 * 0x44 is "DIFFICULTY", and a byte without a name is "opcode 0x.. not defined".
 */
final class GethOpcodes {
  private static final String[] NAMES = new String[256];

  static {
    String[] low = {"STOP", "ADD", "MUL", "SUB", "DIV", "SDIV", "MOD", "SMOD", "ADDMOD", "MULMOD", "EXP",
        "SIGNEXTEND"};
    put(0x00, low);
    put(0x10, "LT", "GT", "SLT", "SGT", "EQ", "ISZERO", "AND", "OR", "XOR", "NOT", "BYTE", "SHL", "SHR", "SAR",
        "CLZ");
    put(0x20, "KECCAK256");
    put(0x30, "ADDRESS", "BALANCE", "ORIGIN", "CALLER", "CALLVALUE", "CALLDATALOAD", "CALLDATASIZE",
        "CALLDATACOPY", "CODESIZE", "CODECOPY", "GASPRICE", "EXTCODESIZE", "EXTCODECOPY", "RETURNDATASIZE",
        "RETURNDATACOPY", "EXTCODEHASH");
    put(0x40, "BLOCKHASH", "COINBASE", "TIMESTAMP", "NUMBER", "DIFFICULTY", "GASLIMIT", "CHAINID", "SELFBALANCE",
        "BASEFEE", "BLOBHASH", "BLOBBASEFEE", "SLOTNUM");
    put(0x50, "POP", "MLOAD", "MSTORE", "MSTORE8", "SLOAD", "SSTORE", "JUMP", "JUMPI", "PC", "MSIZE", "GAS",
        "JUMPDEST", "TLOAD", "TSTORE", "MCOPY", "PUSH0");
    for (int i = 1; i <= 32; i++) {
      NAMES[0x5f + i] = "PUSH" + i;
    }
    for (int i = 1; i <= 16; i++) {
      NAMES[0x7f + i] = "DUP" + i;
      NAMES[0x8f + i] = "SWAP" + i;
    }
    for (int i = 0; i <= 4; i++) {
      NAMES[0xa0 + i] = "LOG" + i;
    }
    put(0xd0, "DATALOAD", "DATALOADN", "DATASIZE", "DATACOPY");
    put(0xe0, "RJUMP", "RJUMPI", "RJUMPV", "CALLF", "RETF", "JUMPF", "DUPN", "SWAPN", "EXCHANGE");
    NAMES[0xec] = "EOFCREATE";
    NAMES[0xee] = "RETURNCONTRACT";
    put(0xf0, "CREATE", "CALL", "CALLCODE", "RETURN", "DELEGATECALL", "CREATE2");
    put(0xf7, "RETURNDATALOAD", "EXTCALL", "EXTDELEGATECALL", "STATICCALL", "EXTSTATICCALL");
    put(0xfd, "REVERT", "INVALID", "SELFDESTRUCT");
    for (int i = 0; i < 256; i++) {
      if (NAMES[i] == null) {
        NAMES[i] = "opcode 0x" + Integer.toHexString(i) + " not defined";
      }
    }
  }

  private GethOpcodes() {}

  private static void put(int first, String... names) {
    System.arraycopy(names, 0, NAMES, first, names.length);
  }

  static String name(int opcode) {
    return NAMES[opcode & 0xff];
  }

  /** The call-tracer type of a message kind ({@code Frame.KIND_*} or {@code Tracer.SELFDESTRUCT}). */
  static String frameType(int kind) {
    return switch (kind) {
      case Frame.KIND_CALL -> "CALL";
      case Frame.KIND_CALLCODE -> "CALLCODE";
      case Frame.KIND_DELEGATECALL -> "DELEGATECALL";
      case Frame.KIND_STATICCALL -> "STATICCALL";
      case Frame.KIND_CREATE -> "CREATE";
      case Frame.KIND_CREATE2 -> "CREATE2";
      default -> "SELFDESTRUCT";
    };
  }
}
