package dev.opsim.engine.blockchain;

import dev.opsim.engine.chain.ValidatorWithdrawal;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;

/**
 * What a new block is built from: Engine API payload attributes with the OP extensions (protocol-reference 6.2),
 * or the dev producer's choice on L1.
 *
 * @param withdrawals empty list from Shanghai (OP: always empty from Canyon)
 * @param forcedTransactions OP {@code transactions}: included first, in order, each must apply
 * @param noTxPool when true only the forced transactions are included
 * @param gasLimit OP {@code gasLimit}; empty keeps the parent's
 * @param eip1559Params Holocene {@code eip1559Params} (8 bytes), written into extraData from Holocene
 */
public record BuildRequest(
    Hash parentHash,
    long timestamp,
    Address feeRecipient,
    Hash prevRandao,
    List<ValidatorWithdrawal> withdrawals,
    Optional<Hash> parentBeaconBlockRoot,
    List<Bytes> forcedTransactions,
    boolean noTxPool,
    OptionalLong gasLimit,
    Optional<Bytes> eip1559Params) {
  public BuildRequest {
    withdrawals = List.copyOf(withdrawals);
    forcedTransactions = List.copyOf(forcedTransactions);
  }
}
