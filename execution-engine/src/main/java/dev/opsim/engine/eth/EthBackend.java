package dev.opsim.engine.eth;

import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.chain.Receipt;
import dev.opsim.engine.store.TxLocation;
import dev.opsim.engine.trie.AccountState;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What the eth_* methods need from the chain: a port the engine implements over its store, state, pool and
 * executor. All methods are called from many threads at once; each read must be consistent on its own (a header
 * read by hash never changes), and the methods cope with the head moving between two reads.
 *
 * <p>"Not found" is always an empty Optional, never an exception: the methods turn it into JSON null as geth
 * does. State reads at a known block whose state is gone throw {@link StateUnavailableException}.
 */
public interface EthBackend {

  /** The EIP-155 chain id (eth_chainId, net_version). */
  long chainId();

  /** web3_clientVersion, e.g. {@code "opsim/v0.1.0/linux-amd64/java21"}. */
  String clientVersion();

  /**
   * Whether this is an OP chain (genesis has {@code config.optimism}): receipts then carry the L1 fee fields and
   * the gas price oracle uses op-geth's rule.
   */
  boolean optimism();

  /**
   * The hash of the block a tag names: LATEST and PENDING the head (always present), SAFE and FINALIZED the
   * fork-choice pointers (empty before the first forkchoiceUpdated sets them), EARLIEST the genesis.
   */
  Optional<Hash> taggedHash(BlockTag tag);

  /** The canonical block hash at a height (uint64), empty above the head. */
  Optional<Hash> canonicalHash(long number);

  /** Any stored header, canonical or not. */
  Optional<BlockHeader> header(Hash blockHash);

  /** Any stored block, canonical or not. */
  Optional<Block> block(Hash blockHash);

  /** The receipts of a stored block in transaction order (empty Optional if the block is unknown). */
  Optional<List<Receipt>> receipts(Hash blockHash);

  /** Where a transaction sits on the canonical chain; empty if it is in no canonical block. */
  Optional<TxLocation> txLocation(Hash txHash);

  /**
   * The L1-fee receipt fields of the non-deposit transaction at {@code index} of a stored OP block; empty on L1
   * chains, for deposits, and when the block has no L1 info (op-geth then prints the three main fields as null).
   */
  Optional<L1FeeFields> l1Fee(Hash blockHash, int index);

  /** The base fee of the block after {@code parent} (the chain's EIP-1559 rules; OP: elasticity, denominator). */
  BigInteger nextBaseFee(BlockHeader parent);

  // ---- state at a block (the header's stateRoot) ----

  /** The account in the state after {@code at}; empty if it does not exist. */
  Optional<AccountState> account(BlockHeader at, Address address);

  /** The account's code (empty bytes for none). */
  Bytes code(BlockHeader at, Address address);

  /** A storage slot (zero when unset or the account does not exist). */
  Bytes32 storage(BlockHeader at, Address address, Bytes32 slot);

  /** The EIP-1186 proof of an account and the given slots (see {@link AccountProof}). */
  AccountProof proof(BlockHeader at, Address address, List<Bytes32> slots);

  // ---- pool ----

  /** The next nonce of {@code address} counting its pending pool transactions (geth GetPoolNonce). */
  long poolNonce(Address address);

  /** A transaction waiting in the pool, as its EIP-2718 bytes. */
  Optional<Bytes> poolTransaction(Hash txHash);

  /**
   * Decodes and submits a signed transaction to the pool. Deposits (0x7E) are refused.
   *
   * @return its hash
   * @throws TransactionRejectedException with geth's message when the pool refuses it
   */
  Hash sendRawTransaction(Bytes raw) throws TransactionRejectedException;

  // ---- execution ----

  /**
   * Executes a message on the state after {@code at} in the context of a block after it (number + 1 is not used:
   * geth runs calls in {@code at}'s own block context: its number, timestamp, coinbase, base fee, gas limit),
   * without committing anything. When the request sets no fee field the base fee is treated as 0 (geth
   * NoBaseFee); the nonce is checked only when given. {@code overrides} apply to the state first.
   *
   * @throws InvalidCallException with geth's message when the message cannot start (funds, nonce, intrinsic gas)
   */
  CallResult call(CallRequest request, BlockHeader at, Map<Address, AccountOverride> overrides)
      throws InvalidCallException;
}
