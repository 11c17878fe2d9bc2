package dev.opsim.engine.api;

import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.genesis.ChainConfig;
import dev.opsim.engine.genesis.EthereumFork;
import dev.opsim.engine.rpc.RpcException;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.config.Fork;
import dev.opsim.protocol.deposit.DepositTx;
import dev.opsim.protocol.tx.Transaction;
import org.apache.tuweni.bytes.Bytes;

/**
 * The checks on payload attributes once the forkchoice state is applied (paris.md engine_forkchoiceUpdatedV1 point
 * 8; shanghai.md and cancun.md structure and fork rules; OP rules of protocol-reference 5.12 and 6.2 as op-geth's
 * eth/catalyst/api.go applies them). Each failure is -38003, except a timestamp outside the method's fork: -38005.
 */
final class AttributeRules {

  private final ChainConfig config;

  AttributeRules(ChainConfig config) {
    this.config = config;
  }

  void check(int version, PayloadAttributes a, BlockHeader head) throws RpcException {
    long timestamp = a.timestamp();
    boolean shanghai = config.isActive(EthereumFork.SHANGHAI, 0, timestamp);
    boolean cancun = config.isActive(EthereumFork.CANCUN, 0, timestamp);
    if (version == 2) {
      if (a.parentBeaconBlockRoot().isPresent()) {
        throw EngineApiErrors.invalidPayloadAttributes("unexpected parentBeaconBlockRoot in V2 attributes");
      }
      if (cancun) {
        throw EngineApiErrors.unsupportedFork("forkchoiceUpdatedV2 must only be called with pre-Cancun (Ecotone) "
            + "attributes");
      }
      if (shanghai && a.withdrawals().isEmpty()) {
        throw EngineApiErrors.invalidPayloadAttributes("missing withdrawals post-Shanghai (Canyon)");
      }
      if (!shanghai && a.withdrawals().isPresent()) {
        throw EngineApiErrors.invalidPayloadAttributes("withdrawals before Shanghai (Canyon)");
      }
    } else {
      if (a.withdrawals().isEmpty()) {
        throw EngineApiErrors.invalidPayloadAttributes("missing withdrawals");
      }
      if (a.parentBeaconBlockRoot().isEmpty()) {
        throw EngineApiErrors.invalidPayloadAttributes("missing parentBeaconBlockRoot");
      }
      if (!cancun) {
        throw EngineApiErrors.unsupportedFork("forkchoiceUpdatedV3 must only be called for Cancun (Ecotone) "
            + "attributes");
      }
    }
    if (Long.compareUnsigned(timestamp, head.timestamp()) <= 0) {
      throw EngineApiErrors.invalidPayloadAttributes("timestamp " + Long.toUnsignedString(timestamp)
          + " is not after the head's " + Long.toUnsignedString(head.timestamp()));
    }
    if (config.isOptimism()) {
      checkOp(a);
    }
    checkTransactions(a);
  }

  private void checkOp(PayloadAttributes a) throws RpcException {
    long timestamp = a.timestamp();
    if (a.gasLimit().isEmpty()) {
      throw EngineApiErrors.invalidPayloadAttributes("gasLimit parameter is required");
    }
    if (config.isActive(Fork.CANYON, timestamp) && a.withdrawals().map(ws -> !ws.isEmpty()).orElse(false)) {
      throw EngineApiErrors.invalidPayloadAttributes("withdrawals must be empty on OP chains from Canyon");
    }
    Bytes eip1559 = a.eip1559Params().orElse(Bytes.EMPTY);
    if (config.isActive(Fork.HOLOCENE, timestamp)) {
      String problem = PayloadRules.holocene1559ParamsProblem(eip1559);
      if (problem != null) {
        throw EngineApiErrors.invalidPayloadAttributes(problem);
      }
    } else if (!eip1559.isEmpty()) {
      throw EngineApiErrors.invalidPayloadAttributes("eip1559Params not supported prior to Holocene");
    }
    boolean jovian = config.isActive(Fork.JOVIAN, timestamp);
    if (jovian && a.minBaseFee().isEmpty()) {
      throw EngineApiErrors.invalidPayloadAttributes("minBaseFee is required from Jovian");
    }
    if (!jovian && a.minBaseFee().isPresent()) {
      throw EngineApiErrors.invalidPayloadAttributes("minBaseFee not supported prior to Jovian");
    }
  }

  /**
   * Each forced transaction must decode (op-geth decodes them all before building); blob transactions cannot be in
   * an OP block (protocol-reference 6.4).
   */
  private void checkTransactions(PayloadAttributes a) throws RpcException {
    for (int i = 0; i < a.transactions().size(); i++) {
      Bytes tx = a.transactions().get(i);
      try {
        if (!tx.isEmpty() && (tx.get(0) & 0xff) == DepositTx.TYPE) {
          DepositTx.decode(tx.toArrayUnsafe());
        } else if (Transaction.decode(tx).type() == Transaction.BLOB_TYPE && config.isOptimism()) {
          throw EngineApiErrors.invalidPayloadAttributes("transaction " + i
              + " is a blob transaction, which OP chains do not allow");
        }
      } catch (DecodeException e) {
        throw EngineApiErrors.invalidPayloadAttributes("transaction " + i + " is not valid: " + e.getMessage());
      }
    }
  }
}
