package dev.opsim.engine.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.opsim.engine.chain.Receipt;
import dev.opsim.engine.rpc.RpcException;
import dev.opsim.engine.rpc.RpcMethods;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Log;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.apache.tuweni.bytes.Bytes;

/**
 * Any parameters, well-formed or not, give every method a result or an RpcException (which the server turns into
 * a JSON-RPC error), never another exception (an internal error).
 */
class EthMethodsFuzzProperties {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Address CONTRACT = Address.fromHex("0x00000000000000000000000000000000000000c1");

  private static final RpcMethods METHODS = methods();

  private static RpcMethods methods() {
    FakeEthBackend backend = new FakeEthBackend(7, true);
    backend.addEmptyBlock(BigInteger.TEN);
    Bytes tx = TestSigner.dynamic(TestSigner.key(0), 7, 0, BigInteger.ONE, BigInteger.TEN, 21_000, CONTRACT,
        Bytes.EMPTY).encode();
    backend.addBlock(List.of(tx), List.of(Receipt.of(2, true, 21_000,
        List.of(new Log(CONTRACT, List.of(Hash.ofLong(1)), Bytes.EMPTY)))), BigInteger.TEN, 30_000_000);
    backend.proof = new AccountProof(CONTRACT, List.of(), BigInteger.ZERO, Hash.ZERO, 0, Hash.ZERO, List.of());
    return new EthMethods(backend, EthConfig.DEFAULTS).methods();
  }

  @Provide
  Arbitrary<String> methodNames() {
    return Arbitraries.of(new ArrayList<>(METHODS.names()));
  }

  private static Arbitrary<JsonNode> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.of("latest", "pending", "safe", "finalized", "earliest", "0x0", "0x1", "0x01", "0x", "0xzz",
            "0x" + "00".repeat(20), "0x" + "11".repeat(32), CONTRACT.toString(), "1", "-1", "0xffffffffffffffffff",
            "0x10000000000000000", "0x7fffffffffffffff", "0x12345").map(s -> (JsonNode) TextNode.valueOf(s)),
        Arbitraries.strings().ofMaxLength(70).map(s -> (JsonNode) TextNode.valueOf(s)),
        Arbitraries.integers().map(i -> (JsonNode) IntNode.valueOf(i)),
        Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE, NullNode.getInstance()).map(n -> (JsonNode) n));
  }

  private static Arbitrary<JsonNode> objects() {
    Arbitrary<String> keys = Arbitraries.of("to", "from", "data", "input", "gas", "value", "gasPrice",
        "maxFeePerGas", "maxPriorityFeePerGas", "nonce", "accessList", "blobVersionedHashes", "chainId",
        "address", "topics", "fromBlock", "toBlock", "blockHash", "blockNumber", "requireCanonical", "balance",
        "code", "state", "stateDiff", CONTRACT.toString());
    Arbitrary<JsonNode> values = Arbitraries.oneOf(scalars(), scalars().list().ofMaxSize(5).map(list -> {
      ArrayNode a = JSON.arrayNode();
      list.forEach(a::add);
      return (JsonNode) a;
    }), Arbitraries.just((JsonNode) JSON.objectNode().put("0x" + "00".repeat(32), "0x1")));
    return keys.list().ofMaxSize(4).flatMap(names -> values.list().ofSize(names.size()).map(vals -> {
      ObjectNode o = JSON.objectNode();
      for (int i = 0; i < names.size(); i++) {
        o.set(names.get(i), vals.get(i));
      }
      return (JsonNode) o;
    }));
  }

  @Provide
  Arbitrary<JsonNode> params() {
    Arbitrary<JsonNode> element = Arbitraries.frequencyOf(
        Tuple.of(3, scalars()), Tuple.of(2, objects()),
        Tuple.of(1, scalars().list().ofMaxSize(4).map(list -> {
          ArrayNode a = JSON.arrayNode();
          list.forEach(a::add);
          return (JsonNode) a;
        })));
    Arbitrary<JsonNode> arrays = element.list().ofMaxSize(5).map(list -> {
      ArrayNode a = JSON.arrayNode();
      list.forEach(a::add);
      return (JsonNode) a;
    });
    return Arbitraries.frequencyOf(Tuple.of(9, arrays), Tuple.of(1, objects()));
  }

  @Property(tries = 1500)
  void onlyResultsOrRpcErrors(@ForAll("methodNames") String method, @ForAll("params") JsonNode params) {
    try {
      METHODS.find(method).orElseThrow().call(params);
    } catch (RpcException expected) {
      // A JSON-RPC error: fine.
    }
  }

  @Property(tries = 200)
  void resultsAreSerializable(@ForAll("methodNames") String method, @ForAll("params") JsonNode params)
      throws Exception {
    JsonNode result;
    try {
      result = METHODS.find(method).orElseThrow().call(params);
    } catch (RpcException expected) {
      return;
    }
    new ObjectMapper().writeValueAsString(result);
  }
}
