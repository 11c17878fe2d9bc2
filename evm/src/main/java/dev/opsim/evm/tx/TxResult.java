package dev.opsim.evm.tx;

import dev.opsim.evm.state.Log;
import dev.opsim.protocol.Address;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/** The outcome of processing one transaction. */
public sealed interface TxResult {
  /** The transaction is invalid; the state is untouched. */
  record Rejected(TxRejection reason, String detail) implements TxResult {}

  /**
   * The transaction was included. {@code status} is a {@link dev.opsim.evm.Status}; {@code gasUsed} is after
   * refunds; {@code contractAddress} is set for a successful creation.
   */
  record Executed(boolean success, int status, long gasUsed, long blobGasUsed, List<Log> logs, Bytes output,
      Address contractAddress) implements TxResult {
    public Executed {
      logs = List.copyOf(logs);
    }
  }
}
