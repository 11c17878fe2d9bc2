package dev.opsim.protocol.fee;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;

/**
 * The L1 data fee of a transaction in one block (protocol-reference 7.2), computed from the full signed EIP-2718
 * encoding, as the execution engine charges it. Deposits (first byte {@code 0x7E}) and empty input cost nothing.
 *
 * <p>Ecotone and Fjord fall back to the Regolith function while both Ecotone scalars and the blob base fee are zero:
 * in the first Ecotone block L1Block still holds only the pre-Ecotone overhead and scalar (op-geth
 * {@code NewL1CostFunc}, op-revm {@code empty_ecotone_scalars}; both also require the zero blob base fee), see
 * {@link #effectiveFormula()}.
 */
public record L1CostFunction(L1FeeFormula formula, L1FeeParams params) {
  private static final BigInteger ONE_MILLION = BigInteger.valueOf(1_000_000);
  private static final BigInteger ECOTONE_DIVISOR = BigInteger.valueOf(16_000_000);
  private static final long ZERO_BYTE_GAS = 4;
  private static final long NON_ZERO_BYTE_GAS = 16;
  /** Bedrock's allowance for the signature, counted as non-zero bytes. */
  private static final long BEDROCK_SIGNATURE_BYTES = 68;
  private static final byte DEPOSIT_TYPE = 0x7E;

  public L1CostFunction {
    if (formula == null || params == null) {
      throw new IllegalArgumentException("formula and params must not be null");
    }
  }

  /**
   * The formula actually applied: {@link #formula()}, or REGOLITH for Ecotone/Fjord when
   * {@link L1FeeParams#ecotoneScalarsEmpty()} (both scalars and the blob base fee zero).
   */
  public L1FeeFormula effectiveFormula() {
    boolean ecotoneFamily = formula == L1FeeFormula.ECOTONE || formula == L1FeeFormula.FJORD;
    return ecotoneFamily && params.ecotoneScalarsEmpty() ? L1FeeFormula.REGOLITH : formula;
  }

  public L1Cost cost(Bytes signedTx) {
    return cost(signedTx.toArrayUnsafe());
  }

  /** Fee and reported L1 gas of the signed transaction {@code signedTx}. */
  public L1Cost cost(byte[] signedTx) {
    if (signedTx.length == 0 || signedTx[0] == DEPOSIT_TYPE) {
      return L1Cost.ZERO;
    }
    return switch (effectiveFormula()) {
      case BEDROCK -> preEcotone(calldataGas(signedTx) + BEDROCK_SIGNATURE_BYTES * NON_ZERO_BYTE_GAS);
      case REGOLITH -> preEcotone(calldataGas(signedTx));
      case ECOTONE -> ecotone(calldataGas(signedTx));
      case FJORD -> FjordCost.cost(params, FastLz.compressedLength(signedTx));
    };
  }

  private L1Cost preEcotone(long dataGas) {
    BigInteger gas = BigInteger.valueOf(dataGas).add(params.overhead());
    BigInteger fee = gas.multiply(params.l1BaseFee()).multiply(params.scalar()).divide(ONE_MILLION);
    return new L1Cost(gas, fee);
  }

  private L1Cost ecotone(long dataGas) {
    BigInteger gas = BigInteger.valueOf(dataGas);
    return new L1Cost(gas, gas.multiply(params.ecotoneFeeScaled()).divide(ECOTONE_DIVISOR));
  }

  /** {@code zeroes*4 + nonZeroes*16}; fits a long for any Java array. */
  static long calldataGas(byte[] data) {
    long zeroes = 0;
    for (byte b : data) {
      if (b == 0) {
        zeroes++;
      }
    }
    return zeroes * ZERO_BYTE_GAS + (data.length - zeroes) * NON_ZERO_BYTE_GAS;
  }
}
