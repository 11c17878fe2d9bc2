package dev.opsim.engine.chain;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.tx.Rlp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLPReader;
import org.apache.tuweni.rlp.RLPWriter;

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
    Bytes flat = Rlp.copyOf(encoded);
    return Rlp.decodeList(flat, "block", r -> read(r, flat));
  }

  private static Block read(RLPReader r, Bytes source) {
    BlockHeader header = ChainRlp.readStruct(r, "header", BlockHeader::read);
    List<Bytes> txs = ChainRlp.readStruct(r, "transactions", list -> readTransactions(list, source));
    ChainRlp.readStruct(r, "ommers", ommers -> {
      if (!ommers.isComplete()) {
        throw new Rlp.FieldException("ommers must be empty after the merge");
      }
      return null;
    });
    Optional<List<ValidatorWithdrawal>> withdrawals = Optional.empty();
    if (!r.isComplete()) {
      withdrawals = Optional.of(Rlp.readList(r, "withdrawals",
          item -> ChainRlp.readStruct(item, "withdrawal", ValidatorWithdrawal::read)));
    }
    if (withdrawals.isPresent() != header.withdrawalsRoot().isPresent()) {
      throw new Rlp.FieldException("withdrawals list " + (withdrawals.isPresent() ? "present" : "absent")
          + " but header withdrawalsRoot " + (header.withdrawalsRoot().isPresent() ? "present" : "absent"));
    }
    return new Block(header, txs, withdrawals);
  }

  private static List<Bytes> readTransactions(RLPReader list, Bytes source) {
    List<Bytes> txs = new ArrayList<>();
    while (!list.isComplete()) {
      if (list.nextIsList()) {
        int start = list.position();
        list.skipNext();
        txs.add(source.slice(start, list.position() - start));
      } else {
        Bytes typed = list.readValue();
        if (typed.isEmpty() || (typed.get(0) & 0xff) >= 0x80) {
          throw new Rlp.FieldException("transaction " + txs.size() + " is neither a list nor a typed envelope");
        }
        txs.add(typed);
      }
    }
    return txs;
  }
}
