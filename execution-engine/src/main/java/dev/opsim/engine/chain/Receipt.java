package dev.opsim.engine.chain;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Log;
import dev.opsim.protocol.tx.Rlp;
import dev.opsim.protocol.tx.Transaction;
import java.util.List;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLPReader;
import org.apache.tuweni.rlp.RLPWriter;

/**
 * A transaction receipt as the receipts trie commits to it (EIP-658 status, EIP-2718 typing):
 * {@code rlp([status, cumulativeGasUsed, logsBloom, logs])}, prefixed by the type byte for typed transactions.
 *
 * <p>Deposit receipts (type 0x7E, protocol-reference 2.5) may carry {@code depositNonce} (from Regolith, reported
 * over RPC) and {@code depositReceiptVersion} (from Canyon). As op-geth does, the two are appended to the consensus
 * encoding only when {@code depositReceiptVersion} is set, so a Regolith receipt that knows its deposit nonce
 * still hashes without it; the block builder sets the version from Canyon on.
 */
public record Receipt(
    int type,
    boolean success,
    long cumulativeGasUsed,
    LogsBloom logsBloom,
    List<Log> logs,
    OptionalLong depositNonce,
    OptionalLong depositReceiptVersion) {

  /** The only {@code depositReceiptVersion} defined (Canyon). */
  public static final long DEPOSIT_RECEIPT_VERSION = 1;

  public Receipt {
    if (logsBloom == null || logs == null || depositNonce == null || depositReceiptVersion == null) {
      throw new IllegalArgumentException("receipt fields must not be null (absent deposit fields are empty)");
    }
    if (type < 0 || type > 0x7f) {
      throw new IllegalArgumentException("transaction type out of EIP-2718 range: " + type);
    }
    logs = List.copyOf(logs);
    if (type != Transaction.DEPOSIT_TYPE && (depositNonce.isPresent() || depositReceiptVersion.isPresent())) {
      throw new IllegalArgumentException("only deposit receipts carry depositNonce / depositReceiptVersion");
    }
    if (depositReceiptVersion.isPresent() && depositNonce.isEmpty()) {
      throw new IllegalArgumentException("depositReceiptVersion without depositNonce");
    }
  }

  /** A non-deposit receipt with its bloom computed from the logs. */
  public static Receipt of(int type, boolean success, long cumulativeGasUsed, List<Log> logs) {
    return new Receipt(type, success, cumulativeGasUsed, LogsBloom.of(logs), logs, OptionalLong.empty(),
        OptionalLong.empty());
  }

  /**
   * A deposit receipt with its bloom computed from the logs.
   *
   * @param depositNonce the sender's nonce before execution, empty before Regolith
   * @param canyon whether Canyon is active for the block, which adds {@code depositReceiptVersion = 1}
   */
  public static Receipt deposit(boolean success, long cumulativeGasUsed, List<Log> logs, OptionalLong depositNonce,
      boolean canyon) {
    return new Receipt(Transaction.DEPOSIT_TYPE, success, cumulativeGasUsed, LogsBloom.of(logs), logs, depositNonce,
        canyon ? OptionalLong.of(DEPOSIT_RECEIPT_VERSION) : OptionalLong.empty());
  }

  /** Whether the consensus encoding carries the deposit fields (protocol-reference 2.5: from Canyon). */
  public boolean encodesDepositFields() {
    return depositReceiptVersion.isPresent();
  }

  /** The consensus encoding: the receipts-trie value for this receipt. */
  public Bytes encode() {
    if (type == Transaction.LEGACY_TYPE) {
      return Rlp.encodeList(this::writeFields);
    }
    return Rlp.typed(type, this::writeFields);
  }

  private void writeFields(RLPWriter w) {
    w.writeValue(success ? Bytes.of(1) : Bytes.EMPTY);
    Rlp.writeUint64(w, cumulativeGasUsed);
    w.writeValue(logsBloom.bytes());
    w.writeList(list -> {
      for (Log log : logs) {
        list.writeList(item -> writeLog(item, log));
      }
    });
    if (encodesDepositFields()) {
      Rlp.writeUint64(w, depositNonce.getAsLong());
      Rlp.writeUint64(w, depositReceiptVersion.getAsLong());
    }
  }

  private static void writeLog(RLPWriter w, Log log) {
    w.writeValue(log.address().bytes());
    w.writeList(topics -> {
      for (Hash topic : log.topics()) {
        topics.writeValue(topic.bytes());
      }
    });
    w.writeValue(log.data());
  }

  /**
   * Decodes a consensus encoding: a legacy list, or a type byte (below 0x7f) and the list. A deposit receipt has
   * 4 items or, from Canyon, 6; every other receipt has 4. Status is {@code 0x01} or empty.
   */
  public static Receipt decode(Bytes encoded) throws DecodeException {
    if (encoded == null || encoded.isEmpty()) {
      throw new DecodeException("receipt: empty input");
    }
    int first = encoded.get(0) & 0xff;
    if (first >= 0xc0) {
      return Rlp.decodeList(encoded, "legacy receipt", r -> read(r, Transaction.LEGACY_TYPE));
    }
    if (first > 0x7f || first == Transaction.LEGACY_TYPE) {
      throw new DecodeException("receipt: byte 0x" + Integer.toHexString(first)
          + " at offset 0 is neither a transaction type nor an RLP list");
    }
    return Rlp.decodeList(encoded.slice(1), "receipt of type " + first, r -> read(r, first));
  }

  private static Receipt read(RLPReader r, int type) {
    Bytes status = Rlp.readBytes(r, "status");
    boolean success;
    if (status.isEmpty()) {
      success = false;
    } else if (status.size() == 1 && status.get(0) == 1) {
      success = true;
    } else {
      throw new Rlp.FieldException("status must be 0x01 or empty (EIP-658), got " + status.toHexString());
    }
    long cumulativeGasUsed = Rlp.readUint64(r, "cumulativeGasUsed");
    LogsBloom bloom = new LogsBloom(ChainRlp.readFixed(r, "logsBloom", LogsBloom.SIZE));
    List<Log> logs = Rlp.readList(r, "logs", item -> ChainRlp.readStruct(item, "log", Receipt::readLog));
    OptionalLong depositNonce = OptionalLong.empty();
    OptionalLong version = OptionalLong.empty();
    if (type == Transaction.DEPOSIT_TYPE && !r.isComplete()) {
      depositNonce = OptionalLong.of(Rlp.readUint64(r, "depositNonce"));
      version = OptionalLong.of(Rlp.readUint64(r, "depositReceiptVersion"));
    }
    return new Receipt(type, success, cumulativeGasUsed, bloom, logs, depositNonce, version);
  }

  private static Log readLog(RLPReader r) {
    Address address = Rlp.readAddress(r, "log address");
    List<Hash> topics = Rlp.readList(r, "log topics", t -> Rlp.readHash(t, "log topic"));
    Bytes data = Rlp.readBytes(r, "log data");
    return new Log(address, topics, data);
  }
}
