package dev.opsim.engine.genesis;

import dev.opsim.engine.chain.BaseFee;
import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.chain.HeaderValidator;
import dev.opsim.engine.chain.LogsBloom;
import dev.opsim.engine.chain.ValidatorWithdrawal;
import dev.opsim.engine.trie.AccountState;
import dev.opsim.engine.trie.AccountTrie;
import dev.opsim.engine.trie.MerklePatriciaTrie;
import dev.opsim.engine.trie.NodeStore;
import dev.opsim.engine.trie.StorageTrie;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.config.Fork;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Builds block 0 from a {@link GenesisSpec}, following geth's {@code Genesis.ToBlock} (and op-geth's Isthmus
 * withdrawals root): the allocation is written to the state trie on the given node store, and the header gets the
 * fields of the forks active at genesis with geth's defaults for absent values.
 */
public final class GenesisBuilder {
  /** geth's params.GenesisGasLimit, used when the file gives 0 or nothing. */
  public static final long DEFAULT_GAS_LIMIT = 4_712_388;
  /** geth's params.GenesisDifficulty, for ethash chains without difficulty and mixHash. */
  public static final BigInteger DEFAULT_ETHASH_DIFFICULTY = BigInteger.valueOf(131_072);
  /** L2ToL1MessagePasser predeploy (protocol-reference 1.1), whose storage root is the Isthmus withdrawalsRoot. */
  public static final Address L2_TO_L1_MESSAGE_PASSER = Address.fromHex("0x4200000000000000000000000000000000000016");

  private GenesisBuilder() {}

  /** Writes the allocation into {@code store} and returns block 0 with the contract code by hash. */
  public static GenesisState build(GenesisSpec spec, NodeStore store) {
    AccountTrie accounts = new AccountTrie(store);
    Map<Hash, Bytes> code = new HashMap<>();
    Map<Address, Hash> storageRoots = new HashMap<>();
    for (Map.Entry<Address, GenesisAccount> entry : spec.alloc().entrySet()) {
      GenesisAccount account = entry.getValue();
      StorageTrie storage = new StorageTrie(store);
      for (Map.Entry<Bytes32, Bytes32> slot : account.storage().entrySet()) {
        storage.put(slot.getKey(), slot.getValue());
      }
      Hash storageRoot = storage.commit();
      storageRoots.put(entry.getKey(), storageRoot);
      Hash codeHash = AccountState.codeHashOf(account.code());
      if (!account.code().isEmpty()) {
        code.put(codeHash, account.code());
      }
      // geth keeps empty genesis accounts (it commits without deleting empty objects)
      accounts.put(entry.getKey(), new AccountState(account.nonce(), account.balance(), storageRoot, codeHash));
    }
    Hash stateRoot = accounts.commit();
    return new GenesisState(block(spec, stateRoot, storageRoots), code);
  }

  private static Block block(GenesisSpec spec, Hash stateRoot, Map<Address, Hash> storageRoots) {
    ChainConfig config = spec.config();
    long number = spec.number();
    long time = spec.timestamp();
    BigInteger difficulty = spec.difficulty().orElse(
        spec.ethash() && spec.mixHash().equals(Hash.ZERO) ? DEFAULT_ETHASH_DIFFICULTY : BigInteger.ZERO);
    // geth asks IsLondon(0), not IsLondon(number), and keeps a given base fee even without London
    Optional<BigInteger> baseFee = config.isActive(EthereumFork.LONDON, 0, time)
        ? Optional.of(spec.baseFeePerGas().orElse(BaseFee.INITIAL_BASE_FEE))
        : spec.baseFeePerGas();
    Optional<Hash> withdrawalsRoot = Optional.empty();
    Optional<List<ValidatorWithdrawal>> withdrawals = Optional.empty();
    if (config.isActive(EthereumFork.SHANGHAI, number, time)) {
      withdrawalsRoot = Optional.of(MerklePatriciaTrie.EMPTY_ROOT);
      withdrawals = Optional.of(List.of());
    }
    OptionalLong blobGasUsed = OptionalLong.empty();
    OptionalLong excessBlobGas = OptionalLong.empty();
    Optional<Hash> beaconRoot = Optional.empty();
    if (config.isActive(EthereumFork.CANCUN, number, time)) {
      // EIP-4788: block 0 has no parent, its parent beacon root is zero
      beaconRoot = Optional.of(Hash.ZERO);
      blobGasUsed = OptionalLong.of(spec.blobGasUsed().orElse(0));
      excessBlobGas = OptionalLong.of(spec.excessBlobGas().orElse(0));
    }
    Optional<Hash> requestsHash = config.isActive(EthereumFork.PRAGUE, number, time)
        ? Optional.of(HeaderValidator.EMPTY_REQUESTS_HASH)
        : Optional.empty();
    if (config.isActive(Fork.ISTHMUS, time)) {
      withdrawalsRoot = Optional.of(storageRoots.getOrDefault(L2_TO_L1_MESSAGE_PASSER, MerklePatriciaTrie.EMPTY_ROOT));
    }
    BlockHeader header = new BlockHeader(
        spec.parentHash(),
        BlockHeader.EMPTY_OMMERS_HASH,
        spec.coinbase(),
        stateRoot,
        MerklePatriciaTrie.EMPTY_ROOT,
        MerklePatriciaTrie.EMPTY_ROOT,
        LogsBloom.EMPTY,
        difficulty,
        number,
        spec.gasLimit() == 0 ? DEFAULT_GAS_LIMIT : spec.gasLimit(),
        spec.gasUsed(),
        time,
        spec.extraData(),
        spec.mixHash(),
        spec.nonce(),
        baseFee,
        withdrawalsRoot,
        blobGasUsed,
        excessBlobGas,
        beaconRoot,
        requestsHash);
    return new Block(header, List.of(), withdrawals);
  }
}
