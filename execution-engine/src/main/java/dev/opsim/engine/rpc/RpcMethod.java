package dev.opsim.engine.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON-RPC method. Runs on a virtual thread, so it may block. {@code params} is the request's array or
 * object (an empty array when the request had none); the returned node is the {@code result} (Java null
 * means JSON null, e.g. "block not found").
 */
@FunctionalInterface
public interface RpcMethod {

  JsonNode call(JsonNode params) throws RpcException;
}
