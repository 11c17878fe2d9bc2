package dev.opsim.protocol.fee;

/**
 * Which L1 data-fee function applies (protocol-reference 7.2). Forks after Fjord keep the Fjord function; mapping a
 * fork schedule to a formula is the caller's job.
 */
public enum L1FeeFormula {
  /** Calldata gas of the signed tx plus 68 non-zero bytes for a signature, plus overhead, times scalar/1e6. */
  BEDROCK,
  /** As Bedrock without the 68-byte padding. */
  REGOLITH,
  /** Calldata gas weighted by {@code 16*l1BaseFee*baseFeeScalar + blobBaseFee*blobBaseFeeScalar}, over 16e6. */
  ECOTONE,
  /** A linear estimate of the Brotli size from the FastLZ size, weighted like Ecotone, over 1e12. */
  FJORD
}
