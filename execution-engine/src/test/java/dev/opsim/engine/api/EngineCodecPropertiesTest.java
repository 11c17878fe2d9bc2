package dev.opsim.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.LogsBloom;
import dev.opsim.engine.chain.ValidatorWithdrawal;
import dev.opsim.engine.rpc.RpcException;
import dev.opsim.engine.rpc.RpcMethods;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.tuweni.bytes.Bytes;

/**
 * The Engine API codecs: decode(encode(x)) == x for generated values, and any JSON (random or a mutated valid
 * encoding) gives a value or a DecodeException; through the methods, a result or an RpcException with a spec code.
 */
class EngineCodecPropertiesTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  // --- generators (from a seed: the values are structured enough that shrinking would not help much) ---

  private static Bytes bytes(Random r, int size) {
    byte[] b = new byte[size];
    r.nextBytes(b);
    return Bytes.wrap(b);
  }

  private static Hash hash(Random r) {
    return Hash.wrap(bytes(r, 32));
  }

  private static Address address(Random r) {
    return Address.wrap(bytes(r, 20));
  }

  private static long u64(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> 0;
      case 1 -> -1; // 2^64 - 1
      case 2 -> r.nextInt(1000);
      default -> r.nextLong();
    };
  }

  private static List<ValidatorWithdrawal> withdrawals(Random r) {
    List<ValidatorWithdrawal> ws = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      ws.add(new ValidatorWithdrawal(u64(r), u64(r), address(r), u64(r)));
    }
    return ws;
  }

  private static Bytes transaction(Random r) {
    Bytes body = bytes(r, 1 + r.nextInt(40));
    // a typed envelope (first byte < 0x80) or something starting like an RLP list (>= 0xc0)
    int first = r.nextBoolean() ? r.nextInt(0x80) : 0xc0 + r.nextInt(0x40);
    return Bytes.concatenate(Bytes.of(first), body);
  }

  static ExecutionPayload payload(Random r) {
    int version = 1 + r.nextInt(3);
    List<Bytes> txs = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      txs.add(transaction(r));
    }
    BigInteger baseFee = new BigInteger(r.nextInt(257), r);
    return new ExecutionPayload(hash(r), address(r), hash(r), hash(r), new LogsBloom(bytes(r, 256)), hash(r), u64(r),
        u64(r), u64(r), u64(r), bytes(r, r.nextInt(33)), baseFee, hash(r), txs,
        version >= 2 ? Optional.of(withdrawals(r)) : Optional.empty(),
        version == 3 ? OptionalLong.of(u64(r)) : OptionalLong.empty(),
        version == 3 ? OptionalLong.of(u64(r)) : OptionalLong.empty());
  }

  static PayloadAttributes attributes(Random r) {
    List<Bytes> txs = new ArrayList<>();
    for (int i = r.nextInt(3); i > 0; i--) {
      txs.add(transaction(r));
    }
    return new PayloadAttributes(u64(r), hash(r), address(r),
        r.nextBoolean() ? Optional.of(withdrawals(r)) : Optional.empty(),
        r.nextBoolean() ? Optional.of(hash(r)) : Optional.empty(), txs, r.nextBoolean(),
        r.nextBoolean() ? OptionalLong.of(u64(r)) : OptionalLong.empty(),
        r.nextBoolean() ? Optional.of(bytes(r, r.nextInt(10))) : Optional.empty(),
        r.nextBoolean() ? OptionalLong.of(u64(r)) : OptionalLong.empty());
  }

  static PayloadStatus status(Random r) {
    PayloadStatus.Status[] all = PayloadStatus.Status.values();
    return new PayloadStatus(all[r.nextInt(all.length)], r.nextBoolean() ? Optional.of(hash(r)) : Optional.empty(),
        r.nextBoolean() ? Optional.of("error " + r.nextInt()) : Optional.empty());
  }

  // --- round trips ---

  @Property(tries = 300)
  void payloadJsonRoundTrip(@ForAll Random r) throws Exception {
    ExecutionPayload p = payload(r);
    ObjectNode json = p.toJson();
    assertEquals(p, ExecutionPayload.fromJson(json));
    assertEquals(json, ExecutionPayload.fromJson(JSON.readTree(json.toString())).toJson());
  }

  @Property(tries = 200)
  void payloadBlockRoundTrip(@ForAll Random r) throws Exception {
    ExecutionPayload p = payload(r);
    Optional<Hash> beaconRoot = p.version() == 3 ? Optional.of(hash(r)) : Optional.empty();
    Block block = p.toBlock(beaconRoot);
    ExecutionPayload back = ExecutionPayload.fromBlock(block);
    assertEquals(block.hash(), back.blockHash());
    assertEquals(p.toJson().without("blockHash"), back.toJson().without("blockHash"));
    assertEquals(block.hash(), back.toBlock(beaconRoot).hash());
  }

  @Property(tries = 300)
  void attributesJsonRoundTrip(@ForAll Random r) throws Exception {
    PayloadAttributes a = attributes(r);
    assertEquals(a, PayloadAttributes.fromJson(JSON.readTree(a.toJson().toString())));
  }

  @Property(tries = 100)
  void forkchoiceStateAndStatusRoundTrip(@ForAll Random r) throws Exception {
    ForkchoiceState s = new ForkchoiceState(hash(r), hash(r), r.nextBoolean() ? Hash.ZERO : hash(r));
    assertEquals(s, ForkchoiceState.fromJson(s.toJson()));
    PayloadStatus status = status(r);
    assertEquals(status, PayloadStatus.fromJson(status.toJson()));
  }

  // --- fuzz: mutated encodings and random JSON give a value or DecodeException ---

  @FunctionalInterface
  interface Decoder {
    Object decode(JsonNode json) throws DecodeException;
  }

  private static final List<Decoder> DECODERS = List.of(
      ExecutionPayload::fromJson, PayloadAttributes::fromJson, ForkchoiceState::fromJson, PayloadStatus::fromJson,
      json -> PayloadId.fromHex(json.isTextual() ? json.textValue() : json.toString()));

  private static void decodeEverywhere(JsonNode json) {
    for (Decoder decoder : DECODERS) {
      try {
        decoder.decode(json);
      } catch (DecodeException expected) {
        // the one allowed failure
      }
    }
  }

  @Property(tries = 500)
  void mutatedEncodingsGiveAValueOrDecodeException(@ForAll Random r) {
    JsonNode json = switch (r.nextInt(4)) {
      case 0 -> payload(r).toJson();
      case 1 -> attributes(r).toJson();
      case 2 -> new ForkchoiceState(hash(r), hash(r), hash(r)).toJson();
      default -> status(r).toJson();
    };
    for (int i = 1 + r.nextInt(3); i > 0; i--) {
      mutate(json, r);
    }
    decodeEverywhere(json);
  }

  @Property(tries = 300)
  void randomJsonGivesAValueOrDecodeException(@ForAll Random r) {
    decodeEverywhere(randomValue(r, 3));
  }

  // --- the methods: malformed requests are JSON-RPC errors with a spec code, never an internal error ---

  private static final Set<Integer> SPEC_CODES = Set.of(-32602, -38001, -38002, -38003, -38005);

  @Property(tries = 150)
  void methodsAnswerMutatedRequestsWithAResultOrASpecError(@ForAll Random r) {
    FakeBackend backend = new FakeBackend();
    backend.forkchoiceAnswer = new ForkchoiceOutcome.Applied(EngineTestData.block(248).header());
    RpcMethods methods = new EngineApiMethods(EngineTestData.opStaged(), backend).methods();
    Block block = EngineTestData.block(200 + r.nextInt(200));
    PayloadId id = PayloadId.of(3, Hash.ZERO, EngineTestData.attributes(250));
    backend.built.put(id, new BuiltPayload(block, BigInteger.TEN));
    Map<String, ArrayNode> requests = Map.of(
        "engine_newPayloadV3", NODES.arrayNode().add(ExecutionPayload.fromBlock(block).toJson()).add(NODES.arrayNode())
            .add(EngineTestData.BEACON_ROOT.toString()),
        "engine_newPayloadV2", NODES.arrayNode().add(ExecutionPayload.fromBlock(EngineTestData.block(150)).toJson()),
        "engine_forkchoiceUpdatedV3", NODES.arrayNode().add(new ForkchoiceState(Hash.ofLong(1), Hash.ZERO,
            Hash.ZERO).toJson()).add(EngineTestData.attributes(250).toJson()),
        "engine_getPayloadV3", NODES.arrayNode().add(id.toString()),
        "engine_exchangeCapabilities", NODES.arrayNode().add(NODES.arrayNode().add("engine_newPayloadV3")));
    List<String> names = new ArrayList<>(requests.keySet());
    names.sort(null);
    String name = names.get(r.nextInt(names.size()));
    ArrayNode params = requests.get(name).deepCopy();
    for (int i = 1 + r.nextInt(3); i > 0; i--) {
      mutate(params, r);
    }
    try {
      methods.find(name).orElseThrow().call(params);
    } catch (RpcException e) {
      assertTrue(SPEC_CODES.contains(e.code()), name + " answered " + e.code() + " " + e.getMessage());
    }
  }

  // --- mutation helpers ---

  /** Replaces, removes or truncates one value somewhere in the tree (containers are changed in place). */
  private static void mutate(JsonNode root, Random r) {
    List<JsonNode> containers = new ArrayList<>();
    collectContainers(root, containers);
    JsonNode target = containers.get(r.nextInt(containers.size()));
    if (target instanceof ObjectNode o && !o.isEmpty()) {
      List<String> keys = new ArrayList<>();
      o.fieldNames().forEachRemaining(keys::add);
      String key = keys.get(r.nextInt(keys.size()));
      switch (r.nextInt(3)) {
        case 0 -> o.remove(key);
        case 1 -> o.set(key, tweak(o.get(key), r));
        default -> o.set(key, randomValue(r, 1));
      }
    } else if (target instanceof ArrayNode a) {
      if (!a.isEmpty() && r.nextBoolean()) {
        int i = r.nextInt(a.size());
        a.set(i, r.nextBoolean() ? tweak(a.get(i), r) : randomValue(r, 1));
      } else if (!a.isEmpty() && r.nextBoolean()) {
        a.remove(r.nextInt(a.size()));
      } else {
        a.add(randomValue(r, 1));
      }
    }
  }

  private static void collectContainers(JsonNode node, List<JsonNode> out) {
    if (node.isContainerNode()) {
      out.add(node);
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        collectContainers(it.next(), out);
      }
    }
  }

  /** A near miss of a text value: truncated, extended, case or prefix changed, a digit replaced. */
  private static JsonNode tweak(JsonNode value, Random r) {
    if (!value.isTextual() || value.textValue().isEmpty()) {
      return randomValue(r, 1);
    }
    String s = value.textValue();
    return NODES.textNode(switch (r.nextInt(6)) {
      case 0 -> s.substring(0, r.nextInt(s.length()));
      case 1 -> s + "0";
      case 2 -> s.toUpperCase();
      case 3 -> s.startsWith("0x") ? s.substring(2) : "0x" + s;
      case 4 -> s.startsWith("0x") ? "0x0" + s.substring(2) : s;
      default -> {
        char[] chars = s.toCharArray();
        chars[r.nextInt(chars.length)] = "0gG\u0663x-\u0000".charAt(r.nextInt(7));
        yield new String(chars);
      }
    });
  }

  private static JsonNode randomValue(Random r, int depth) {
    int kind = r.nextInt(depth > 0 ? 9 : 7);
    return switch (kind) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(r.nextBoolean());
      case 2 -> NODES.numberNode(r.nextLong());
      case 3 -> NODES.textNode("0x" + Bytes.wrap(bytes(r, r.nextInt(40)).toArrayUnsafe()).toUnprefixedHexString());
      case 4 -> NODES.textNode("0x" + Long.toHexString(r.nextLong() >>> r.nextInt(64)));
      case 5 -> NODES.textNode(new String(new char[] {(char) r.nextInt(0x3000), (char) r.nextInt(128)}));
      case 6 -> NODES.numberNode(r.nextDouble());
      case 7 -> {
        ArrayNode a = NODES.arrayNode();
        for (int i = r.nextInt(3); i > 0; i--) {
          a.add(randomValue(r, depth - 1));
        }
        yield a;
      }
      default -> {
        ObjectNode o = NODES.objectNode();
        String[] keys = {"parentHash", "timestamp", "transactions", "withdrawals", "status", "headBlockHash",
            "blobGasUsed", "index", "address", "gasLimit"};
        for (int i = r.nextInt(4); i > 0; i--) {
          o.set(keys[r.nextInt(keys.length)], randomValue(r, depth - 1));
        }
        yield o;
      }
    };
  }
}
