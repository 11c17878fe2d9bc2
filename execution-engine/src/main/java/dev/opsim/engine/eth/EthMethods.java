package dev.opsim.engine.eth;

import static dev.opsim.engine.eth.Quantities.data;
import static dev.opsim.engine.eth.Quantities.hash;
import static dev.opsim.engine.eth.Quantities.quantity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.chain.Receipt;
import dev.opsim.engine.rpc.RpcException;
import dev.opsim.engine.rpc.RpcMethod;
import dev.opsim.engine.rpc.RpcMethods;
import dev.opsim.engine.rpc.RpcParams;
import dev.opsim.engine.store.TxLocation;
import dev.opsim.engine.trie.AccountState;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import dev.opsim.protocol.Log;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The web3_*, net_* and eth_* JSON-RPC methods (issue 4 "eth JSON-RPC") over an {@link EthBackend}, answering as
 * geth / op-geth do: the same JSON views, JSON null for unknown blocks and transactions, "header not found"
 * (-32000) for state reads at an unknown block, code 3 with the revert data for reverted calls, -32602 for
 * malformed parameters, -32005 when eth_getLogs asks for too much.
 *
 * <p>Use: {@code new EthMethods(backend, EthConfig.DEFAULTS).register(builder)} or {@link #methods()}.
 */
public final class EthMethods {
  /** EIP-1474 "limit exceeded". */
  public static final int LIMIT_EXCEEDED = -32005;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int SENDER_CACHE_SIZE = 16_384;

  private final EthBackend backend;
  private final EthConfig config;
  private final ChainReader chain;
  private final EthViews views;
  private final GasPriceOracle oracle;

  public EthMethods(EthBackend backend, EthConfig config) {
    this.backend = backend;
    this.config = config;
    this.chain = new ChainReader(backend);
    SenderCache senders = new SenderCache(backend.chainId(), SENDER_CACHE_SIZE);
    this.views = new EthViews(backend.chainId(), backend.optimism(), senders);
    this.oracle = new GasPriceOracle(chain, config, senders, backend.optimism());
  }

  /** A registry of just these methods. */
  public RpcMethods methods() {
    RpcMethods.Builder builder = RpcMethods.builder();
    register(builder);
    return builder.build();
  }

  /** Adds every method to {@code builder}. */
  public void register(RpcMethods.Builder builder) {
    add(builder, "web3_clientVersion", p -> {
      RpcParams.positional(p, 0, 0);
      return TextNode.valueOf(backend.clientVersion());
    });
    add(builder, "net_version", p -> {
      RpcParams.positional(p, 0, 0);
      return TextNode.valueOf(Long.toUnsignedString(backend.chainId()));
    });
    add(builder, "eth_chainId", p -> {
      RpcParams.positional(p, 0, 0);
      return quantity(backend.chainId());
    });
    add(builder, "eth_blockNumber", p -> {
      RpcParams.positional(p, 0, 0);
      return quantity(chain.head().header().number());
    });
    add(builder, "eth_syncing", p -> {
      RpcParams.positional(p, 0, 0);
      return BooleanNode.FALSE;
    });
    add(builder, "eth_accounts", p -> {
      RpcParams.positional(p, 0, 0);
      return JSON.arrayNode();
    });
    add(builder, "eth_getBlockByNumber", p -> {
      ArrayNode a = RpcParams.positional(p, 2, 2);
      return blockView(EthParams.blockNumber(a.get(0), "0"), EthParams.bool(a.get(1), "1"));
    });
    add(builder, "eth_getBlockByHash", p -> {
      ArrayNode a = RpcParams.positional(p, 2, 2);
      return blockView(new BlockRef.ByHash(EthParams.hash(a.get(0), "0"), false), EthParams.bool(a.get(1), "1"));
    });
    add(builder, "eth_getBlockTransactionCountByNumber", p -> {
      ArrayNode a = RpcParams.positional(p, 1, 1);
      return transactionCount(EthParams.blockNumber(a.get(0), "0"));
    });
    add(builder, "eth_getBlockTransactionCountByHash", p -> {
      ArrayNode a = RpcParams.positional(p, 1, 1);
      return transactionCount(new BlockRef.ByHash(EthParams.hash(a.get(0), "0"), false));
    });
    add(builder, "eth_getBalance", p -> {
      ArrayNode a = RpcParams.positional(p, 2, 2);
      Address address = EthParams.address(a.get(0), "0");
      BlockHeader at = stateHeader(EthParams.blockNumberOrHash(a.get(1), "1"));
      return quantity(backend.account(at, address).map(AccountState::balance).orElse(BigInteger.ZERO));
    });
    add(builder, "eth_getCode", p -> {
      ArrayNode a = RpcParams.positional(p, 2, 2);
      Address address = EthParams.address(a.get(0), "0");
      return data(backend.code(stateHeader(EthParams.blockNumberOrHash(a.get(1), "1")), address));
    });
    add(builder, "eth_getStorageAt", p -> {
      ArrayNode a = RpcParams.positional(p, 3, 3);
      Address address = EthParams.address(a.get(0), "0");
      Bytes32 slot = EthParams.storageKey(a.get(1), "1");
      return data(backend.storage(stateHeader(EthParams.blockNumberOrHash(a.get(2), "2")), address, slot));
    });
    add(builder, "eth_getTransactionCount", p -> {
      ArrayNode a = RpcParams.positional(p, 2, 2);
      Address address = EthParams.address(a.get(0), "0");
      BlockRef ref = EthParams.blockNumberOrHash(a.get(1), "1");
      if (ref instanceof BlockRef.Tagged t && t.tag() == BlockTag.PENDING) {
        return quantity(backend.poolNonce(address));
      }
      return quantity(backend.account(stateHeader(ref), address).map(AccountState::nonce).orElse(0L));
    });
    add(builder, "eth_sendRawTransaction", p -> {
      ArrayNode a = RpcParams.positional(p, 1, 1);
      Bytes raw = EthParams.bytes(a.get(0), "0");
      try {
        return hash(backend.sendRawTransaction(raw));
      } catch (TransactionRejectedException e) {
        throw RpcException.serverError(e.getMessage());
      }
    });
    add(builder, "eth_call", this::call);
    add(builder, "eth_estimateGas", this::estimateGas);
    add(builder, "eth_gasPrice", p -> {
      RpcParams.positional(p, 0, 0);
      BigInteger tip = oracle.suggestTip();
      return quantity(tip.add(chain.head().header().baseFeePerGas().orElse(BigInteger.ZERO)));
    });
    add(builder, "eth_maxPriorityFeePerGas", p -> {
      RpcParams.positional(p, 0, 0);
      return quantity(oracle.suggestTip());
    });
    add(builder, "eth_feeHistory", p -> {
      ArrayNode a = RpcParams.positional(p, 2, 3);
      long blocks = EthParams.hexOrDecimal64(a.get(0), "0");
      BlockRef newest = EthParams.blockNumber(a.get(1), "1");
      double[] percentiles = percentiles(a.get(2));
      return FeeHistory.compute(chain, blocks, newest, percentiles, config.maxFeeHistoryBlocks());
    });
    add(builder, "eth_getTransactionByHash", p -> {
      ArrayNode a = RpcParams.positional(p, 1, 1);
      return transactionByHash(EthParams.hash(a.get(0), "0"));
    });
    add(builder, "eth_getTransactionByBlockNumberAndIndex", p -> {
      ArrayNode a = RpcParams.positional(p, 2, 2);
      return transactionByIndex(EthParams.blockNumber(a.get(0), "0"), EthParams.uint64(a.get(1), "1"));
    });
    add(builder, "eth_getTransactionByBlockHashAndIndex", p -> {
      ArrayNode a = RpcParams.positional(p, 2, 2);
      return transactionByIndex(new BlockRef.ByHash(EthParams.hash(a.get(0), "0"), false),
          EthParams.uint64(a.get(1), "1"));
    });
    add(builder, "eth_getTransactionReceipt", p -> {
      ArrayNode a = RpcParams.positional(p, 1, 1);
      return receiptByHash(EthParams.hash(a.get(0), "0"));
    });
    add(builder, "eth_getBlockReceipts", p -> {
      ArrayNode a = RpcParams.positional(p, 1, 1);
      return blockReceipts(EthParams.blockNumberOrHash(a.get(0), "0"));
    });
    add(builder, "eth_getLogs", p -> {
      ArrayNode a = RpcParams.positional(p, 1, 1);
      return logs(a.get(0));
    });
    add(builder, "eth_getProof", this::proof);
  }

  private static void add(RpcMethods.Builder builder, String name, RpcMethod method) {
    builder.add(name, params -> {
      try {
        return method.call(params);
      } catch (StateUnavailableException e) {
        throw RpcException.serverError(e.getMessage());
      }
    });
  }

  // ---- blocks ----

  /** A block by tag, number or hash, or JSON null; an unset safe/finalized tag is geth's error. */
  private Optional<ChainReader.Located> locate(BlockRef ref) throws RpcException {
    Optional<ChainReader.Located> found = chain.find(ref);
    if (found.isEmpty() && ref instanceof BlockRef.Tagged t
        && (t.tag() == BlockTag.SAFE || t.tag() == BlockTag.FINALIZED)) {
      throw RpcException.serverError(t.tag().json() + " block not found");
    }
    return found;
  }

  /** The header whose state a read uses; an unknown block is geth's "header not found". */
  private BlockHeader stateHeader(BlockRef ref) throws RpcException {
    return locate(ref).orElseThrow(() -> RpcException.serverError("header not found")).header();
  }

  private JsonNode blockView(BlockRef ref, boolean full) throws RpcException {
    Optional<ChainReader.Located> located = locate(ref);
    if (located.isEmpty()) {
      return null;
    }
    Optional<Block> block = chain.block(located.get().hash());
    if (block.isEmpty()) {
      return null;
    }
    List<BlockTransaction> txs = ChainReader.transactions(block.get());
    List<Receipt> receipts = null;
    if (full && txs.stream().anyMatch(tx -> tx instanceof BlockTransaction.Deposit)) {
      receipts = backend.receipts(located.get().hash()).orElse(null);
    }
    return views.block(block.get(), txs, full, receipts);
  }

  private JsonNode transactionCount(BlockRef ref) throws RpcException {
    Optional<ChainReader.Located> located = locate(ref);
    if (located.isEmpty()) {
      return null;
    }
    return chain.block(located.get().hash())
        .<JsonNode>map(b -> quantity(b.transactions().size()))
        .orElse(null);
  }

  // ---- transactions and receipts ----

  private JsonNode transactionByHash(Hash txHash) {
    Optional<TxLocation> location = backend.txLocation(txHash);
    if (location.isPresent()) {
      JsonNode view = minedTransaction(location.get().blockHash(), location.get().index());
      if (view != null) {
        return view;
      }
    }
    return backend.poolTransaction(txHash)
        .<JsonNode>map(raw -> views.transaction(ChainReader.decodeStored(raw), Optional.empty(), Optional.empty()))
        .orElse(null);
  }

  private JsonNode transactionByIndex(BlockRef ref, long index) throws RpcException {
    Optional<ChainReader.Located> located = locate(ref);
    if (located.isEmpty() || index < 0 || index > Integer.MAX_VALUE) {
      return null;
    }
    return minedTransaction(located.get().hash(), (int) index);
  }

  private JsonNode minedTransaction(Hash blockHash, int index) {
    Optional<Block> block = chain.block(blockHash);
    if (block.isEmpty() || index >= block.get().transactions().size()) {
      return null;
    }
    BlockTransaction tx = ChainReader.decodeStored(block.get().transactions().get(index));
    Optional<Receipt> receipt = Optional.empty();
    if (tx instanceof BlockTransaction.Deposit) {
      receipt = backend.receipts(blockHash).filter(rs -> index < rs.size()).map(rs -> rs.get(index));
    }
    return views.transaction(tx, Optional.of(EthViews.TxContext.of(block.get().header(), blockHash, index)),
        receipt);
  }

  private JsonNode receiptByHash(Hash txHash) {
    Optional<TxLocation> location = backend.txLocation(txHash);
    if (location.isEmpty()) {
      return null;
    }
    Hash blockHash = location.get().blockHash();
    Optional<Block> block = chain.block(blockHash);
    Optional<List<Receipt>> receipts = backend.receipts(blockHash);
    int index = location.get().index();
    if (block.isEmpty() || receipts.isEmpty() || index >= receipts.get().size()
        || index >= block.get().transactions().size()) {
      return null;
    }
    List<Receipt> rs = receipts.get();
    long previous = index == 0 ? 0 : rs.get(index - 1).cumulativeGasUsed();
    int firstLog = 0;
    for (int i = 0; i < index; i++) {
      firstLog += rs.get(i).logs().size();
    }
    BlockTransaction tx = ChainReader.decodeStored(block.get().transactions().get(index));
    return views.receipt(tx, rs.get(index), block.get().header(), blockHash, index, previous, firstLog,
        l1Fee(tx, blockHash, index));
  }

  private Optional<L1FeeFields> l1Fee(BlockTransaction tx, Hash blockHash, int index) {
    if (!backend.optimism() || tx instanceof BlockTransaction.Deposit) {
      return Optional.empty();
    }
    return backend.l1Fee(blockHash, index);
  }

  private JsonNode blockReceipts(BlockRef ref) throws RpcException {
    Optional<ChainReader.Located> located = chain.find(ref);
    if (located.isEmpty()) {
      return null;
    }
    Hash blockHash = located.get().hash();
    Optional<Block> block = chain.block(blockHash);
    Optional<List<Receipt>> receipts = backend.receipts(blockHash);
    if (block.isEmpty() || receipts.isEmpty()) {
      return null;
    }
    List<BlockTransaction> txs = ChainReader.transactions(block.get());
    List<Receipt> rs = receipts.get();
    if (rs.size() != txs.size()) {
      throw new StateUnavailableException("receipts length mismatch: " + txs.size() + " vs " + rs.size());
    }
    ArrayNode out = JSON.arrayNode();
    long previous = 0;
    int firstLog = 0;
    for (int i = 0; i < rs.size(); i++) {
      out.add(views.receipt(txs.get(i), rs.get(i), block.get().header(), blockHash, i, previous, firstLog,
          l1Fee(txs.get(i), blockHash, i)));
      previous = rs.get(i).cumulativeGasUsed();
      firstLog += rs.get(i).logs().size();
    }
    return out;
  }

  // ---- calls ----

  private JsonNode call(JsonNode params) throws RpcException {
    ArrayNode a = RpcParams.positional(params, 1, 4);
    EthParams.CallArgs args = EthParams.callArgs(a.get(0), "0");
    BlockRef ref = EthParams.optionalBlock(a, 1);
    Map<Address, AccountOverride> overrides = EthParams.stateOverrides(a.get(2), "2");
    JsonNode blockOverrides = a.get(3);
    if (blockOverrides != null && !blockOverrides.isNull()) {
      throw EthParams.invalid("3", "block overrides are not supported");
    }
    checkChainId(args);
    BlockHeader at = stateHeader(ref);
    // geth CallDefaults: no gas means the RPC gas cap, and more than the cap is cut to it.
    long gas = args.gas().isPresent() && Long.compareUnsigned(args.gas().getAsLong(), config.rpcGasCap()) <= 0
        ? args.gas().getAsLong() : config.rpcGasCap();
    CallResult result;
    try {
      result = backend.call(args.request().withGas(gas), at, overrides);
    } catch (InvalidCallException e) {
      throw RpcException.serverError("err: " + e.getMessage() + " (supplied gas " + Long.toUnsignedString(gas) + ")");
    }
    return switch (result.outcome()) {
      case SUCCESS -> data(result.output());
      case REVERTED -> throw revertError(result.output());
      case FAILED -> throw RpcException.serverError(result.error());
    };
  }

  private JsonNode estimateGas(JsonNode params) throws RpcException {
    ArrayNode a = RpcParams.positional(params, 1, 3);
    EthParams.CallArgs args = EthParams.callArgs(a.get(0), "0");
    BlockRef ref = EthParams.optionalBlock(a, 1);
    Map<Address, AccountOverride> overrides = EthParams.stateOverrides(a.get(2), "2");
    checkChainId(args);
    BlockHeader at = stateHeader(ref);
    CallRequest request = args.request();
    AccountOverride fromOverride = overrides.get(request.from());
    BigInteger balance = fromOverride != null && fromOverride.balance().isPresent() ? fromOverride.balance().get()
        : backend.account(at, request.from()).map(AccountState::balance).orElse(BigInteger.ZERO);
    boolean plainTransfer = false;
    if (request.data().isEmpty() && request.to().isPresent()) {
      AccountOverride toOverride = overrides.get(request.to().get());
      Bytes code = toOverride != null && toOverride.code().isPresent() ? toOverride.code().get()
          : backend.code(at, request.to().get());
      plainTransfer = code.isEmpty();
    }
    GasEstimator.Bounds bounds = new GasEstimator.Bounds(args.gas().orElse(0), at.gasLimit(), config.rpcGasCap(),
        request.feeCap(), request.value(), balance, plainTransfer);
    long estimate = GasEstimator.estimate(bounds, gas -> backend.call(request.withGas(gas), at, overrides),
        config.estimateGasErrorRatio());
    return quantity(estimate);
  }

  private void checkChainId(EthParams.CallArgs args) throws RpcException {
    if (args.chainId().isPresent() && !args.chainId().get().equals(BigInteger.valueOf(backend.chainId()))) {
      throw RpcException.serverError("chainId does not match node's (have=" + args.chainId().get() + ", want="
          + Long.toUnsignedString(backend.chainId()) + ")");
    }
  }

  /** geth's revertError: code 3, "execution reverted[: reason]", data = the revert data as 0x-hex. */
  static RpcException revertError(Bytes revertData) {
    return RpcException.reverted(RevertReason.of(revertData).orElse(null), revertData.toHexString());
  }

  private static double[] percentiles(JsonNode node) throws RpcException {
    if (node == null || node.isNull()) {
      return new double[0];
    }
    if (!node.isArray()) {
      throw EthParams.invalid("2", "expected an array of reward percentiles");
    }
    double[] out = new double[node.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode p = node.get(i);
      if (!p.isNumber()) {
        throw EthParams.invalid("2", "reward percentile " + i + " is not a number");
      }
      out[i] = p.doubleValue();
    }
    return out;
  }

  // ---- logs ----

  private JsonNode logs(JsonNode filterNode) throws RpcException {
    if (filterNode == null || !filterNode.isObject()) {
      throw EthParams.invalid("0", "expected a filter object");
    }
    LogFilter filter = new LogFilter(filterAddresses(EthParams.field(filterNode, "address")),
        filterTopics(EthParams.field(filterNode, "topics")));
    JsonNode blockHashNode = EthParams.field(filterNode, "blockHash");
    JsonNode fromNode = EthParams.field(filterNode, "fromBlock");
    JsonNode toNode = EthParams.field(filterNode, "toBlock");
    ArrayNode out = JSON.arrayNode();
    if (blockHashNode != null) {
      if (fromNode != null || toNode != null) {
        throw RpcException.invalidParams("cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other");
      }
      Hash blockHash = EthParams.hash(blockHashNode, "0.blockHash");
      ChainReader.Located located = chain.find(new BlockRef.ByHash(blockHash, false))
          .orElseThrow(() -> RpcException.serverError("unknown block"));
      collectLogs(located, filter, out);
      return out;
    }
    long head = chain.head().header().number();
    long from = rangeEnd(fromNode, head, "0.fromBlock");
    long to = rangeEnd(toNode, head, "0.toBlock");
    if (Long.compareUnsigned(from, to) > 0) {
      throw RpcException.serverError("invalid block range params");
    }
    if (Long.compareUnsigned(to, head) > 0) {
      to = head;
    }
    if (Long.compareUnsigned(from, to) > 0) {
      return out;
    }
    if (Long.compareUnsigned(to - from, config.maxLogBlockRange() - 1) > 0) {
      throw new RpcException(LIMIT_EXCEEDED, "query exceeds max block range " + config.maxLogBlockRange());
    }
    for (long number = from; Long.compareUnsigned(number, to) <= 0; number++) {
      Optional<ChainReader.Located> located = chain.find(new BlockRef.Numbered(number));
      if (located.isEmpty()) {
        break;
      }
      collectLogs(located.get(), filter, out);
      if (number == -1L) {
        break;
      }
    }
    return out;
  }

  private long rangeEnd(JsonNode node, long head, String what) throws RpcException {
    if (node == null) {
      return head;
    }
    BlockRef ref = EthParams.blockNumber(node, what);
    return switch (ref) {
      case BlockRef.Numbered n -> n.number();
      case BlockRef.Tagged t -> switch (t.tag()) {
        case LATEST, PENDING -> head;
        case EARLIEST -> 0;
        case SAFE, FINALIZED -> locate(ref).orElseThrow().header().number();
      };
      case BlockRef.ByHash h -> throw EthParams.invalid(what, "a block hash is not a range end");
    };
  }

  private void collectLogs(ChainReader.Located located, LogFilter filter, ArrayNode out) throws RpcException {
    if (!filter.mayMatch(located.header().logsBloom())) {
      return;
    }
    Hash blockHash = located.hash();
    Block block = chain.block(blockHash).orElseThrow(
        () -> new StateUnavailableException("block " + blockHash + " is missing"));
    List<Receipt> receipts = chain.receipts(blockHash);
    int logIndex = 0;
    for (int i = 0; i < receipts.size(); i++) {
      List<Log> logs = receipts.get(i).logs();
      Hash txHash = null;
      for (Log log : logs) {
        if (filter.matches(log)) {
          if (txHash == null) {
            txHash = Keccak.hash(block.transactions().get(i));
          }
          if (out.size() >= config.maxLogResults()) {
            throw new RpcException(LIMIT_EXCEEDED, "query returned more than " + config.maxLogResults() + " results");
          }
          out.add(EthViews.log(log, located.header().number(), blockHash, txHash, i, logIndex));
        }
        logIndex++;
      }
    }
  }

  private static Set<Address> filterAddresses(JsonNode node) throws RpcException {
    Set<Address> addresses = new HashSet<>();
    if (node == null) {
      return addresses;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        addresses.add(EthParams.address(node.get(i), "0.address[" + i + "]"));
      }
    } else {
      addresses.add(EthParams.address(node, "0.address"));
    }
    return addresses;
  }

  private static List<Set<Hash>> filterTopics(JsonNode node) throws RpcException {
    List<Set<Hash>> topics = new ArrayList<>();
    if (node == null) {
      return topics;
    }
    if (!node.isArray()) {
      throw EthParams.invalid("0.topics", "expected an array");
    }
    if (node.size() > LogFilter.MAX_TOPICS) {
      throw RpcException.invalidParams("exceed max topics");
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode position = node.get(i);
      Set<Hash> wanted = new HashSet<>();
      if (position.isArray()) {
        boolean wildcard = false;
        for (int k = 0; k < position.size(); k++) {
          if (position.get(k).isNull()) {
            wildcard = true;
          } else {
            wanted.add(EthParams.hash(position.get(k), "0.topics[" + i + "][" + k + "]"));
          }
        }
        if (wildcard) {
          wanted.clear();
        }
      } else if (!position.isNull()) {
        wanted.add(EthParams.hash(position, "0.topics[" + i + "]"));
      }
      topics.add(wanted);
    }
    return topics;
  }

  // ---- proofs ----

  private JsonNode proof(JsonNode params) throws RpcException {
    ArrayNode a = RpcParams.positional(params, 3, 3);
    Address address = EthParams.address(a.get(0), "0");
    JsonNode keysNode = a.get(1);
    if (!keysNode.isArray()) {
      throw EthParams.invalid("1", "expected an array of storage keys");
    }
    List<Bytes32> keys = new ArrayList<>();
    List<Boolean> fullWidth = new ArrayList<>();
    for (int i = 0; i < keysNode.size(); i++) {
      keys.add(EthParams.storageKey(keysNode.get(i), "1[" + i + "]"));
      String text = keysNode.get(i).textValue();
      String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
      fullWidth.add((digits.length() + 1) / 2 == 32);
    }
    BlockHeader at = stateHeader(EthParams.blockNumberOrHash(a.get(2), "2"));
    AccountProof proof = backend.proof(at, address, keys);
    ObjectNode o = JSON.objectNode();
    o.set("address", Quantities.address(address));
    o.set("accountProof", nodes(proof.accountProof()));
    o.set("balance", quantity(proof.balance()));
    o.set("codeHash", hash(proof.codeHash()));
    o.set("nonce", quantity(proof.nonce()));
    o.set("storageHash", hash(proof.storageHash()));
    ArrayNode storage = o.putArray("storageProof");
    for (int i = 0; i < proof.storageProof().size(); i++) {
      AccountProof.StorageProof sp = proof.storageProof().get(i);
      ObjectNode item = storage.addObject();
      // geth GetProof: a 32-byte key comes back as given, a shorter one as a quantity.
      boolean full = i < fullWidth.size() && fullWidth.get(i);
      item.set("key", full ? data(sp.key()) : quantity(sp.key().toUnsignedBigInteger()));
      item.set("value", quantity(sp.value()));
      item.set("proof", nodes(sp.proof()));
    }
    return o;
  }

  private static ArrayNode nodes(List<Bytes> proofNodes) {
    ArrayNode list = JSON.arrayNode();
    proofNodes.forEach(n -> list.add(data(n)));
    return list;
  }
}
