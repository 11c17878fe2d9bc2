package dev.opsim.engine.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.engine.trie.MerklePatriciaTrie;
import dev.opsim.engine.trie.OrderedTrieRoot;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Log;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;
import org.web3j.utils.Bloom;

/**
 * Receipt consensus encoding (EIP-658, EIP-2718; OP deposit receipts per protocol-reference 2.5), cross-checked
 * against an independent RLP encoder (web3j) and bloom (web3j's {@code Bloom}).
 */
class ReceiptEncodingTest {
  private static final Log LOG = new Log(Address.fromHex("0x4200000000000000000000000000000000000016"),
      List.of(Hash.ofLong(1), Hash.ofLong(2)), Bytes.fromHexString("0xdeadbeef"));

  @Test
  void depositReceiptBeforeCanyonOmitsTheDepositFields() {
    Receipt regolith = Receipt.deposit(true, 50_000, List.of(LOG), OptionalLong.of(7), false);
    assertEquals(OptionalLong.of(7), regolith.depositNonce(), "the nonce is kept for RPC");
    assertArrayEquals(reference(regolith, false), regolith.encode().toArray());
    assertEquals(4, itemCount(regolith));
  }

  @Test
  void depositReceiptFromCanyonAppendsNonceAndVersionOne() {
    Receipt canyon = Receipt.deposit(false, 50_000, List.of(), OptionalLong.of(7), true);
    assertEquals(OptionalLong.of(1), canyon.depositReceiptVersion());
    assertArrayEquals(reference(canyon, true), canyon.encode().toArray());
    assertEquals(6, itemCount(canyon));
  }

  @Test
  void legacyReceiptHasNoTypeByteAndTypedOnesDo() {
    Receipt legacy = Receipt.of(0, true, 21_000, List.of());
    Receipt dynamic = Receipt.of(2, true, 21_000, List.of());
    assertEquals(0xf9, legacy.encode().get(0) & 0xff);
    assertEquals(2, dynamic.encode().get(0));
    assertEquals(legacy.encode(), dynamic.encode().slice(1));
  }

  @Test
  void emptyReceiptListHasTheEmptyRoot() {
    assertEquals(MerklePatriciaTrie.EMPTY_ROOT, BlockRoots.receiptsRoot(List.of()));
  }

  @Test
  void fiveFieldDepositReceiptIsRejected() {
    Receipt canyon = Receipt.deposit(true, 1, List.of(), OptionalLong.of(3), true);
    List<RlpType> fields = fields(canyon, false);
    fields.add(RlpString.create(new byte[] {3}));
    byte[] five = typed(0x7e, fields);
    assertThrows(DecodeException.class, () -> Receipt.decode(Bytes.wrap(five)));
  }

  @Test
  void depositFieldsOnANonDepositReceiptAreRejected() {
    List<RlpType> fields = fields(Receipt.of(2, true, 1, List.of()), false);
    fields.add(RlpString.create(new byte[] {3}));
    fields.add(RlpString.create(new byte[] {1}));
    assertThrows(DecodeException.class, () -> Receipt.decode(Bytes.wrap(typed(2, fields))));
  }

  @Test
  void statusOtherThanOneOrEmptyIsRejected() {
    List<RlpType> fields = fields(Receipt.of(2, true, 1, List.of()), false);
    fields.set(0, RlpString.create(new byte[] {2}));
    assertThrows(DecodeException.class, () -> Receipt.decode(Bytes.wrap(typed(2, fields))));
  }

  @Test
  void bloomOfNoLogsIsEmptyAndMembersAreFound() {
    assertEquals(LogsBloom.EMPTY, LogsBloom.of(List.of()));
    LogsBloom bloom = LogsBloom.of(List.of(LOG));
    assertTrue(bloom.mightContain(LOG.address()));
    assertTrue(bloom.mightContain(LOG.topics().get(1)));
    assertFalse(LogsBloom.EMPTY.mightContain(LOG.address()));
  }

  @Property(tries = 200)
  void encodingMatchesAnIndependentEncoder(@ForAll("receipts") Receipt receipt) {
    assertArrayEquals(reference(receipt, receipt.encodesDepositFields()), receipt.encode().toArray());
  }

  @Property(tries = 50)
  void receiptsRootIsTheOrderedTrieOfTheIndependentEncodings(@ForAll("receiptLists") List<Receipt> receipts) {
    List<Bytes> encodings = receipts.stream()
        .map(r -> Bytes.wrap(reference(r, r.encodesDepositFields()))).toList();
    assertEquals(OrderedTrieRoot.of(encodings), BlockRoots.receiptsRoot(receipts));
  }

  @Property(tries = 200)
  void bloomMatchesAnIndependentBloom(@ForAll("logLists") List<Log> logs) {
    Bloom reference = new Bloom();
    for (Log log : logs) {
      reference.add(log.address().toArray());
      for (Hash topic : log.topics()) {
        reference.add(topic.toArray());
      }
    }
    assertArrayEquals(reference.getBytes(), LogsBloom.of(logs).bytes().toArray());
  }

  @Provide
  Arbitrary<Receipt> receipts() {
    return ChainArbitraries.receipts();
  }

  @Provide
  Arbitrary<List<Receipt>> receiptLists() {
    return ChainArbitraries.receipts().list().ofMaxSize(20);
  }

  @Provide
  Arbitrary<List<Log>> logLists() {
    return ChainArbitraries.logs().list().ofMaxSize(5);
  }

  private static int itemCount(Receipt receipt) {
    Bytes body = receipt.type() == 0 ? receipt.encode() : receipt.encode().slice(1);
    return org.apache.tuweni.rlp.RLP.decodeList(body, reader -> {
      int n = 0;
      while (!reader.isComplete()) {
        reader.skipNext();
        n++;
      }
      return n;
    });
  }

  private static byte[] reference(Receipt receipt, boolean depositFields) {
    return typed(receipt.type(), fields(receipt, depositFields));
  }

  private static byte[] typed(int type, List<RlpType> fields) {
    byte[] list = RlpEncoder.encode(new RlpList(fields));
    if (type == 0) {
      return list;
    }
    byte[] out = new byte[list.length + 1];
    out[0] = (byte) type;
    System.arraycopy(list, 0, out, 1, list.length);
    return out;
  }

  private static List<RlpType> fields(Receipt receipt, boolean depositFields) {
    List<RlpType> fields = new ArrayList<>();
    fields.add(RlpString.create(receipt.success() ? new byte[] {1} : new byte[0]));
    fields.add(uint(receipt.cumulativeGasUsed()));
    fields.add(RlpString.create(receipt.logsBloom().bytes().toArray()));
    List<RlpType> logs = new ArrayList<>();
    for (Log log : receipt.logs()) {
      List<RlpType> topics = new ArrayList<>();
      for (Hash topic : log.topics()) {
        topics.add(RlpString.create(topic.toArray()));
      }
      logs.add(new RlpList(RlpString.create(log.address().toArray()), new RlpList(topics),
          RlpString.create(log.data().toArray())));
    }
    fields.add(new RlpList(logs));
    if (depositFields) {
      fields.add(uint(receipt.depositNonce().getAsLong()));
      fields.add(uint(receipt.depositReceiptVersion().getAsLong()));
    }
    return fields;
  }

  private static RlpString uint(long value) {
    byte[] raw = new BigInteger(Long.toUnsignedString(value)).toByteArray();
    int skip = 0;
    while (skip < raw.length && raw[skip] == 0) {
      skip++;
    }
    byte[] minimal = new byte[raw.length - skip];
    System.arraycopy(raw, skip, minimal, 0, minimal.length);
    return RlpString.create(minimal);
  }
}
