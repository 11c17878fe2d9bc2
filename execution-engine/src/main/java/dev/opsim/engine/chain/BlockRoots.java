package dev.opsim.engine.chain;

import dev.opsim.engine.trie.OrderedTrieRoot;
import dev.opsim.protocol.Hash;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/** The list commitments of a header (Yellow Paper 4.3, EIP-4895): tries keyed by RLP(index). */
public final class BlockRoots {
  private BlockRoots() {}

  /** Root over the EIP-2718 bytes of each transaction (legacy: its RLP list). */
  public static Hash transactionsRoot(List<Bytes> transactions) {
    return OrderedTrieRoot.of(transactions);
  }

  /** Root over each receipt's consensus encoding. */
  public static Hash receiptsRoot(List<Receipt> receipts) {
    return OrderedTrieRoot.of(receipts.stream().map(Receipt::encode).toList());
  }

  public static Hash withdrawalsRoot(List<ValidatorWithdrawal> withdrawals) {
    return OrderedTrieRoot.of(withdrawals.stream().map(ValidatorWithdrawal::encode).toList());
  }

  /** The union of the receipts' blooms: the header's logsBloom. */
  public static LogsBloom logsBloom(List<Receipt> receipts) {
    return LogsBloom.union(receipts.stream().map(Receipt::logsBloom).toList());
  }
}
