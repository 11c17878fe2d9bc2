package dev.opsim.engine.chain;

/** The header validation rules {@link HeaderValidator} applies on import; a failure names one of them. */
public enum HeaderRule {
  /** parentHash is the hash of the parent header. */
  PARENT_HASH,
  /** number is the parent's plus one. */
  NUMBER,
  /** timestamp is strictly greater than the parent's. */
  TIMESTAMP,
  /** The optional fields present are exactly those of the forks active for the block. */
  FORK_FIELDS,
  /** extraData: at most 32 bytes; on OP the 9-byte Holocene or 17-byte Jovian EIP-1559 parameter encoding. */
  EXTRA_DATA,
  /** gasLimit at most 2^63-1 (geth's MaxGasLimit). */
  GAS_LIMIT_MAX,
  /** L1: gasLimit at least 5000. */
  GAS_LIMIT_MIN,
  /** L1: gasLimit differs from the parent's (doubled at the London transition) by less than parent/1024. */
  GAS_LIMIT_CHANGE,
  /** gasUsed at most gasLimit. */
  GAS_USED,
  /** baseFeePerGas equals the EIP-1559 value computed from the parent. */
  BASE_FEE,
  /** After the merge: difficulty is 0. */
  DIFFICULTY,
  /** After the merge: the PoW nonce is 0. */
  NONCE,
  /** After the merge: ommersHash is the hash of the empty list. */
  OMMERS_HASH,
  /** blobGasUsed: a multiple of the blob size, at most the per-block maximum; 0 on OP. */
  BLOB_GAS_USED,
  /** excessBlobGas: the EIP-4844 update of the parent's values; 0 on OP. */
  EXCESS_BLOB_GAS,
  /** OP Isthmus: requestsHash is sha256 of nothing (protocol-reference 6.4). */
  REQUESTS_HASH
}
