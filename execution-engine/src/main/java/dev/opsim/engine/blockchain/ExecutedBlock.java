package dev.opsim.engine.blockchain;

import dev.opsim.engine.chain.LogsBloom;
import dev.opsim.engine.chain.Receipt;
import dev.opsim.protocol.Hash;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;

/** What executing a block's transactions produced: what its header must commit to, and what the store keeps. */
public record ExecutedBlock(
    List<Bytes> transactions,
    List<Receipt> receipts,
    long gasUsed,
    long blobGasUsed,
    Hash stateRoot,
    Hash transactionsRoot,
    Hash receiptsRoot,
    LogsBloom logsBloom,
    Map<Hash, Bytes> newCode) {
  public ExecutedBlock {
    transactions = List.copyOf(transactions);
    receipts = List.copyOf(receipts);
    newCode = Map.copyOf(newCode);
  }
}
