package dev.opsim.protocol.batch;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.tx.AccessListEntry;
import dev.opsim.protocol.tx.AccessListTx;
import dev.opsim.protocol.tx.BlobTx;
import dev.opsim.protocol.tx.DynamicFeeTx;
import dev.opsim.protocol.tx.LegacyTx;
import dev.opsim.protocol.tx.Rlp;
import dev.opsim.protocol.tx.SetCodeAuthorization;
import dev.opsim.protocol.tx.SetCodeTx;
import dev.opsim.protocol.tx.Transaction;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * One {@code tx_datas} entry of a span batch: the fields of a transaction that the span layout does not store
 * elsewhere (protocol-reference 5.7; op-node {@code span_batch_tx.go}). Nonce, gas, recipient, signature and
 * chain id live in the other span fields or in the rollup config.
 *
 * <ul>
 *   <li>legacy: {@code rlp([value, gasPrice, data])}
 *   <li>type 1: {@code 0x01 ++ rlp([value, gasPrice, data, accessList])}
 *   <li>type 2: {@code 0x02 ++ rlp([value, maxPriorityFeePerGas, maxFeePerGas, data, accessList])}
 *   <li>type 4 (Isthmus): {@code 0x04 ++ rlp([value, maxPriorityFeePerGas, maxFeePerGas, data, accessList,
 *       authorizationList])}
 * </ul>
 */
public sealed interface SpanTxData {
  /** The EIP-2718 type, 0 for legacy. */
  int type();

  /** The canonical {@code tx_datas} bytes. */
  Bytes encode();

  /**
   * The full signed transaction. {@code to} is {@code null} for a contract creation. Legacy transactions get
   * {@code v = chainId * 2 + 35 + yParity} when {@code protectedBit} is set, else {@code 27 + yParity}; typed ones
   * get {@code v = yParity} and {@code chainId} as their chain id.
   *
   * @throws DecodeException when the fields cannot form a transaction (a set-code tx marked as a creation)
   */
  Transaction toTransaction(
      long nonce, long gas, Address to, BigInteger chainId, int yParity, boolean protectedBit, SpanTxSignature sig)
      throws DecodeException;

  record LegacyData(BigInteger value, BigInteger gasPrice, Bytes data) implements SpanTxData {
    public LegacyData {
      Rlp.checkUint256(value, "value");
      Rlp.checkUint256(gasPrice, "gasPrice");
      data = Rlp.copyOf(Objects.requireNonNull(data, "data"));
    }

    @Override
    public int type() {
      return Transaction.LEGACY_TYPE;
    }

    @Override
    public Bytes encode() {
      return Rlp.encodeList(w -> {
        Rlp.writeUint(w, value);
        Rlp.writeUint(w, gasPrice);
        w.writeValue(data);
      });
    }

    @Override
    public Transaction toTransaction(
        long nonce, long gas, Address to, BigInteger chainId, int yParity, boolean protectedBit, SpanTxSignature sig) {
      BigInteger v = LegacyTx.vFor(yParity, protectedBit ? Optional.of(chainId) : Optional.empty());
      return new LegacyTx(nonce, gasPrice, gas, to, value, data, v, sig.rValue(), sig.sValue());
    }
  }

  record AccessListData(BigInteger value, BigInteger gasPrice, Bytes data, List<AccessListEntry> accessList)
      implements SpanTxData {
    public AccessListData {
      Rlp.checkUint256(value, "value");
      Rlp.checkUint256(gasPrice, "gasPrice");
      data = Rlp.copyOf(Objects.requireNonNull(data, "data"));
      accessList = List.copyOf(accessList);
    }

    @Override
    public int type() {
      return Transaction.ACCESS_LIST_TYPE;
    }

    @Override
    public Bytes encode() {
      return Rlp.typed(type(), w -> {
        Rlp.writeUint(w, value);
        Rlp.writeUint(w, gasPrice);
        w.writeValue(data);
        AccessListEntry.writeList(w, accessList);
      });
    }

    @Override
    public Transaction toTransaction(
        long nonce, long gas, Address to, BigInteger chainId, int yParity, boolean protectedBit, SpanTxSignature sig) {
      return new AccessListTx(chainId, nonce, gasPrice, gas, to, value, data, accessList,
          BigInteger.valueOf(yParity), sig.rValue(), sig.sValue());
    }
  }

  record DynamicFeeData(
      BigInteger value, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas, Bytes data,
      List<AccessListEntry> accessList) implements SpanTxData {
    public DynamicFeeData {
      Rlp.checkUint256(value, "value");
      Rlp.checkUint256(maxPriorityFeePerGas, "maxPriorityFeePerGas");
      Rlp.checkUint256(maxFeePerGas, "maxFeePerGas");
      data = Rlp.copyOf(Objects.requireNonNull(data, "data"));
      accessList = List.copyOf(accessList);
    }

    @Override
    public int type() {
      return Transaction.DYNAMIC_FEE_TYPE;
    }

    @Override
    public Bytes encode() {
      return Rlp.typed(type(), w -> {
        Rlp.writeUint(w, value);
        Rlp.writeUint(w, maxPriorityFeePerGas);
        Rlp.writeUint(w, maxFeePerGas);
        w.writeValue(data);
        AccessListEntry.writeList(w, accessList);
      });
    }

    @Override
    public Transaction toTransaction(
        long nonce, long gas, Address to, BigInteger chainId, int yParity, boolean protectedBit, SpanTxSignature sig) {
      return new DynamicFeeTx(chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value, data, accessList,
          BigInteger.valueOf(yParity), sig.rValue(), sig.sValue());
    }
  }

  record SetCodeData(
      BigInteger value, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas, Bytes data,
      List<AccessListEntry> accessList, List<SetCodeAuthorization> authorizationList) implements SpanTxData {
    public SetCodeData {
      Rlp.checkUint256(value, "value");
      Rlp.checkUint256(maxPriorityFeePerGas, "maxPriorityFeePerGas");
      Rlp.checkUint256(maxFeePerGas, "maxFeePerGas");
      data = Rlp.copyOf(Objects.requireNonNull(data, "data"));
      accessList = List.copyOf(accessList);
      authorizationList = List.copyOf(authorizationList);
    }

    @Override
    public int type() {
      return Transaction.SET_CODE_TYPE;
    }

    @Override
    public Bytes encode() {
      return Rlp.typed(type(), w -> {
        Rlp.writeUint(w, value);
        Rlp.writeUint(w, maxPriorityFeePerGas);
        Rlp.writeUint(w, maxFeePerGas);
        w.writeValue(data);
        AccessListEntry.writeList(w, accessList);
        SetCodeAuthorization.writeList(w, authorizationList);
      });
    }

    @Override
    public Transaction toTransaction(
        long nonce, long gas, Address to, BigInteger chainId, int yParity, boolean protectedBit, SpanTxSignature sig)
        throws DecodeException {
      if (to == null) {
        // op-node convertToFullTx: "to address is required for SetCodeTx"
        throw new DecodeException("a set-code (type 4) tx is marked as a contract creation; it needs a recipient");
      }
      return new SetCodeTx(chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value, data, accessList,
          authorizationList, BigInteger.valueOf(yParity), sig.rValue(), sig.sValue());
    }
  }

  /**
   * The tx type of a {@code tx_datas} entry as op-node's {@code ReadTxData} reports it: the first byte when it is
   * at most 0x7f (a type byte), else 0 (an RLP list header: legacy). An explicit type byte 0x00 thus also gives 0,
   * though {@link #decode} rejects it.
   */
  public static int txType(Bytes txData) {
    if (txData.isEmpty()) {
      throw new IllegalArgumentException("empty tx data entry");
    }
    int first = txData.get(0) & 0xFF;
    return first <= 0x7F ? first : Transaction.LEGACY_TYPE;
  }

  /**
   * Whether a {@code tx_datas} entry counts as a legacy tx, and so owns a protected bit: its type is 0 (op-node
   * {@code decodeTxDatas} counts {@code txType == LegacyTxType}, which includes an explicit 0x00 type byte).
   */
  public static boolean isLegacy(Bytes txData) {
    return !txData.isEmpty() && txType(txData) == Transaction.LEGACY_TYPE;
  }

  /**
   * Parses one {@code tx_datas} entry, which must be exactly its canonical encoding (op-node
   * {@code spanBatchTx.UnmarshalBinary}: a first byte above 0x7f is a legacy list, else a type byte that must be
   * 1, 2 or 4).
   */
  public static SpanTxData decode(Bytes txData) throws DecodeException {
    if (txData.isEmpty()) {
      throw new DecodeException("span tx data: empty");
    }
    txData = Rlp.flat(txData);
    if ((txData.get(0) & 0xFF) > 0x7F) {
      return Rlp.decodeList(txData, "legacy span tx data", f -> new LegacyData(
          Rlp.readUint256(f, "value"), Rlp.readUint256(f, "gasPrice"), Rlp.readBytes(f, "data")));
    }
    int type = txData.get(0) & 0xFF;
    Bytes payload = txData.slice(1);
    return switch (type) {
      case Transaction.ACCESS_LIST_TYPE -> Rlp.decodeList(payload, "type 1 span tx data", f -> new AccessListData(
          Rlp.readUint256(f, "value"), Rlp.readUint256(f, "gasPrice"), Rlp.readBytes(f, "data"),
          AccessListEntry.readList(f, "accessList")));
      case Transaction.DYNAMIC_FEE_TYPE -> Rlp.decodeList(payload, "type 2 span tx data", f -> new DynamicFeeData(
          Rlp.readUint256(f, "value"), Rlp.readUint256(f, "maxPriorityFeePerGas"),
          Rlp.readUint256(f, "maxFeePerGas"), Rlp.readBytes(f, "data"), AccessListEntry.readList(f, "accessList")));
      case Transaction.SET_CODE_TYPE -> Rlp.decodeList(payload, "type 4 span tx data", f -> new SetCodeData(
          Rlp.readUint256(f, "value"), Rlp.readUint256(f, "maxPriorityFeePerGas"),
          Rlp.readUint256(f, "maxFeePerGas"), Rlp.readBytes(f, "data"), AccessListEntry.readList(f, "accessList"),
          SetCodeAuthorization.readList(f, "authorizationList")));
      default -> throw new DecodeException(
          "span tx data: transaction type 0x" + Integer.toHexString(type) + " cannot be in a span batch");
    };
  }

  /**
   * The span form of a transaction's remaining fields.
   *
   * @throws IllegalArgumentException for a blob tx, which span batches cannot carry
   */
  public static SpanTxData of(Transaction tx) {
    return switch (tx) {
      case LegacyTx t -> new LegacyData(t.value(), t.gasPrice(), t.data());
      case AccessListTx t -> new AccessListData(t.value(), t.gasPrice(), t.data(), t.accessList());
      case DynamicFeeTx t -> new DynamicFeeData(
          t.value(), t.maxPriorityFeePerGas(), t.maxFeePerGas(), t.data(), t.accessList());
      case SetCodeTx t -> new SetCodeData(
          t.value(), t.maxPriorityFeePerGas(), t.maxFeePerGas(), t.data(), t.accessList(), t.authorizationList());
      case BlobTx t -> throw new IllegalArgumentException("a blob (type 3) tx cannot be put in a span batch");
    };
  }
}
