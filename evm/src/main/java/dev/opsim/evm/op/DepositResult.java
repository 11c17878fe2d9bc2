package dev.opsim.evm.op;

import dev.opsim.evm.state.Log;
import dev.opsim.protocol.Address;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * The outcome of a deposited transaction; a deposit is always included (protocol-reference 2.4, 2.5).
 * {@code status} is a {@link dev.opsim.evm.Status} code, or {@link #FAILED_STATUS} for a non-EVM failure (value
 * above balance, intrinsic gas above the gas limit, init code too large, system tx from Regolith); receipts only
 * need {@link #success()}. {@code gasUsed} is what the receipt and the block's gas used count. {@code depositNonce}
 * is the nonce of {@code from} before the deposit (the receipt's depositNonce). {@code contractAddress} is set for
 * a successful creation. {@code output} is the return or revert data (empty for a non-EVM failure).
 */
public record DepositResult(
    boolean success,
    int status,
    long gasUsed,
    List<Log> logs,
    long depositNonce,
    Address contractAddress,
    Bytes output) {
  /** Status of a deposit that failed before the EVM ran. */
  public static final int FAILED_STATUS = -1;

  public DepositResult {
    logs = List.copyOf(logs);
    output = output == null ? Bytes.EMPTY : output;
  }

  /** The receipt status byte: 1 success, 0 failure (EIP-658). */
  public int receiptStatus() {
    return success ? 1 : 0;
  }
}
