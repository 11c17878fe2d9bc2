package dev.opsim.evm;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.function.LongFunction;

/**
 * The block a transaction runs in. {@code blockHashes} answers BLOCKHASH for the 256 previous blocks (the EVM
 * enforces the window); {@code excessBlobGas} is the header field (EIP-4844) from which the blob base fee follows.
 */
public record BlockEnv(
    long chainId,
    Address coinbase,
    long gasLimit,
    long number,
    long timestamp,
    Hash prevRandao,
    BigInteger baseFee,
    long excessBlobGas,
    LongFunction<Hash> blockHashes) {
  public BlockEnv {
    if (coinbase == null || prevRandao == null || baseFee == null || blockHashes == null) {
      throw new IllegalArgumentException("block environment fields are required");
    }
  }

  /** EIP-4844 blob base fee: fake_exponential(1, excess_blob_gas, 3338477). */
  public BigInteger blobBaseFee() {
    return BlobGas.fakeExponential(BigInteger.ONE, BigInteger.valueOf(excessBlobGas), BlobGas.UPDATE_FRACTION);
  }
}
