package dev.opsim.evm;

/** What an operation tells the interpreter loop. Values of {@link #FIRST_ERROR} and above are exceptional halts. */
public final class Status {
  public static final int CONTINUE = 0;
  public static final int STOP = 1;
  public static final int RETURN = 2;
  public static final int REVERT = 3;
  /** A child frame was pushed; the interpreter runs it and resumes this one afterwards. */
  public static final int SPAWN = 4;

  public static final int FIRST_ERROR = 16;
  public static final int OUT_OF_GAS = 16;
  public static final int INVALID_OPCODE = 17;
  public static final int STACK_UNDERFLOW = 18;
  public static final int STACK_OVERFLOW = 19;
  public static final int BAD_JUMP = 20;
  public static final int STATIC_VIOLATION = 21;
  public static final int RETURNDATA_OUT_OF_BOUNDS = 22;
  public static final int CODE_TOO_LARGE = 23;
  public static final int INVALID_CODE_PREFIX = 24;
  public static final int INITCODE_TOO_LARGE = 25;
  public static final int PRECOMPILE_FAILED = 26;
  public static final int INTERNAL_ERROR = 27;
  // Reported only to a Tracer's exit hook, for messages that fail before a frame runs or at code deposit; a frame's
  // own status is never one of these.
  public static final int CALL_DEPTH_EXCEEDED = 28;
  public static final int INSUFFICIENT_BALANCE = 29;
  public static final int ADDRESS_COLLISION = 30;
  public static final int NONCE_OVERFLOW = 31;
  public static final int CODE_STORE_OUT_OF_GAS = 32;

  private Status() {}

  public static boolean isError(int status) {
    return status >= FIRST_ERROR;
  }

  public static String name(int status) {
    return switch (status) {
      case CONTINUE -> "continue";
      case STOP -> "stop";
      case RETURN -> "return";
      case REVERT -> "revert";
      case SPAWN -> "spawn";
      case OUT_OF_GAS -> "out of gas";
      case INVALID_OPCODE -> "invalid opcode";
      case STACK_UNDERFLOW -> "stack underflow";
      case STACK_OVERFLOW -> "stack overflow";
      case BAD_JUMP -> "invalid jump destination";
      case STATIC_VIOLATION -> "write protection";
      case RETURNDATA_OUT_OF_BOUNDS -> "return data out of bounds";
      case CODE_TOO_LARGE -> "max code size exceeded";
      case INVALID_CODE_PREFIX -> "invalid code: must not begin with 0xef";
      case INITCODE_TOO_LARGE -> "max initcode size exceeded";
      case PRECOMPILE_FAILED -> "precompile failed";
      case CALL_DEPTH_EXCEEDED -> "max call depth exceeded";
      case INSUFFICIENT_BALANCE -> "insufficient balance for transfer";
      case ADDRESS_COLLISION -> "contract address collision";
      case NONCE_OVERFLOW -> "nonce uint64 overflow";
      case CODE_STORE_OUT_OF_GAS -> "contract creation code storage out of gas";
      default -> "internal error";
    };
  }
}
