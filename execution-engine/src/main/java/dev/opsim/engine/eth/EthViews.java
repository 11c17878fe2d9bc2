package dev.opsim.engine.eth;

import static dev.opsim.engine.eth.Quantities.address;
import static dev.opsim.engine.eth.Quantities.addressOrNull;
import static dev.opsim.engine.eth.Quantities.data;
import static dev.opsim.engine.eth.Quantities.hash;
import static dev.opsim.engine.eth.Quantities.quantity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.engine.chain.BlobGas;
import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.chain.Receipt;
import dev.opsim.engine.chain.ValidatorWithdrawal;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import dev.opsim.protocol.Log;
import dev.opsim.protocol.tx.AccessListEntry;
import dev.opsim.protocol.tx.AccessListTx;
import dev.opsim.protocol.tx.BlobTx;
import dev.opsim.protocol.tx.DynamicFeeTx;
import dev.opsim.protocol.tx.LegacyTx;
import dev.opsim.protocol.tx.SetCodeAuthorization;
import dev.opsim.protocol.tx.SetCodeTx;
import dev.opsim.protocol.tx.Transaction;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;

/**
 * The JSON objects of blocks, transactions, receipts and logs exactly as op-geth prints them
 * (internal/ethapi/api.go: RPCMarshalHeader, RPCMarshalBlock, newRPCTransaction, marshalReceipt; core/types Log).
 * Addresses are lower-case as geth's common.Address marshals them.
 */
final class EthViews {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final long chainId;
  private final boolean optimism;
  private final SenderCache senders;

  EthViews(long chainId, boolean optimism, SenderCache senders) {
    this.chainId = chainId;
    this.optimism = optimism;
    this.senders = senders;
  }

  Address sender(BlockTransaction tx) {
    return senders.sender(tx);
  }

  /** Where a mined transaction is; absent for a pool transaction. */
  record TxContext(Hash blockHash, long blockNumber, long blockTime, int index, Optional<BigInteger> baseFee) {
    static TxContext of(BlockHeader header, Hash blockHash, int index) {
      return new TxContext(blockHash, header.number(), header.timestamp(), index, header.baseFeePerGas());
    }
  }

  ObjectNode header(BlockHeader h, Hash blockHash) {
    ObjectNode o = JSON.objectNode();
    o.set("number", quantity(h.number()));
    o.set("hash", hash(blockHash));
    o.set("parentHash", hash(h.parentHash()));
    o.set("nonce", data(Bytes.ofUnsignedLong(h.nonce())));
    o.set("mixHash", hash(h.mixHash()));
    o.set("sha3Uncles", hash(h.ommersHash()));
    o.set("logsBloom", data(h.logsBloom().bytes()));
    o.set("stateRoot", hash(h.stateRoot()));
    o.set("miner", address(h.coinbase()));
    o.set("difficulty", quantity(h.difficulty()));
    o.set("extraData", data(h.extraData()));
    o.set("gasLimit", quantity(h.gasLimit()));
    o.set("gasUsed", quantity(h.gasUsed()));
    o.set("timestamp", quantity(h.timestamp()));
    o.set("transactionsRoot", hash(h.transactionsRoot()));
    o.set("receiptsRoot", hash(h.receiptsRoot()));
    h.baseFeePerGas().ifPresent(fee -> o.set("baseFeePerGas", quantity(fee)));
    h.withdrawalsRoot().ifPresent(root -> o.set("withdrawalsRoot", hash(root)));
    h.blobGasUsed().ifPresent(used -> o.set("blobGasUsed", quantity(used)));
    h.excessBlobGas().ifPresent(excess -> o.set("excessBlobGas", quantity(excess)));
    h.parentBeaconBlockRoot().ifPresent(root -> o.set("parentBeaconBlockRoot", hash(root)));
    h.requestsHash().ifPresent(root -> o.set("requestsHash", hash(root)));
    return o;
  }

  /**
   * A block with its transactions as hashes or, when {@code full}, as objects; {@code receipts} (may be null when
   * not {@code full}) give deposits their nonce as op-geth shows it.
   */
  ObjectNode block(Block block, List<BlockTransaction> txs, boolean full, List<Receipt> receipts) {
    Hash blockHash = block.hash();
    ObjectNode o = header(block.header(), blockHash);
    o.set("size", quantity(block.encode().size()));
    ArrayNode transactions = o.putArray("transactions");
    for (int i = 0; i < txs.size(); i++) {
      BlockTransaction tx = txs.get(i);
      if (full) {
        Optional<Receipt> receipt = receipts != null && i < receipts.size()
            ? Optional.of(receipts.get(i)) : Optional.empty();
        transactions.add(transaction(tx, Optional.of(TxContext.of(block.header(), blockHash, i)), receipt));
      } else {
        transactions.add(hash(tx.hash()));
      }
    }
    o.putArray("uncles");
    block.withdrawals().ifPresent(ws -> {
      ArrayNode list = o.putArray("withdrawals");
      for (ValidatorWithdrawal w : ws) {
        ObjectNode item = list.addObject();
        item.set("index", quantity(w.index()));
        item.set("validatorIndex", quantity(w.validatorIndex()));
        item.set("address", address(w.address()));
        item.set("amount", quantity(w.amountGwei()));
      }
    });
    return o;
  }

  /**
   * A transaction; {@code receipt} matters only for deposits (op-geth shows the receipt's depositNonce as
   * {@code nonce} and its depositReceiptVersion).
   */
  ObjectNode transaction(BlockTransaction tx, Optional<TxContext> context, Optional<Receipt> receipt) {
    ObjectNode o = JSON.objectNode();
    o.set("blockHash", context.<JsonNode>map(c -> hash(c.blockHash()))
        .orElse(NullNode.getInstance()));
    o.set("blockNumber", context.<JsonNode>map(c -> quantity(c.blockNumber()))
        .orElse(NullNode.getInstance()));
    o.set("from", address(sender(tx)));
    o.set("gas", quantity(tx.gas()));
    o.set("gasPrice", quantity(BlockTransaction.feeCap(tx)));
    o.set("hash", hash(tx.hash()));
    o.set("input", data(tx.data()));
    o.set("to", addressOrNull(tx.to().orElse(null)));
    o.set("transactionIndex", context.<JsonNode>map(c -> quantity(c.index()))
        .orElse(NullNode.getInstance()));
    o.set("value", quantity(tx.value()));
    o.set("type", quantity(tx.type()));
    switch (tx) {
      case BlockTransaction.Deposit d -> {
        long nonce = receipt.flatMap(r -> r.depositNonce().isPresent()
            ? Optional.of(r.depositNonce().getAsLong()) : Optional.<Long>empty()).orElse(0L);
        o.set("nonce", quantity(nonce));
        o.set("v", quantity(0));
        o.set("r", quantity(0));
        o.set("s", quantity(0));
        o.set("sourceHash", hash(d.tx().sourceHash()));
        o.set("mint", quantity(d.tx().mint()));
        if (d.tx().isSystemTx()) {
          o.put("isSystemTx", true);
        }
        receipt.ifPresent(r -> {
          if (r.depositNonce().isPresent() && r.depositReceiptVersion().isPresent()) {
            o.set("depositReceiptVersion", quantity(r.depositReceiptVersion().getAsLong()));
          }
        });
      }
      case BlockTransaction.Signed s -> signedFields(o, s.tx(), context);
    }
    return o;
  }

  private void signedFields(ObjectNode o, Transaction tx, Optional<TxContext> context) {
    o.set("nonce", quantity(tx.nonce()));
    o.set("v", quantity(tx.v()));
    o.set("r", quantity(tx.r()));
    o.set("s", quantity(tx.s()));
    switch (tx) {
      case LegacyTx t -> t.chainId().ifPresent(id -> o.set("chainId", quantity(id)));
      case AccessListTx t -> {
        o.set("accessList", accessList(t.accessList()));
        o.set("chainId", quantity(t.chainId()));
        o.set("yParity", quantity(t.v().signum()));
      }
      case DynamicFeeTx t -> {
        dynamicFee(o, t.accessList(), t.chainId(), t.v(), t.maxFeePerGas(), t.maxPriorityFeePerGas(), context);
      }
      case BlobTx t -> {
        dynamicFee(o, t.accessList(), t.chainId(), t.v(), t.maxFeePerGas(), t.maxPriorityFeePerGas(), context);
        o.set("maxFeePerBlobGas", quantity(t.maxFeePerBlobGas()));
        ArrayNode hashes = o.putArray("blobVersionedHashes");
        t.blobVersionedHashes().forEach(h -> hashes.add(hash(h)));
      }
      case SetCodeTx t -> {
        dynamicFee(o, t.accessList(), t.chainId(), t.v(), t.maxFeePerGas(), t.maxPriorityFeePerGas(), context);
        ArrayNode auths = o.putArray("authorizationList");
        for (SetCodeAuthorization a : t.authorizationList()) {
          ObjectNode item = auths.addObject();
          item.set("chainId", quantity(a.chainId()));
          item.set("address", address(a.address()));
          item.set("nonce", quantity(a.nonce()));
          item.set("yParity", quantity(a.yParity()));
          item.set("r", quantity(a.r()));
          item.set("s", quantity(a.s()));
        }
      }
    }
  }

  private void dynamicFee(ObjectNode o, List<AccessListEntry> accessList, BigInteger txChainId, BigInteger v,
      BigInteger maxFee, BigInteger maxPriorityFee, Optional<TxContext> context) {
    o.set("accessList", accessList(accessList));
    o.set("chainId", quantity(txChainId));
    o.set("yParity", quantity(v.signum()));
    o.set("maxFeePerGas", quantity(maxFee));
    o.set("maxPriorityFeePerGas", quantity(maxPriorityFee));
    // newRPCTransaction: a mined tx shows what it paid, a pending one its fee cap.
    context.flatMap(TxContext::baseFee).ifPresent(baseFee ->
        o.set("gasPrice", quantity(maxPriorityFee.add(baseFee).min(maxFee))));
  }

  static ArrayNode accessList(List<AccessListEntry> entries) {
    ArrayNode list = JSON.arrayNode();
    for (AccessListEntry entry : entries) {
      ObjectNode item = list.addObject();
      item.set("address", address(entry.address()));
      ArrayNode keys = item.putArray("storageKeys");
      entry.storageKeys().forEach(k -> keys.add(hash(k)));
    }
    return list;
  }

  /**
   * A receipt as op-geth's marshalReceipt prints it.
   *
   * @param previousCumulativeGas the cumulative gas of the receipt before (0 for the first)
   * @param firstLogIndex the block-wide index of this receipt's first log
   * @param l1Fee the L1 fee fields (OP non-deposit transactions; empty prints op-geth's nulls)
   */
  ObjectNode receipt(BlockTransaction tx, Receipt receipt, BlockHeader header, Hash blockHash, int index,
      long previousCumulativeGas, int firstLogIndex, Optional<L1FeeFields> l1Fee) {
    ObjectNode o = JSON.objectNode();
    Address from = sender(tx);
    o.set("blockHash", hash(blockHash));
    o.set("blockNumber", quantity(header.number()));
    o.set("transactionHash", hash(tx.hash()));
    o.set("transactionIndex", quantity(index));
    o.set("from", address(from));
    o.set("to", addressOrNull(tx.to().orElse(null)));
    o.set("gasUsed", quantity(receipt.cumulativeGasUsed() - previousCumulativeGas));
    o.set("cumulativeGasUsed", quantity(receipt.cumulativeGasUsed()));
    o.set("contractAddress", NullNode.getInstance());
    o.set("logs", logs(receipt.logs(), header.number(), blockHash, tx.hash(), index, firstLogIndex));
    o.set("logsBloom", data(receipt.logsBloom().bytes()));
    o.set("type", quantity(tx.type()));
    o.set("effectiveGasPrice",
        quantity(BlockTransaction.effectiveGasPrice(tx, header.baseFeePerGas().orElse(null))));
    boolean deposit = tx instanceof BlockTransaction.Deposit;
    if (optimism && !deposit) {
      o.set("l1GasPrice", l1Fee.<JsonNode>map(f -> quantity(f.l1GasPrice()))
          .orElse(NullNode.getInstance()));
      o.set("l1GasUsed", l1Fee.<JsonNode>map(f -> quantity(f.l1GasUsed()))
          .orElse(NullNode.getInstance()));
      o.set("l1Fee", l1Fee.<JsonNode>map(f -> quantity(f.l1Fee()))
          .orElse(NullNode.getInstance()));
      l1Fee.ifPresent(f -> {
        f.l1FeeScalar().ifPresent(s -> o.put("l1FeeScalar", s));
        f.l1BlobBaseFee().ifPresent(v -> o.set("l1BlobBaseFee", quantity(v)));
        f.l1BaseFeeScalar().ifPresent(v -> o.set("l1BaseFeeScalar", quantity(v)));
        f.l1BlobBaseFeeScalar().ifPresent(v -> o.set("l1BlobBaseFeeScalar", quantity(v)));
      });
    }
    if (optimism && deposit && receipt.depositNonce().isPresent()) {
      o.set("depositNonce", quantity(receipt.depositNonce().getAsLong()));
      receipt.depositReceiptVersion().ifPresent(v -> o.set("depositReceiptVersion", quantity(v)));
    }
    o.set("status", quantity(receipt.success() ? 1 : 0));
    if (tx instanceof BlockTransaction.Signed s && s.tx() instanceof BlobTx blob) {
      o.set("blobGasUsed", quantity(BlobGas.GAS_PER_BLOB * blob.blobVersionedHashes().size()));
      o.set("blobGasPrice", quantity(BlobGas.blobBaseFee(header.excessBlobGas().orElse(0))));
    }
    if (tx.to().isEmpty()) {
      long nonce = switch (tx) {
        case BlockTransaction.Signed s -> s.tx().nonce();
        case BlockTransaction.Deposit d -> receipt.depositNonce().orElse(0);
      };
      o.set("contractAddress", address(createAddress(from, nonce)));
    }
    return o;
  }

  ArrayNode logs(List<Log> logs, long blockNumber, Hash blockHash, Hash txHash, int txIndex, int firstLogIndex) {
    ArrayNode list = JSON.arrayNode();
    for (int i = 0; i < logs.size(); i++) {
      list.add(log(logs.get(i), blockNumber, blockHash, txHash, txIndex, firstLogIndex + i));
    }
    return list;
  }

  static ObjectNode log(Log log, long blockNumber, Hash blockHash, Hash txHash, int txIndex, int logIndex) {
    ObjectNode o = JSON.objectNode();
    o.set("address", address(log.address()));
    ArrayNode topics = o.putArray("topics");
    log.topics().forEach(t -> topics.add(hash(t)));
    o.set("data", data(log.data()));
    o.set("blockNumber", quantity(blockNumber));
    o.set("transactionHash", hash(txHash));
    o.set("transactionIndex", quantity(txIndex));
    o.set("blockHash", hash(blockHash));
    o.set("logIndex", quantity(logIndex));
    o.put("removed", false);
    return o;
  }

  /** CREATE's address: {@code keccak(rlp([sender, nonce]))[12:]}. */
  static Address createAddress(Address sender, long nonce) {
    Bytes rlp = RLP.encodeList(w -> {
      w.writeValue(sender.bytes());
      w.writeValue(nonce == 0 ? Bytes.EMPTY : Bytes.ofUnsignedLong(nonce).trimLeadingZeros());
    });
    return Address.wrap(Keccak.hash(rlp).bytes().slice(12, 20));
  }

  long chainId() {
    return chainId;
  }
}
