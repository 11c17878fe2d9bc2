package dev.opsim.protocol.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.tx.ByteMutations;
import dev.opsim.protocol.tx.TxArbitraries;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.tuweni.bytes.Bytes;

class BatchPropertiesTest {
  @Provide
  Arbitrary<SingularBatch> singularBatches() {
    return BatchArbitraries.singularBatch();
  }

  @Provide
  Arbitrary<SpanBatch> spanBatches() {
    return BatchArbitraries.spanBatch();
  }

  @Provide
  Arbitrary<SpanBatch> convertibleSpanBatches() {
    return BatchArbitraries.spanBatch(true, Arbitraries.longs().between(0, 1L << 40));
  }

  @Provide
  Arbitrary<BatchArbitraries.Run> runs() {
    return BatchArbitraries.singularRun();
  }

  @Provide
  Arbitrary<Bytes> randomBatchData() {
    Arbitrary<Bytes> versioned = Arbitraries.integers().between(0, 2).flatMap(version ->
        TxArbitraries.bytes(300).map(rest -> ByteMutations.join(new byte[] {version.byteValue()}, rest.toArray())));
    return Arbitraries.oneOf(TxArbitraries.bytes(100), versioned);
  }

  @Provide
  Arbitrary<Bytes> mutatedBatchData() {
    Arbitrary<Bytes> valid = Arbitraries.oneOf(
        BatchArbitraries.singularBatch().map(BatchCodec::encode),
        BatchArbitraries.spanBatch().map(BatchCodec::encode));
    return ByteMutations.of(valid);
  }

  @Property(tries = 300)
  void singularDecodeOfEncodeIsIdentity(@ForAll("singularBatches") SingularBatch batch) throws DecodeException {
    Bytes encoded = BatchCodec.encode(batch);
    assertEquals(0, encoded.get(0));
    Batch decoded = BatchCodec.decode(encoded);
    assertEquals(batch, decoded);
    assertEquals(encoded, BatchCodec.encode(decoded));
  }

  @Property(tries = 200)
  void spanDecodeOfEncodeIsIdentity(@ForAll("spanBatches") SpanBatch batch) throws DecodeException {
    Bytes encoded = BatchCodec.encode(batch);
    assertEquals(1, encoded.get(0));
    Batch decoded = BatchCodec.decode(encoded);
    assertEquals(batch, decoded);
    assertEquals(encoded, BatchCodec.encode(decoded));
  }

  @Property(tries = 100)
  void singularRunSurvivesSpanEncoding(@ForAll("runs") BatchArbitraries.Run run) throws DecodeException {
    List<SingularBatch> original = run.batches();
    SpanBatch span = SpanBatchConversion.fromSingularBatches(original, run.params(), run.firstStartsEpoch());
    assertEquals(original.getFirst().parentHash().prefix(20), span.parentCheck());
    assertEquals(original.getLast().epochHash().prefix(20), span.l1OriginCheck());
    assertEquals(original.getLast().epochNum(), span.l1OriginNum());
    assertEquals(run.firstStartsEpoch(), span.originBits().get(0));

    SpanBatch decoded = (SpanBatch) BatchCodec.decode(BatchCodec.encode(span));
    List<SingularBatch> expanded = SpanBatchConversion.toSingularBatches(decoded, run.params(),
        n -> Optional.of(BatchArbitraries.epochHash(n)));
    assertEquals(original.size(), expanded.size());
    for (int i = 0; i < original.size(); i++) {
      // expanded batches get their parent hash from the batch queue (op-node popNextBatch)
      assertEquals(original.get(i).withParentHash(Hash.ZERO), expanded.get(i));
    }
  }

  @Property(tries = 100)
  void spanSurvivesExpansionAndRepacking(@ForAll("convertibleSpanBatches") SpanBatch span) throws DecodeException {
    SpanBatchParams params = new SpanBatchParams(1_000, 2, BatchArbitraries.CHAIN_ID);
    List<SingularBatch> expanded = SpanBatchConversion.toSingularBatches(span, params,
        n -> Optional.of(BatchFixtures.fakeL1Hash(n, span.l1OriginNum(), span.l1OriginCheck())));
    SpanBatchFixtureTest.assertRoundTripsThroughSingular(span, expanded, params);
  }

  @Property(tries = 1000)
  void randomBytesGiveABatchOrDecodeException(@ForAll("randomBatchData") Bytes input) {
    decodeAndExpandOrReject(input);
  }

  @Property(tries = 600)
  void mutatedBatchesGiveABatchOrDecodeException(@ForAll("mutatedBatchData") Bytes input) {
    decodeAndExpandOrReject(input);
  }

  /**
   * Decoding gives a batch or a {@link DecodeException}, nothing else. Re-encoding a decoded batch gives a canonical
   * encoding of the same batch, never longer than the input: a singular batch's re-encoding is a prefix of the input
   * (bytes after its RLP list are ignored, as op-node's {@code rlp.Decode} on a reader does); a span batch's too when
   * its varints were minimal (op-node's {@code binary.ReadUvarint} also takes non-minimal ones; this property used to
   * require the prefix for every span batch, before those were accepted). Expanding a decoded span batch also gives
   * singular batches or a {@link DecodeException}.
   */
  private static void decodeAndExpandOrReject(Bytes input) {
    Batch batch;
    try {
      batch = BatchCodec.decode(input);
    } catch (DecodeException expected) {
      return;
    }
    Bytes reencoded = BatchCodec.encode(batch);
    assertTrue(reencoded.size() <= input.size());
    try {
      assertEquals(batch, BatchCodec.decode(reencoded));
    } catch (DecodeException e) {
      throw new AssertionError("a re-encoded batch does not decode", e);
    }
    if (batch instanceof SingularBatch) {
      assertEquals(input.slice(0, reencoded.size()), reencoded);
      return;
    }
    try {
      SpanBatchConversion.toSingularBatches((SpanBatch) batch, new SpanBatchParams(0, 2, BatchArbitraries.CHAIN_ID),
          n -> Optional.of(Hash.ofLong(n)));
    } catch (DecodeException expected) {
      // e.g. a set-code tx marked as a contract creation
    }
  }
}
