package dev.opsim.evm;

/** Gas constants shared by the forks from Berlin through Cancun (yellow paper appendix G and the EIPs cited). */
public final class Gas {
  public static final long WARM_ACCESS = 100; // EIP-2929 WARM_STORAGE_READ_COST
  public static final long COLD_SLOAD = 2100; // EIP-2929
  public static final long COLD_ACCOUNT_ACCESS = 2600; // EIP-2929
  public static final long SSTORE_SET = 20000;
  public static final long SSTORE_RESET = 2900; // 5000 - COLD_SLOAD (EIP-2929)
  public static final long SSTORE_CLEARS_REFUND = 4800; // EIP-3529
  public static final long CALL_STIPEND = 2300;
  public static final long CALL_VALUE = 9000;
  public static final long NEW_ACCOUNT = 25000;
  public static final long SELFDESTRUCT = 5000;
  public static final long CREATE = 32000;
  public static final long CODE_DEPOSIT_PER_BYTE = 200;
  public static final long INITCODE_WORD = 2; // EIP-3860
  public static final long KECCAK_WORD = 6;
  public static final long COPY_WORD = 3;
  public static final long LOG = 375;
  public static final long LOG_TOPIC = 375;
  public static final long LOG_DATA = 8;

  public static final long TX = 21000;
  public static final long TX_CREATE = 32000;
  public static final long TX_DATA_ZERO = 4;
  public static final long TX_DATA_NONZERO = 16; // EIP-2028
  public static final long TX_ACCESS_LIST_ADDRESS = 2400; // EIP-2930
  public static final long TX_ACCESS_LIST_KEY = 1900;
  public static final long MAX_REFUND_QUOTIENT = 5; // EIP-3529

  private Gas() {}
}
