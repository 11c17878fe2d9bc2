/**
 * The Engine API method layer (protocol-reference 6; execution-apis paris.md, shanghai.md, cancun.md; op-geth
 * eth/catalyst/api.go for OP behaviour): the JSON values ({@link dev.opsim.engine.api.ExecutionPayload},
 * {@link dev.opsim.engine.api.PayloadAttributes}, {@link dev.opsim.engine.api.ForkchoiceState},
 * {@link dev.opsim.engine.api.PayloadStatus}, {@link dev.opsim.engine.api.PayloadId}, ...), the methods
 * ({@link dev.opsim.engine.api.EngineApiMethods}) and the port they drive the chain through
 * ({@link dev.opsim.engine.api.EngineBackend}).
 *
 * <p>Invariant: everything decidable without chain data (JSON shape, method version versus fork, block hash,
 * transaction envelopes, OP attribute rules) is decided here, with the spec's status or error code, before the
 * backend is called; malformed input is a -32602 error, never an internal error.
 */
package dev.opsim.engine.api;
