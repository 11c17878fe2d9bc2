/**
 * The public JSON-RPC methods of the execution engine (issue 4 "eth JSON-RPC"): web3_*, net_* and eth_* as geth
 * and op-geth answer them, written against the {@link dev.opsim.engine.eth.EthBackend} port so the chain behind
 * them (store, state, pool, executor) plugs in unchanged.
 *
 * <p>{@link dev.opsim.engine.eth.EthMethods} parses parameters strictly (-32602), resolves block references,
 * prints blocks, transactions, receipts and logs in op-geth's JSON layout, and runs geth's algorithms where the
 * answer is computed rather than read: gas estimation, fee history, the gas price oracle, log filtering.
 */
package dev.opsim.engine.eth;
