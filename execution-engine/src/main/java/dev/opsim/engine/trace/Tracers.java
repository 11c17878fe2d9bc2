package dev.opsim.engine.trace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.evm.BlockEnv;
import dev.opsim.evm.EvmSpec;
import dev.opsim.evm.Tracer;
import dev.opsim.evm.state.JournaledState;
import dev.opsim.evm.tx.Transaction;
import dev.opsim.evm.tx.TransactionProcessor;
import dev.opsim.evm.tx.TxResult;

/** Chooses the tracer the options name, and runs one traced transaction. */
public final class Tracers {
  private Tracers() {}

  /** A fresh tracer for one transaction under {@code spec}'s rules (for gas and stack texts). */
  public static TransactionTracer create(TraceOptions options, EvmSpec spec) {
    return switch (options.tracer()) {
      case TraceOptions.CALL_TRACER -> new CallTracer(options.callTracer(), spec);
      case TraceOptions.NOOP_TRACER -> new NoopTracer();
      default -> new StructLogger(options.logger(), spec);
    };
  }

  /** Runs a transaction with the tracer it is given, e.g. {@code t -> processor.process(state, tx, block, t)}. */
  @FunctionalInterface
  public interface TracedRun {
    TxResult run(Tracer tracer);
  }

  /**
   * Runs {@code run} under the chosen tracer and returns geth's JSON for it.
   *
   * @param gasLimit the transaction's gas limit
   * @param firstLogIndex the block-wide index the transaction's first log gets (0 for debug_traceCall)
   * @throws TransactionRejectedException when the transaction is invalid and did not run
   */
  public static ObjectNode trace(TraceOptions options, EvmSpec spec, long gasLimit, int firstLogIndex, TracedRun run)
      throws TransactionRejectedException {
    TransactionTracer tracer = create(options, spec);
    TxResult result = run.run(tracer);
    return switch (result) {
      case TxResult.Executed e -> tracer.result(new TxSummary(gasLimit, e.gasUsed(), firstLogIndex));
      case TxResult.Rejected r -> throw new TransactionRejectedException(r);
    };
  }

  /** {@link #trace(TraceOptions, EvmSpec, long, int, TracedRun)} through a plain {@link TransactionProcessor}. */
  public static ObjectNode trace(TraceOptions options, EvmSpec spec, TransactionProcessor processor,
      JournaledState state, Transaction tx, BlockEnv block, int firstLogIndex) throws TransactionRejectedException {
    return trace(options, spec, tx.gasLimit(), firstLogIndex, t -> processor.process(state, tx, block, t));
  }
}
