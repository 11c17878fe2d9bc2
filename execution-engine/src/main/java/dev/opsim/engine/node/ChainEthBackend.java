package dev.opsim.engine.node;

import dev.opsim.engine.blockchain.Blockchain;
import dev.opsim.engine.blockchain.MessageCall;
import dev.opsim.engine.blockchain.UnsupportedForkException;
import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.chain.Receipt;
import dev.opsim.engine.eth.AccountOverride;
import dev.opsim.engine.eth.AccountProof;
import dev.opsim.engine.eth.BlockTag;
import dev.opsim.engine.eth.CallRequest;
import dev.opsim.engine.eth.CallResult;
import dev.opsim.engine.eth.EthBackend;
import dev.opsim.engine.eth.InvalidCallException;
import dev.opsim.engine.eth.L1FeeFields;
import dev.opsim.engine.eth.TransactionRejectedException;
import dev.opsim.engine.state.OverriddenState;
import dev.opsim.engine.state.TrieState;
import dev.opsim.engine.store.TxLocation;
import dev.opsim.engine.trie.AccountState;
import dev.opsim.engine.trie.MerklePatriciaTrie;
import dev.opsim.engine.txpool.AddResult;
import dev.opsim.engine.txpool.TxPool;
import dev.opsim.evm.Status;
import dev.opsim.evm.op.L1BlockStorage;
import dev.opsim.evm.state.AccountInfo;
import dev.opsim.evm.state.BaseState;
import dev.opsim.evm.tx.AccessListEntry;
import dev.opsim.evm.tx.Transaction;
import dev.opsim.evm.tx.TxRejection;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.deposit.DepositTx;
import dev.opsim.protocol.fee.L1Cost;
import dev.opsim.protocol.fee.L1CostFunction;
import dev.opsim.protocol.fee.L1FeeFormula;
import dev.opsim.protocol.fee.L1FeeParams;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;

/** The eth methods' view of a running engine: its chain, state, pool and message calls. */
final class ChainEthBackend implements EthBackend {
  private final Blockchain chain;
  private final TxPool pool;
  private final Runnable poolChanged;
  private final String clientVersion;

  ChainEthBackend(Blockchain chain, TxPool pool, Runnable poolChanged, String clientVersion) {
    this.chain = chain;
    this.pool = pool;
    this.poolChanged = poolChanged;
    this.clientVersion = clientVersion;
  }

  @Override
  public long chainId() {
    return chain.config().chainId().longValueExact();
  }

  @Override
  public String clientVersion() {
    return clientVersion;
  }

  @Override
  public boolean optimism() {
    return chain.config().isOptimism();
  }

  @Override
  public Optional<Hash> taggedHash(BlockTag tag) {
    return Optional.of(switch (tag) {
      case LATEST, PENDING -> chain.head().hash();
      case SAFE -> chain.safe().hash();
      case FINALIZED -> chain.finalized().hash();
      case EARLIEST -> chain.genesis().hash();
    });
  }

  @Override
  public Optional<Hash> canonicalHash(long number) {
    return chain.store().canonicalHash(number);
  }

  @Override
  public Optional<BlockHeader> header(Hash blockHash) {
    return chain.header(blockHash);
  }

  @Override
  public Optional<Block> block(Hash blockHash) {
    return chain.block(blockHash);
  }

  @Override
  public Optional<List<Receipt>> receipts(Hash blockHash) {
    return chain.receipts(blockHash);
  }

  @Override
  public Optional<TxLocation> txLocation(Hash txHash) {
    return chain.transactionLocation(txHash);
  }

  /**
   * op-geth derives the receipt's L1 fee fields from the block's L1 attributes; the same values sit in L1Block's
   * storage after the block (only the depositor writes them), which is where the charge was read from.
   */
  @Override
  public Optional<L1FeeFields> l1Fee(Hash blockHash, int index) {
    if (!optimism()) {
      return Optional.empty();
    }
    Optional<BlockHeader> header = chain.header(blockHash);
    Optional<Block> block = chain.block(blockHash);
    if (header.isEmpty() || block.isEmpty() || index >= block.get().transactions().size()) {
      return Optional.empty();
    }
    Bytes raw = block.get().transactions().get(index);
    if ((raw.get(0) & 0xff) == DepositTx.TYPE) {
      return Optional.empty();
    }
    L1FeeParams params = L1BlockStorage.read(chain.state(header.get()));
    L1FeeFormula formula = chain.rules().l1FeeFormula(header.get().timestamp());
    L1Cost cost = new L1CostFunction(formula, params).cost(raw);
    if (formula == L1FeeFormula.ECOTONE || formula == L1FeeFormula.FJORD) {
      return Optional.of(L1FeeFields.ecotone(params.l1BaseFee(), cost.l1GasUsed(), cost.fee(),
          params.blobBaseFee(), params.baseFeeScalar(), params.blobBaseFeeScalar()));
    }
    return Optional.of(new L1FeeFields(params.l1BaseFee(), cost.l1GasUsed(), cost.fee(),
        Optional.of(new BigDecimal(params.scalar()).movePointLeft(6).stripTrailingZeros().toPlainString()),
        Optional.empty(), OptionalLong.empty(), OptionalLong.empty()));
  }

  @Override
  public BigInteger nextBaseFee(BlockHeader parent) {
    return EngineNode.nextBaseFee(chain, parent);
  }

  @Override
  public Optional<AccountState> account(BlockHeader at, Address address) {
    return chain.state(at).accountState(address);
  }

  @Override
  public Bytes code(BlockHeader at, Address address) {
    return chain.state(at).codeAt(address);
  }

  @Override
  public Bytes32 storage(BlockHeader at, Address address, Bytes32 slot) {
    return chain.state(at).storage(address, UInt256.fromBytes(slot)).toBytes();
  }

  @Override
  public AccountProof proof(BlockHeader at, Address address, List<Bytes32> slots) {
    TrieState state = chain.state(at);
    Optional<AccountState> account = state.accountState(address);
    List<AccountProof.StorageProof> storage = new ArrayList<>();
    for (Bytes32 slot : slots) {
      storage.add(new AccountProof.StorageProof(slot,
          state.storage(address, UInt256.fromBytes(slot)).toUnsignedBigInteger(), state.storageProof(address, slot)));
    }
    return new AccountProof(address, state.accountProof(address),
        account.map(AccountState::balance).orElse(BigInteger.ZERO),
        account.map(AccountState::codeHash).orElse(AccountInfo.EMPTY_CODE_HASH),
        account.map(AccountState::nonce).orElse(0L),
        account.map(AccountState::storageRoot).orElse(MerklePatriciaTrie.EMPTY_ROOT), storage);
  }

  @Override
  public long poolNonce(Address address) {
    return pool.pendingNonce(address);
  }

  @Override
  public Optional<Bytes> poolTransaction(Hash txHash) {
    return pool.get(txHash).map(p -> p.tx().encode());
  }

  @Override
  public Hash sendRawTransaction(Bytes raw) throws TransactionRejectedException {
    AddResult result = pool.add(raw);
    return switch (result) {
      case AddResult.Accepted accepted -> {
        poolChanged.run();
        yield accepted.tx().hash();
      }
      case AddResult.Rejected rejected -> throw new TransactionRejectedException(rejected.fullMessage());
    };
  }

  @Override
  public CallResult call(CallRequest request, BlockHeader at, Map<Address, AccountOverride> overrides)
      throws InvalidCallException {
    BaseState state = withOverrides(chain.state(at), overrides);
    AccountInfo sender = state.account(request.from());
    long nonce = request.nonce().orElse(sender == null ? 0 : sender.nonce());
    TxResult result;
    try {
      result = MessageCall.run(chain, at, state, message(request, nonce), null);
    } catch (UnsupportedForkException e) {
      throw new InvalidCallException(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new InvalidCallException(e.getMessage());
    }
    return switch (result) {
      case TxResult.Rejected rejected -> throw new InvalidCallException(gethMessage(rejected),
          rejected.reason() == TxRejection.INTRINSIC_GAS_TOO_LOW);
      case TxResult.Executed executed when executed.success() ->
          CallResult.success(executed.output(), executed.gasUsed(), 0);
      case TxResult.Executed executed when executed.status() == Status.REVERT ->
          CallResult.reverted(executed.output(), executed.gasUsed());
      case TxResult.Executed executed -> CallResult.failed(Status.name(executed.status()), executed.gasUsed());
    };
  }

  /** The EVM's message for a call request: EIP-1559 when it names 1559 fees, else legacy or access-list. */
  static Transaction message(CallRequest request, long nonce) {
    List<AccessListEntry> accessList = request.accessList().stream()
        .map(e -> new AccessListEntry(e.address(), e.storageKeys())).toList();
    Address to = request.to().orElse(null);
    if (!request.blobVersionedHashes().isEmpty()) {
      return new Transaction(3, request.from(), nonce, request.gas(), null,
          request.maxFeePerGas().orElse(BigInteger.ZERO), request.maxPriorityFeePerGas().orElse(BigInteger.ZERO), to,
          request.value(), request.data(), accessList, request.blobVersionedHashes(),
          request.maxFeePerBlobGas().orElse(BigInteger.ZERO));
    }
    if (request.gasPrice().isEmpty()
        && (request.maxFeePerGas().isPresent() || request.maxPriorityFeePerGas().isPresent())) {
      return new Transaction(2, request.from(), nonce, request.gas(), null,
          request.maxFeePerGas().orElse(BigInteger.ZERO), request.maxPriorityFeePerGas().orElse(BigInteger.ZERO), to,
          request.value(), request.data(), accessList, List.of(), null);
    }
    return new Transaction(accessList.isEmpty() ? 0 : 1, request.from(), nonce, request.gas(),
        request.gasPrice().orElse(BigInteger.ZERO), null, null, to, request.value(), request.data(), accessList,
        List.of(), null);
  }

  private static String gethMessage(TxResult.Rejected rejected) {
    if (rejected.reason() == null) {
      return rejected.detail();
    }
    String message = switch (rejected.reason()) {
      case INSUFFICIENT_ACCOUNT_FUNDS -> "insufficient funds for gas * price + value";
      case INTRINSIC_GAS_TOO_LOW -> "intrinsic gas too low";
      case NONCE_TOO_LOW -> "nonce too low";
      case NONCE_TOO_HIGH -> "nonce too high";
      case INSUFFICIENT_MAX_FEE_PER_GAS -> "max fee per gas less than block base fee";
      case PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS -> "max priority fee per gas higher than max fee per gas";
      default -> rejected.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
    return message + ": " + rejected.detail();
  }

  static BaseState withOverrides(BaseState base, Map<Address, AccountOverride> overrides) {
    if (overrides.isEmpty()) {
      return base;
    }
    Map<Address, OverriddenState.AccountOverrides> converted = new HashMap<>();
    overrides.forEach((address, o) -> converted.put(address, new OverriddenState.AccountOverrides(o.balance(), o.nonce(),
        o.code(), o.state().map(ChainEthBackend::slots), o.stateDiff().map(ChainEthBackend::slots).orElse(Map.of()))));
    return new OverriddenState(base, converted);
  }

  private static Map<UInt256, UInt256> slots(Map<Bytes32, Bytes32> in) {
    Map<UInt256, UInt256> out = new HashMap<>();
    in.forEach((k, v) -> out.put(UInt256.fromBytes(k), UInt256.fromBytes(v)));
    return out;
  }
}
