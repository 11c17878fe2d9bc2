package dev.opsim.engine.api;

import dev.opsim.engine.chain.JovianExtraData;
import dev.opsim.engine.genesis.ChainConfig;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.config.Fork;
import dev.opsim.protocol.deposit.DepositTx;
import dev.opsim.protocol.tx.BlobTx;
import dev.opsim.protocol.tx.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/** Payload checks that need no chain data, shared by the newPayload methods and the attribute checks. */
final class PayloadRules {

  private PayloadRules() {}

  /**
   * op-geth eip1559.ValidateHolocene1559Params: exactly 8 bytes {@code denominator(u32) ++ elasticity(u32)}, and a
   * zero denominator only together with a zero elasticity (all-zero means "use the chain's constants",
   * protocol-reference 5.12). Null when valid.
   */
  static String holocene1559ParamsProblem(Bytes params) {
    if (params.size() != 8) {
      return "holocene eip-1559 params should be 8 bytes, got " + params.size();
    }
    long denominator = params.slice(0, 4).toLong() & 0xFFFF_FFFFL;
    long elasticity = params.slice(4, 4).toLong() & 0xFFFF_FFFFL;
    if (denominator == 0 && elasticity != 0) {
      return "holocene params cannot have a 0 denominator unless elasticity is also 0";
    }
    return null;
  }

  /**
   * OP rules a payload breaks before any execution: from Holocene the header extraData must hold the EIP-1559
   * parameters (op-geth eth/catalyst newPayload: version 0, 9 bytes; Jovian: version 1, 17 bytes), and from Canyon the
   * withdrawals list must be empty (protocol-reference 6.4). Empty when none applies.
   */
  static Optional<String> opProblem(ChainConfig config, ExecutionPayload payload) {
    if (!config.isOptimism()) {
      return Optional.empty();
    }
    long timestamp = payload.timestamp();
    if (config.isActive(Fork.CANYON, timestamp) && payload.withdrawals().map(ws -> !ws.isEmpty()).orElse(false)) {
      return Optional.of("non-empty withdrawals in an OP block (Canyon+)");
    }
    Bytes extra = payload.extraData();
    if (config.isActive(Fork.JOVIAN, timestamp)) {
      try {
        JovianExtraData.decode(extra);
      } catch (DecodeException e) {
        return Optional.of(e.getMessage());
      }
    } else if (config.isActive(Fork.HOLOCENE, timestamp)) {
      if (extra.size() != 9) {
        return Optional.of("holocene extraData should be 9 bytes, got " + extra.size());
      }
      if (extra.get(0) != 0) {
        return Optional.of("holocene extraData should have 0 version byte, got " + (extra.get(0) & 0xff));
      }
      String problem = holocene1559ParamsProblem(extra.slice(1));
      if (problem != null) {
        return Optional.of(problem);
      }
    }
    return Optional.empty();
  }

  /**
   * Decodes every transaction (geth's ExecutableDataToBlock does; an undecodable one makes the payload INVALID) and
   * concatenates the blob versioned hashes of the blob transactions in order (cancun.md newPayloadV3 point 3).
   */
  static List<Hash> blobVersionedHashes(List<Bytes> transactions) throws DecodeException {
    List<Hash> hashes = new ArrayList<>();
    for (int i = 0; i < transactions.size(); i++) {
      Bytes tx = transactions.get(i);
      if (tx.isEmpty()) {
        throw new DecodeException("transaction " + i + " is empty");
      }
      try {
        if ((tx.get(0) & 0xff) == DepositTx.TYPE) {
          DepositTx.decode(tx.toArrayUnsafe());
        } else if (Transaction.decode(tx) instanceof BlobTx blob) {
          hashes.addAll(blob.blobVersionedHashes());
        }
      } catch (DecodeException e) {
        throw new DecodeException("invalid transaction " + i + ": " + e.getMessage(), e);
      }
    }
    return hashes;
  }
}
