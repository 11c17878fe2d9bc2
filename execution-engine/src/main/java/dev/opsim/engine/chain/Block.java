package dev.opsim.engine.chain;

import static dev.opsim.engine.rlp.Rlp.readItem;
import static dev.opsim.engine.rlp.Rlp.readList;

import dev.opsim.engine.rlp.Rlp.Item;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.tx.Rlp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * A block: {@code rlp([header, transactions, ommers, withdrawals?])}. Transactions are kept as their EIP-2718
 * bytes (a legacy transaction is its RLP list, a typed one {@code type ++ rlp}, including OP deposits 0x7E) so the
 * block commits to exactly what it was given; decoding them is the caller's job. Ommers are always empty (every
 * block opsim handles is post-merge). Withdrawals are present exactly when the header has a withdrawalsRoot.
 */
public record Block(BlockHeader header, List<Bytes> transactions, Optional<List<ValidatorWithdrawal>> withdrawals) {
  public Block {
    if (header == null || transactions == null || withdrawals == null) {
      throw new IllegalArgumentException("block fields must not be null (absent withdrawals are empty)");
    }
    transactions = transactions.stream().map(tx -> Bytes.wrap(tx.toArray())).toList();
    withdrawals = withdrawals.map(List::copyOf);
    if (withdrawals.isPresent() != header.withdrawalsRoot().isPresent()) {
      throw new IllegalArgumentException("a block has a withdrawals list exactly when its header has a withdrawalsRoot");
    }
    for (Bytes tx : transactions) {
      if (tx.isEmpty()) {
        throw new IllegalArgumentException("empty transaction in a block");
      }
      int first = tx.get(0) & 0xff;
      if (first >= 0x80 && first < 0xc0) {
        throw new IllegalArgumentException("transaction starting with 0x" + Integer.toHexString(first)
            + " is neither a legacy RLP list nor a typed envelope");
      }
    }
  }

  public Hash hash() {
    return header.hash();
  }

  /** The block's canonical RLP. */
  public Bytes encode() {
    return Rlp.encodeList(w -> {
      w.writeList(header::writeFields);
      w.writeList(list -> {
        for (Bytes tx : transactions) {
          if ((tx.get(0) & 0xff) >= 0xc0) {
            list.writeRLP(tx);
          } else {
            list.writeValue(tx);
          }
        }
      });
      w.writeList(ommers -> { });
      withdrawals.ifPresent(ws -> w.writeList(list -> {
        for (ValidatorWithdrawal withdrawal : ws) {
          list.writeList(withdrawal::writeFields);
        }
      }));
    });
  }

  /**
   * Decodes a canonical block. Each transaction must be an RLP list (legacy) or a string starting with a type byte
   * below 0x80; ommers must be empty; a withdrawals list must be present exactly when the header has a
   * withdrawalsRoot. The transactions themselves are not decoded.
   */
  public static Block decode(Bytes encoded) throws DecodeException {
    if (encoded == null) {
      throw new DecodeException("block: no bytes");
    }
    byte[] buf = encoded.toArray();
    Item block = readList(buf, 0, buf.length, "block");
    if (block.end() != buf.length) {
      throw new DecodeException("block: " + (buf.length - block.end()) + " trailing bytes at offset " + block.end());
    }
    Item headerItem = readList(buf, block.payloadStart(), block.end(), "block header");
    BlockHeader header = BlockHeader.decode(slice(buf, headerItem.start(), headerItem.end()));
    Item txsItem = readList(buf, headerItem.end(), block.end(), "block transactions");
    List<Bytes> txs = new ArrayList<>();
    for (int pos = txsItem.payloadStart(); pos < txsItem.end(); ) {
      Item tx = readItem(buf, pos, txsItem.end(), "block transaction " + txs.size());
      if (tx.list()) {
        txs.add(slice(buf, tx.start(), tx.end()));
      } else {
        if (tx.end() == tx.payloadStart() || (buf[tx.payloadStart()] & 0xff) >= 0x80) {
          throw new DecodeException("block: transaction " + txs.size() + " at offset " + pos
              + " is neither an RLP list nor a typed envelope");
        }
        txs.add(slice(buf, tx.payloadStart(), tx.end()));
      }
      pos = tx.end();
    }
    Item ommers = readList(buf, txsItem.end(), block.end(), "block ommers");
    if (ommers.end() != ommers.payloadStart()) {
      throw new DecodeException("block: ommers at offset " + ommers.start() + " must be empty after the merge");
    }
    Optional<List<ValidatorWithdrawal>> withdrawals = Optional.empty();
    int pos = ommers.end();
    if (pos < block.end()) {
      Item list = readList(buf, pos, block.end(), "block withdrawals");
      List<ValidatorWithdrawal> ws = new ArrayList<>();
      for (int p = list.payloadStart(); p < list.end(); ) {
        Item w = readItem(buf, p, list.end(), "withdrawal " + ws.size());
        ws.add(ValidatorWithdrawal.decode(slice(buf, w.start(), w.end())));
        p = w.end();
      }
      withdrawals = Optional.of(ws);
      pos = list.end();
    }
    if (pos != block.end()) {
      throw new DecodeException("block: unexpected item at offset " + pos + " after the withdrawals");
    }
    if (withdrawals.isPresent() != header.withdrawalsRoot().isPresent()) {
      throw new DecodeException("block: withdrawals list " + (withdrawals.isPresent() ? "present" : "absent")
          + " but header withdrawalsRoot " + (header.withdrawalsRoot().isPresent() ? "present" : "absent"));
    }
    return new Block(header, txs, withdrawals);
  }

  private static Bytes slice(byte[] buf, int start, int end) {
    return Bytes.wrap(Arrays.copyOfRange(buf, start, end));
  }
}
