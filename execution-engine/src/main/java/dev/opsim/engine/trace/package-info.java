/**
 * geth-compatible transaction tracers for {@code debug_traceTransaction} and {@code debug_traceCall} (issue 4, "eth
 * JSON-RPC"): the default struct logger ({@link dev.opsim.engine.trace.StructLogger}), {@code callTracer}
 * ({@link dev.opsim.engine.trace.CallTracer}) and {@code noopTracer}, chosen from the JSON-RPC options object by
 * {@link dev.opsim.engine.trace.TraceOptions} and {@link dev.opsim.engine.trace.Tracers}.
 *
 * <p>The JSON layout follows go-ethereum's {@code eth/tracers/logger/logger.go} (legacy struct-log JSON) and
 * {@code eth/tracers/native/call.go}: same field names, order, number formats and error texts. A tracer is used for
 * one transaction, on one thread.
 */
package dev.opsim.engine.trace;
