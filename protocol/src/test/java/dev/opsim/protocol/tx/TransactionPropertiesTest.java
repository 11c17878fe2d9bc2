package dev.opsim.protocol.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.tuweni.bytes.Bytes;

class TransactionPropertiesTest {
  @Provide
  Arbitrary<Transaction> transactions() {
    return TxArbitraries.anyTransaction();
  }

  @Provide
  Arbitrary<Bytes> mutatedTransactions() {
    return ByteMutations.of(TxArbitraries.anyTransaction().map(Transaction::encode));
  }

  @Provide
  Arbitrary<Bytes> randomBytes() {
    Arbitrary<Bytes> typed = Arbitraries.integers().between(0, 0x7f)
        .flatMap(type -> TxArbitraries.bytes(200).map(rest -> Bytes.concatenate(Bytes.of(type), rest)));
    return Arbitraries.oneOf(TxArbitraries.bytes(300), typed);
  }

  @Property(tries = 500)
  void decodeOfEncodeIsIdentity(@ForAll("transactions") Transaction tx) throws DecodeException {
    Bytes encoded = tx.encode();
    Transaction decoded = Transaction.decode(encoded);
    assertEquals(tx, decoded);
    assertEquals(encoded, decoded.encode());
  }

  @Property(tries = 200)
  void typedEncodingStartsWithTheTypeAndHashIsKeccakOfEncoding(@ForAll("transactions") Transaction tx) {
    Bytes encoded = tx.encode();
    if (tx.type() == Transaction.LEGACY_TYPE) {
      assertEquals(true, (encoded.get(0) & 0xFF) >= 0xC0);
    } else {
      assertEquals(tx.type(), encoded.get(0) & 0xFF);
    }
    assertEquals(Keccak.hash(encoded), tx.hash());
  }

  @Property(tries = 300)
  void legacyChainIdRoundTripsThroughV(@ForAll("transactions") Transaction tx) {
    if (tx instanceof LegacyTx legacy && legacy.isProtected()) {
      BigInteger rebuilt = LegacyTx.vFor(legacy.yParity(), legacy.chainId());
      assertEquals(legacy.v(), rebuilt);
    }
  }

  @Property(tries = 1000)
  void randomBytesGiveAValueOrDecodeException(@ForAll("randomBytes") Bytes input) {
    decodeOrReject(input);
  }

  @Property(tries = 1000)
  void mutatedEncodingsGiveAValueOrDecodeException(@ForAll("mutatedTransactions") Bytes input) {
    decodeOrReject(input);
  }

  /** A successful decode must be canonical: re-encoding gives the input back. */
  private static void decodeOrReject(Bytes input) {
    try {
      Transaction tx = Transaction.decode(input);
      assertEquals(input, tx.encode());
    } catch (DecodeException expected) {
      // malformed input is reported this way, and only this way
    }
  }
}
