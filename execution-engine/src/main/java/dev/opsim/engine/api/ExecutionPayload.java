package dev.opsim.engine.api;

import static dev.opsim.engine.api.EngineJson.NODES;
import static dev.opsim.engine.api.EngineJson.address;
import static dev.opsim.engine.api.EngineJson.data;
import static dev.opsim.engine.api.EngineJson.dataList;
import static dev.opsim.engine.api.EngineJson.fixedData;
import static dev.opsim.engine.api.EngineJson.hash;
import static dev.opsim.engine.api.EngineJson.hex;
import static dev.opsim.engine.api.EngineJson.object;
import static dev.opsim.engine.api.EngineJson.optionalUint64;
import static dev.opsim.engine.api.EngineJson.optionalWithdrawals;
import static dev.opsim.engine.api.EngineJson.quantity;
import static dev.opsim.engine.api.EngineJson.required;
import static dev.opsim.engine.api.EngineJson.uint256;
import static dev.opsim.engine.api.EngineJson.uint64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.chain.BlockRoots;
import dev.opsim.engine.chain.LogsBloom;
import dev.opsim.engine.chain.ValidatorWithdrawal;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;

/**
 * An {@code ExecutionPayloadV1}, {@code V2} or {@code V3} (paris.md, shanghai.md, cancun.md; protocol-reference 6.2).
 * The version is the set of optional fields present: V2 adds {@code withdrawals}, V3 adds {@code blobGasUsed} and
 * {@code excessBlobGas}. The V3 header's {@code parentBeaconBlockRoot} is not part of the payload: newPayloadV3 takes it
 * as a separate parameter and {@link #toBlock} takes it as an argument.
 *
 * @param transactions EIP-2718 bytes (legacy = the RLP list); a zero-length entry is representable here so that
 *     newPayload can answer it with INVALID as the spec demands, but {@link #toBlock} refuses it
 */
public record ExecutionPayload(
    Hash parentHash,
    Address feeRecipient,
    Hash stateRoot,
    Hash receiptsRoot,
    LogsBloom logsBloom,
    Hash prevRandao,
    long blockNumber,
    long gasLimit,
    long gasUsed,
    long timestamp,
    Bytes extraData,
    BigInteger baseFeePerGas,
    Hash blockHash,
    List<Bytes> transactions,
    Optional<List<ValidatorWithdrawal>> withdrawals,
    OptionalLong blobGasUsed,
    OptionalLong excessBlobGas) {

  /** EIP-3675 / yellow paper: extraData is at most 32 bytes. */
  public static final int MAX_EXTRA_DATA = 32;

  public ExecutionPayload {
    if (parentHash == null || feeRecipient == null || stateRoot == null || receiptsRoot == null || logsBloom == null
        || prevRandao == null || extraData == null || baseFeePerGas == null || blockHash == null
        || transactions == null || withdrawals == null || blobGasUsed == null || excessBlobGas == null) {
      throw new IllegalArgumentException("payload fields must not be null (absent optional fields are empty)");
    }
    if (extraData.size() > MAX_EXTRA_DATA) {
      throw new IllegalArgumentException("extraData is " + extraData.size() + " bytes, at most 32 allowed");
    }
    if (baseFeePerGas.signum() < 0 || baseFeePerGas.bitLength() > 256) {
      throw new IllegalArgumentException("baseFeePerGas must be a uint256");
    }
    if (blobGasUsed.isPresent() != excessBlobGas.isPresent()) {
      throw new IllegalArgumentException("blobGasUsed and excessBlobGas come together (V3)");
    }
    if (blobGasUsed.isPresent() && withdrawals.isEmpty()) {
      throw new IllegalArgumentException("a V3 payload has withdrawals");
    }
    extraData = Bytes.wrap(extraData.toArray());
    transactions = transactions.stream().map(tx -> Bytes.wrap(tx.toArray())).toList();
    withdrawals = withdrawals.map(List::copyOf);
  }

  /** 1, 2 or 3: which ExecutionPayload structure this is. */
  public int version() {
    return blobGasUsed.isPresent() ? 3 : withdrawals.isPresent() ? 2 : 1;
  }

  /**
   * Reads a payload object of any version; which fields must be present for a given method is the method's check.
   * Unknown members are ignored (as geth does).
   */
  public static ExecutionPayload fromJson(JsonNode json) throws DecodeException {
    JsonNode p = object(json, "executionPayload");
    Bytes extraData = data(required(p, "extraData"), "extraData");
    if (extraData.size() > MAX_EXTRA_DATA) {
      throw new DecodeException("extraData: " + extraData.size() + " bytes, at most 32 allowed");
    }
    OptionalLong blobGasUsed = optionalUint64(p, "blobGasUsed");
    OptionalLong excessBlobGas = optionalUint64(p, "excessBlobGas");
    Optional<List<ValidatorWithdrawal>> withdrawals = optionalWithdrawals(p, "withdrawals");
    if (blobGasUsed.isPresent() != excessBlobGas.isPresent()) {
      throw new DecodeException("blobGasUsed and excessBlobGas must both be present or both absent");
    }
    if (blobGasUsed.isPresent() && withdrawals.isEmpty()) {
      throw new DecodeException("withdrawals missing from a payload with blob gas fields");
    }
    return new ExecutionPayload(
        hash(required(p, "parentHash"), "parentHash"),
        address(required(p, "feeRecipient"), "feeRecipient"),
        hash(required(p, "stateRoot"), "stateRoot"),
        hash(required(p, "receiptsRoot"), "receiptsRoot"),
        new LogsBloom(fixedData(required(p, "logsBloom"), "logsBloom", LogsBloom.SIZE)),
        hash(required(p, "prevRandao"), "prevRandao"),
        uint64(required(p, "blockNumber"), "blockNumber"),
        uint64(required(p, "gasLimit"), "gasLimit"),
        uint64(required(p, "gasUsed"), "gasUsed"),
        uint64(required(p, "timestamp"), "timestamp"),
        extraData,
        uint256(required(p, "baseFeePerGas"), "baseFeePerGas"),
        hash(required(p, "blockHash"), "blockHash"),
        dataList(required(p, "transactions"), "transactions"),
        withdrawals,
        blobGasUsed,
        excessBlobGas);
  }

  /** The JSON object, with exactly the fields of {@link #version()}. */
  public ObjectNode toJson() {
    ObjectNode o = NODES.objectNode();
    o.put("parentHash", parentHash.toString());
    o.put("feeRecipient", feeRecipient.toString());
    o.put("stateRoot", stateRoot.toString());
    o.put("receiptsRoot", receiptsRoot.toString());
    o.put("logsBloom", hex(logsBloom.bytes()));
    o.put("prevRandao", prevRandao.toString());
    o.put("blockNumber", quantity(blockNumber));
    o.put("gasLimit", quantity(gasLimit));
    o.put("gasUsed", quantity(gasUsed));
    o.put("timestamp", quantity(timestamp));
    o.put("extraData", hex(extraData));
    o.put("baseFeePerGas", quantity(baseFeePerGas));
    o.put("blockHash", blockHash.toString());
    o.set("transactions", EngineJson.hexArray(transactions));
    withdrawals.ifPresent(ws -> o.set("withdrawals", EngineJson.withdrawalsJson(ws)));
    blobGasUsed.ifPresent(v -> o.put("blobGasUsed", quantity(v)));
    excessBlobGas.ifPresent(v -> o.put("excessBlobGas", quantity(v)));
    return o;
  }

  /**
   * The payload of a post-merge block (blockHash = the block's hash). Fails for a block the payload structures cannot
   * carry: a pre-London header (no base fee), a Prague header (requestsHash needs V4), or a header whose
   * parentBeaconBlockRoot is present without the blob fields being in V3 shape.
   */
  public static ExecutionPayload fromBlock(Block block) {
    BlockHeader h = block.header();
    if (h.baseFeePerGas().isEmpty()) {
      throw new IllegalArgumentException("a pre-London block has no execution payload form");
    }
    if (h.requestsHash().isPresent()) {
      throw new IllegalArgumentException("a Prague block (requestsHash) needs ExecutionPayloadV4, not supported");
    }
    return new ExecutionPayload(h.parentHash(), h.coinbase(), h.stateRoot(), h.receiptsRoot(), h.logsBloom(),
        h.mixHash(), h.number(), h.gasLimit(), h.gasUsed(), h.timestamp(), h.extraData(), h.baseFeePerGas().get(),
        block.hash(), block.transactions(), block.withdrawals(), h.blobGasUsed(), h.excessBlobGas());
  }

  /**
   * The block this payload describes, with the header built as EIP-3675 and EIP-4399 say (empty ommers, zero
   * difficulty and nonce, prevRandao as mixHash) plus the transactions and withdrawals roots computed from the lists.
   * The block's hash is {@code keccak(rlp(header))}; comparing it with {@link #blockHash} is the caller's job.
   *
   * @param parentBeaconBlockRoot required exactly for a V3 payload (newPayloadV3's third parameter)
   * @throws DecodeException when a transaction is empty or starts like an RLP string (neither legacy nor typed), or
   *     the beacon root's presence does not match the version
   */
  public Block toBlock(Optional<Hash> parentBeaconBlockRoot) throws DecodeException {
    if (parentBeaconBlockRoot.isPresent() != (version() == 3)) {
      throw new DecodeException("parentBeaconBlockRoot must be given exactly for a V3 payload (payload is V"
          + version() + ")");
    }
    for (int i = 0; i < transactions.size(); i++) {
      Bytes tx = transactions.get(i);
      if (tx.isEmpty()) {
        throw new DecodeException("transaction " + i + " is empty");
      }
      int first = tx.get(0) & 0xff;
      if (first >= 0x80 && first < 0xc0) {
        throw new DecodeException("transaction " + i + " starts with 0x" + Integer.toHexString(first)
            + ": neither a legacy RLP list nor a typed envelope");
      }
    }
    BlockHeader header = new BlockHeader(parentHash, BlockHeader.EMPTY_OMMERS_HASH, feeRecipient, stateRoot,
        BlockRoots.transactionsRoot(transactions), receiptsRoot, logsBloom, BigInteger.ZERO, blockNumber, gasLimit,
        gasUsed, timestamp, extraData, prevRandao, 0L, Optional.of(baseFeePerGas),
        withdrawals.map(BlockRoots::withdrawalsRoot), blobGasUsed, excessBlobGas, parentBeaconBlockRoot,
        Optional.empty());
    return new Block(header, transactions, withdrawals);
  }
}
