package dev.opsim.engine.genesis;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;

/**
 * A geth {@code genesis.json}: the chain config, the header fields of block 0 as given (absent ones get geth's
 * defaults when the block is built, see {@link GenesisBuilder}) and the allocation. Read it with
 * {@link GenesisJson#parse(String)}.
 *
 * @param ethash whether the config names an {@code ethash} engine (only changes the default difficulty)
 */
public record GenesisSpec(
    ChainConfig config,
    boolean ethash,
    long nonce,
    long timestamp,
    Bytes extraData,
    long gasLimit,
    Optional<BigInteger> difficulty,
    Hash mixHash,
    Address coinbase,
    long number,
    long gasUsed,
    Hash parentHash,
    Optional<BigInteger> baseFeePerGas,
    OptionalLong excessBlobGas,
    OptionalLong blobGasUsed,
    Map<Address, GenesisAccount> alloc) {

  public GenesisSpec {
    if (config == null || extraData == null || difficulty == null || mixHash == null || coinbase == null
        || parentHash == null || baseFeePerGas == null || excessBlobGas == null || blobGasUsed == null
        || alloc == null) {
      throw new IllegalArgumentException("genesis fields must not be null (absent optional ones are empty)");
    }
    extraData = Bytes.wrap(extraData.toArray());
    alloc = Map.copyOf(alloc);
  }
}
