package dev.opsim.engine.api;

import static dev.opsim.engine.api.EngineJson.NODES;
import static dev.opsim.engine.api.EngineJson.address;
import static dev.opsim.engine.api.EngineJson.bool;
import static dev.opsim.engine.api.EngineJson.data;
import static dev.opsim.engine.api.EngineJson.dataList;
import static dev.opsim.engine.api.EngineJson.hash;
import static dev.opsim.engine.api.EngineJson.member;
import static dev.opsim.engine.api.EngineJson.object;
import static dev.opsim.engine.api.EngineJson.optionalHash;
import static dev.opsim.engine.api.EngineJson.optionalUint64;
import static dev.opsim.engine.api.EngineJson.optionalWithdrawals;
import static dev.opsim.engine.api.EngineJson.quantity;
import static dev.opsim.engine.api.EngineJson.required;
import static dev.opsim.engine.api.EngineJson.uint64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.engine.chain.ValidatorWithdrawal;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;

/**
 * {@code PayloadAttributesV1/V2/V3} with the OP extensions (protocol-reference 5.12, 6.2). Only the JSON shape is
 * checked here; which fields a method and fork require (withdrawals, parentBeaconBlockRoot, gasLimit, eip1559Params)
 * is {@link EngineApiMethods}' check, reported as -38003 as the spec says.
 *
 * @param withdrawals absent in V1 (pre-Canyon); OP sends {@code []} from Canyon
 * @param parentBeaconBlockRoot V3 only (Ecotone+)
 * @param transactions OP: the forced transactions, in order (deposits first); empty when the member is absent
 * @param noTxPool OP: true = the block holds exactly {@code transactions}; false when absent
 * @param gasLimit OP: the block's gas limit; required on OP chains
 * @param eip1559Params OP Holocene: {@code denominator(u32) ++ elasticity(u32)}; any length is read, length 8 is the
 *     method's check (op-geth reports a wrong length as invalid attributes)
 * @param minBaseFee OP Jovian: the minimum base fee (read and carried; the Jovian rules are not checked here)
 */
public record PayloadAttributes(
    long timestamp,
    Hash prevRandao,
    Address suggestedFeeRecipient,
    Optional<List<ValidatorWithdrawal>> withdrawals,
    Optional<Hash> parentBeaconBlockRoot,
    List<Bytes> transactions,
    boolean noTxPool,
    OptionalLong gasLimit,
    Optional<Bytes> eip1559Params,
    OptionalLong minBaseFee) {

  public PayloadAttributes {
    if (prevRandao == null || suggestedFeeRecipient == null || withdrawals == null || parentBeaconBlockRoot == null
        || transactions == null || gasLimit == null || eip1559Params == null || minBaseFee == null) {
      throw new IllegalArgumentException("attribute fields must not be null (absent optional fields are empty)");
    }
    withdrawals = withdrawals.map(List::copyOf);
    transactions = transactions.stream().map(tx -> Bytes.wrap(tx.toArray())).toList();
    eip1559Params = eip1559Params.map(p -> Bytes.wrap(p.toArray()));
  }

  public static PayloadAttributes fromJson(JsonNode json) throws DecodeException {
    JsonNode a = object(json, "payloadAttributes");
    JsonNode txs = member(a, "transactions");
    JsonNode noTxPool = member(a, "noTxPool");
    JsonNode eip1559 = member(a, "eip1559Params");
    return new PayloadAttributes(
        uint64(required(a, "timestamp"), "timestamp"),
        hash(required(a, "prevRandao"), "prevRandao"),
        address(required(a, "suggestedFeeRecipient"), "suggestedFeeRecipient"),
        optionalWithdrawals(a, "withdrawals"),
        optionalHash(a, "parentBeaconBlockRoot"),
        txs == null ? List.of() : dataList(txs, "transactions"),
        noTxPool != null && bool(noTxPool, "noTxPool"),
        optionalUint64(a, "gasLimit"),
        eip1559 == null ? Optional.empty() : Optional.of(data(eip1559, "eip1559Params")),
        optionalUint64(a, "minBaseFee"));
  }

  /** The JSON object op-node would send; absent optional members are left out. */
  public ObjectNode toJson() {
    ObjectNode o = NODES.objectNode();
    o.put("timestamp", quantity(timestamp));
    o.put("prevRandao", prevRandao.toString());
    o.put("suggestedFeeRecipient", suggestedFeeRecipient.toString());
    withdrawals.ifPresent(ws -> o.set("withdrawals", EngineJson.withdrawalsJson(ws)));
    parentBeaconBlockRoot.ifPresent(root -> o.put("parentBeaconBlockRoot", root.toString()));
    if (!transactions.isEmpty()) {
      o.set("transactions", EngineJson.hexArray(transactions));
    }
    if (noTxPool) {
      o.put("noTxPool", true);
    }
    gasLimit.ifPresent(limit -> o.put("gasLimit", quantity(limit)));
    eip1559Params.ifPresent(p -> o.put("eip1559Params", EngineJson.hex(p)));
    minBaseFee.ifPresent(fee -> o.put("minBaseFee", quantity(fee)));
    return o;
  }
}
