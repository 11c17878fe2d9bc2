package dev.opsim.engine.trace;

/**
 * What a tracer cannot see from inside the EVM: the transaction's gas limit (callTracer's top-level {@code gas}),
 * the receipt's {@code gasUsed} after refunds (top-level {@code gas} / {@code gasUsed} of both tracers), and the
 * block-wide index of the transaction's first log (callTracer's log {@code index}).
 */
public record TxSummary(long gasLimit, long gasUsed, int firstLogIndex) {}
