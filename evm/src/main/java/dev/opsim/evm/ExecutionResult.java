package dev.opsim.evm;

import dev.opsim.protocol.Address;
import org.apache.tuweni.bytes.Bytes;

/**
 * The outcome of a top-level message: {@code status} is a {@link Status} (STOP/RETURN success, REVERT, or an
 * exceptional halt); {@code createdAddress} is set for a successful creation.
 */
public record ExecutionResult(int status, long gasLeft, Bytes output, Address createdAddress) {
  public boolean success() {
    return status == Status.STOP || status == Status.RETURN;
  }
}
