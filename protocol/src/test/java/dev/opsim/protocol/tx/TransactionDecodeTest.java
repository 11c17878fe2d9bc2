package dev.opsim.protocol.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.apache.tuweni.rlp.RLPWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransactionDecodeTest {
  /** The signed example transaction of EIP-155 (nonce 9, 20 gwei, 21000 gas, 1 ether to 0x3535…, chain 1). */
  private static final Bytes EIP155_EXAMPLE = Bytes.fromHexString(
      "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a7640000"
          + "8025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276"
          + "a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83");

  @Test
  void decodesTheEip155Example() throws DecodeException {
    LegacyTx tx = (LegacyTx) Transaction.decode(EIP155_EXAMPLE);
    assertEquals(9, tx.nonce());
    assertEquals(new BigInteger("20000000000"), tx.gasPrice());
    assertEquals(21000, tx.gas());
    assertEquals(Address.fromHex("0x3535353535353535353535353535353535353535"), tx.to());
    assertEquals(new BigInteger("1000000000000000000"), tx.value());
    assertEquals(Bytes.EMPTY, tx.data());
    assertEquals(BigInteger.valueOf(37), tx.v());
    assertEquals(Optional.of(BigInteger.ONE), tx.chainId());
    assertTrue(tx.isProtected());
    assertEquals(0, tx.yParity());
    assertEquals(EIP155_EXAMPLE, tx.encode());
  }

  @ParameterizedTest
  @CsvSource({
    "27, -1, 0", "28, -1, 1", "35, 0, 0", "36, 0, 1", "37, 1, 0", "38, 1, 1", "55, 10, 0", "56, 10, 1",
    "22310257, 11155111, 0", "22310258, 11155111, 1"
  })
  void legacyChainIdAndParityFromV(long v, long chainId, int parity) {
    LegacyTx tx = legacyWithV(BigInteger.valueOf(v));
    assertEquals(chainId < 0 ? Optional.empty() : Optional.of(BigInteger.valueOf(chainId)), tx.chainId());
    assertEquals(chainId >= 0, tx.isProtected());
    assertEquals(parity, tx.yParity());
    assertEquals(BigInteger.valueOf(v),
        LegacyTx.vFor(parity, chainId < 0 ? Optional.empty() : Optional.of(BigInteger.valueOf(chainId))));
  }

  @Test
  void legacyVThatNoSignatureHasHasNoParity() {
    LegacyTx tx = legacyWithV(BigInteger.valueOf(30));
    assertFalse(tx.isProtected());
    assertThrows(IllegalStateException.class, tx::yParity);
  }

  private static LegacyTx legacyWithV(BigInteger v) {
    return new LegacyTx(0, BigInteger.ONE, 21000, null, BigInteger.ZERO, Bytes.EMPTY, v, BigInteger.ONE,
        BigInteger.TWO);
  }

  @Test
  void typedTransactionsRoundTripWithTheirTypeByte() throws DecodeException {
    Address to = Address.fromHex("0x00000000000000000000000000000000000000aa");
    List<AccessListEntry> list = List.of(new AccessListEntry(to, List.of(Hash.ofLong(7))));
    List<Transaction> txs = List.of(
        new AccessListTx(BigInteger.TEN, 1, BigInteger.TWO, 3, null, BigInteger.ONE, Bytes.of(1, 2), list,
            BigInteger.ONE, BigInteger.TEN, BigInteger.TWO),
        new DynamicFeeTx(BigInteger.TEN, 1, BigInteger.TWO, BigInteger.TEN, 3, to, BigInteger.ONE, Bytes.EMPTY,
            List.of(), BigInteger.ZERO, BigInteger.TEN, BigInteger.TWO),
        new BlobTx(BigInteger.ONE, 1, BigInteger.TWO, BigInteger.TEN, 3, to, BigInteger.ZERO, Bytes.EMPTY, list,
            BigInteger.ONE, List.of(Hash.ofLong(1)), BigInteger.ZERO, BigInteger.ONE,
            BigInteger.ONE),
        new SetCodeTx(BigInteger.TEN, 1, BigInteger.TWO, BigInteger.TEN, 3, to, BigInteger.ZERO, Bytes.EMPTY,
            List.of(), List.of(new SetCodeAuthorization(BigInteger.TEN, to, 5, 1, BigInteger.ONE, BigInteger.TWO)),
            BigInteger.ONE, BigInteger.ONE, BigInteger.ONE));
    for (Transaction tx : txs) {
      Bytes encoded = tx.encode();
      assertEquals(tx.type(), encoded.get(0));
      assertEquals(tx, Transaction.decode(encoded));
    }
  }

  // --- rejections ---

  private static String reject(Bytes input) {
    return assertThrows(DecodeException.class, () -> Transaction.decode(input)).getMessage();
  }

  private static Bytes legacyFields(Consumer<RLPWriter> fields) {
    return RLP.encodeList(fields);
  }

  @Test
  void rejectsEmptyInputAndBareTypeByte() {
    assertTrue(reject(Bytes.EMPTY).contains("empty"));
    assertTrue(reject(Bytes.of(2)).contains("no payload"));
  }

  @Test
  void rejectsAnRlpStringAsATransaction() {
    assertTrue(reject(Bytes.fromHexString("0x820102")).contains("RLP string"));
  }

  @Test
  void rejectsDepositsWithAClearMessage() {
    String message = reject(Bytes.fromHexString("0x7ec0"));
    assertTrue(message.contains("deposit"), message);
  }

  @Test
  void rejectsUnknownTypes() {
    assertTrue(reject(Bytes.fromHexString("0x05c0")).contains("unsupported EIP-2718 type 0x5"));
    assertTrue(reject(Bytes.fromHexString("0x00c0")).contains("unsupported"));
  }

  @Test
  void rejectsTrailingBytes() {
    assertTrue(reject(Bytes.concatenate(EIP155_EXAMPLE, Bytes.of(0))).contains("follow"));
  }

  @Test
  void rejectsNonCanonicalIntegers() {
    // nonce 9 written as 0x820009 (leading zero)
    Bytes leadingZero = Bytes.fromHexString("0xf86e" + "820009" + EIP155_EXAMPLE.slice(3).toUnprefixedHexString());
    assertTrue(reject(leadingZero).contains("nonce"));
    // nonce 9 written as 0x8109 (single byte below 0x80 must be itself)
    Bytes longSingleByte = Bytes.fromHexString("0xf86d" + "8109" + EIP155_EXAMPLE.slice(3).toUnprefixedHexString());
    reject(longSingleByte);
  }

  @Test
  void rejectsANonCanonicalListHeader() {
    // a 3-byte list written with the long form header 0xf8 0x03
    reject(Bytes.fromHexString("0xf803010203"));
  }

  @Test
  void rejectsOversizeIntegers() {
    Bytes nineByteNonce = legacyFields(w -> {
      w.writeValue(Bytes.fromHexString("0x010000000000000000"));
      for (int i = 0; i < 8; i++) {
        w.writeValue(Bytes.EMPTY);
      }
    });
    assertTrue(reject(nineByteNonce).contains("64 bits"));
    Bytes hugeValue = legacyFields(w -> {
      w.writeValue(Bytes.EMPTY);
      w.writeValue(Bytes.EMPTY);
      w.writeValue(Bytes.EMPTY);
      w.writeValue(Bytes.EMPTY);
      w.writeValue(Bytes.concatenate(Bytes.of(1), Bytes.wrap(new byte[32])));
      for (int i = 0; i < 4; i++) {
        w.writeValue(Bytes.EMPTY);
      }
    });
    assertTrue(reject(hugeValue).contains("256 bits"));
  }

  @Test
  void rejectsWrongFieldCounts() {
    Bytes eightFields = legacyFields(w -> {
      for (int i = 0; i < 8; i++) {
        w.writeValue(Bytes.EMPTY);
      }
    });
    assertTrue(reject(eightFields).contains("missing field s"));
    Bytes tenFields = legacyFields(w -> {
      for (int i = 0; i < 10; i++) {
        w.writeValue(Bytes.EMPTY);
      }
    });
    assertTrue(reject(tenFields).contains("more elements"));
  }

  @Test
  void rejectsABadRecipient() {
    Bytes shortTo = legacyFields(w -> {
      w.writeValue(Bytes.EMPTY);
      w.writeValue(Bytes.EMPTY);
      w.writeValue(Bytes.EMPTY);
      w.writeValue(Bytes.wrap(new byte[19]));
      for (int i = 0; i < 5; i++) {
        w.writeValue(Bytes.EMPTY);
      }
    });
    assertTrue(reject(shortTo).contains("to must be empty or 20 bytes"));
  }

  @Test
  void blobAndSetCodeTransactionsNeedARecipient() {
    Address to = Address.fromHex("0x00000000000000000000000000000000000000aa");
    Bytes blob = new BlobTx(BigInteger.ONE, 0, BigInteger.ONE, BigInteger.ONE, 0, to, BigInteger.ZERO, Bytes.EMPTY,
        List.of(), BigInteger.ONE, List.of(), BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE).encode();
    // the recipient is the 6th field; replace its 0x94 ++ 20 bytes with the empty string 0x80
    String hex = blob.toUnprefixedHexString();
    String withoutTo = hex.replace("94" + to.bytes().toUnprefixedHexString(), "80");
    int newListLength = (withoutTo.length() / 2) - 2;
    Bytes creation = Bytes.fromHexString("0x03" + Integer.toHexString(0xc0 + newListLength) + withoutTo.substring(4));
    assertTrue(reject(creation).contains("to must be 20 bytes"), reject(creation));
  }

  @Test
  void rejectsAMalformedAccessList() {
    Bytes entryWithThreeElements = Bytes.concatenate(Bytes.of(1), RLP.encodeList(w -> {
      for (int i = 0; i < 7; i++) {
        w.writeValue(Bytes.EMPTY);
      }
      w.writeList(l -> l.writeList(e -> {
        e.writeValue(Bytes.wrap(new byte[20]));
        e.writeList(k -> { });
        e.writeValue(Bytes.EMPTY);
      }));
      for (int i = 0; i < 3; i++) {
        w.writeValue(Bytes.EMPTY);
      }
    }));
    assertTrue(reject(entryWithThreeElements).contains("more than 2 elements"));
    Bytes shortKey = Bytes.concatenate(Bytes.of(1), RLP.encodeList(w -> {
      for (int i = 0; i < 7; i++) {
        w.writeValue(Bytes.EMPTY);
      }
      w.writeList(l -> l.writeList(e -> {
        e.writeValue(Bytes.wrap(new byte[20]));
        e.writeList(k -> k.writeValue(Bytes.wrap(new byte[31])));
      }));
      for (int i = 0; i < 3; i++) {
        w.writeValue(Bytes.EMPTY);
      }
    }));
    assertTrue(reject(shortKey).contains("storage key must be 32 bytes"));
  }

  @Test
  void recordsRefuseValuesOutsideTheirWidth() {
    assertThrows(IllegalArgumentException.class, () -> legacyWithV(BigInteger.ONE.negate()));
    assertThrows(IllegalArgumentException.class, () -> legacyWithV(BigInteger.ONE.shiftLeft(256)));
    assertThrows(IllegalArgumentException.class, () -> new SetCodeAuthorization(BigInteger.ONE,
        Address.ZERO, 0, 256, BigInteger.ONE, BigInteger.ONE));
  }

  @Test
  void uint64AboveLongMaxRoundTrips() throws DecodeException {
    LegacyTx tx = new LegacyTx(-1L, BigInteger.ONE, Long.MIN_VALUE, null, BigInteger.ZERO, Bytes.EMPTY,
        BigInteger.valueOf(27), BigInteger.ONE, BigInteger.ONE);
    Bytes encoded = tx.encode();
    // by hand: list of 25 bytes; nonce and gas as 8-byte strings; to, value, data empty; v 27; r, s 1
    assertEquals(Bytes.fromHexString("0xd9" + "88ffffffffffffffff" + "01" + "888000000000000000" + "808080" + "1b0101"),
        encoded);
    assertEquals(tx, Transaction.decode(encoded));
  }
}
