/**
 * JSON-RPC 2.0 over HTTP for the execution engine (issue 4 "Engine API" and "eth JSON-RPC"; protocol
 * reference 6.1): {@link dev.opsim.engine.rpc.JsonRpcServer} serves a {@link dev.opsim.engine.rpc.RpcMethods}
 * registry at {@code /}, the public port without authentication and the Engine API port behind HS256 JWTs
 * ({@link dev.opsim.engine.rpc.JwtAuthenticator}). Transport only: the eth_* and engine_* methods live
 * elsewhere and plug in as {@link dev.opsim.engine.rpc.RpcMethod}s.
 *
 * <p>Invariant: no client can make the server stop answering others. Methods run on virtual threads, never
 * on the event loop; bodies, batches, connections and the time to send a request are all bounded.
 */
package dev.opsim.engine.rpc;
