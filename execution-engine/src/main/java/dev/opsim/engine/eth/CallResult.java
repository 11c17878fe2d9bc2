package dev.opsim.engine.eth;

import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/**
 * What a call did (geth's ExecutionResult).
 *
 * @param outcome success, revert (REVERT opcode, {@code output} is the revert data) or another failure
 * @param output the return data, or the revert data
 * @param gasUsed gas used after refunds
 * @param gasRefunded the refund that was subtracted
 * @param error for {@link Outcome#FAILED}: geth's VM error text ("out of gas", "invalid opcode: 0xfe", ...);
 *     empty otherwise
 */
public record CallResult(Outcome outcome, Bytes output, long gasUsed, long gasRefunded, String error) {
  public enum Outcome { SUCCESS, REVERTED, FAILED }

  public CallResult {
    Objects.requireNonNull(outcome, "outcome");
    output = Bytes.wrap(Objects.requireNonNull(output, "output").toArray());
    Objects.requireNonNull(error, "error");
  }

  public static CallResult success(Bytes output, long gasUsed, long gasRefunded) {
    return new CallResult(Outcome.SUCCESS, output, gasUsed, gasRefunded, "");
  }

  public static CallResult reverted(Bytes revertData, long gasUsed) {
    return new CallResult(Outcome.REVERTED, revertData, gasUsed, 0, "");
  }

  public static CallResult failed(String error, long gasUsed) {
    return new CallResult(Outcome.FAILED, Bytes.EMPTY, gasUsed, 0, error);
  }

  public boolean failed() {
    return outcome != Outcome.SUCCESS;
  }
}
