package dev.opsim.protocol.withdrawal;

/**
 * The gas a CrossDomainMessenger asks of the transport for a message ({@code baseGas(bytes, uint32)},
 * protocol-reference 9.4): the deposit gas limit of an L1-to-L2 message, the withdrawal gas limit of an
 * L2-to-L1 one. The formula changed with EIP-7623; pick the one of the simulated contract version and use it on
 * both sides.
 */
public enum MessengerBaseGas {
  /** Bedrock-era messengers (e.g. L1CrossDomainMessenger 2.3.0 and earlier). */
  PRE_EIP_7623,
  /** EIP-7623 aware messengers (e.g. L1CrossDomainMessenger 2.6.0). */
  EIP_7623;

  static final long RELAY_CONSTANT_OVERHEAD = 200_000;
  static final long MIN_GAS_DYNAMIC_OVERHEAD_NUMERATOR = 64;
  static final long MIN_GAS_DYNAMIC_OVERHEAD_DENOMINATOR = 63;
  static final long MIN_GAS_CALLDATA_OVERHEAD = 16;
  static final long RELAY_CALL_OVERHEAD = 40_000;
  static final long RELAY_RESERVED_GAS = 40_000;
  static final long RELAY_GAS_CHECK_BUFFER = 5_000;
  static final long TX_BASE_GAS = 21_000;
  static final long FLOOR_CALLDATA_OVERHEAD = 40;
  static final long ENCODING_OVERHEAD = 260;
  private static final long UINT32_MAX = 0xFFFF_FFFFL;

  /**
   * {@code baseGas} for a message of {@code messageLength} bytes and a uint32 {@code minGasLimit}. The result
   * fits a uint64 for every Java array length, as in the contract.
   */
  public long baseGas(int messageLength, long minGasLimit) {
    if (messageLength < 0) {
      throw new IllegalArgumentException("message length must not be negative, got " + messageLength);
    }
    if (minGasLimit < 0 || minGasLimit > UINT32_MAX) {
      throw new IllegalArgumentException("minGasLimit is a uint32, got " + minGasLimit);
    }
    long dynamic = minGasLimit * MIN_GAS_DYNAMIC_OVERHEAD_NUMERATOR / MIN_GAS_DYNAMIC_OVERHEAD_DENOMINATOR;
    long fixed = RELAY_CONSTANT_OVERHEAD + RELAY_CALL_OVERHEAD + RELAY_RESERVED_GAS + RELAY_GAS_CHECK_BUFFER;
    return switch (this) {
      case PRE_EIP_7623 -> fixed + messageLength * MIN_GAS_CALLDATA_OVERHEAD + dynamic;
      case EIP_7623 -> {
        long totalMessageSize = messageLength + ENCODING_OVERHEAD;
        long execution = fixed + dynamic;
        yield TX_BASE_GAS + Math.max(
            execution + totalMessageSize * MIN_GAS_CALLDATA_OVERHEAD, totalMessageSize * FLOOR_CALLDATA_OVERHEAD);
      }
    };
  }
}
