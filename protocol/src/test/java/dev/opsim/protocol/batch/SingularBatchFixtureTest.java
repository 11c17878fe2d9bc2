package dev.opsim.protocol.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.protocol.Fixtures;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Hex;
import dev.opsim.protocol.tx.Transaction;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLP;
import org.junit.jupiter.api.Test;

/**
 * The singular batch in {@code op/channels/brotli-vectors.json} ({@code singular-batch-channel}): its
 * {@code decompressed} bytes are one RLP string holding {@code 0x00 ++ rlp(singular batch)}, so it is read here
 * without the channel code. Field values are the collector's decoding (channels README).
 */
class SingularBatchFixtureTest {
  private static JsonNode vector() throws Exception {
    JsonNode root = new ObjectMapper().readTree(Fixtures.text("op/channels/brotli-vectors.json"));
    for (JsonNode v : root.get("vectors")) {
      if (v.get("name").asText().equals("singular-batch-channel")) {
        return v;
      }
    }
    throw new AssertionError("vector singular-batch-channel missing");
  }

  private static Bytes batchData(JsonNode vector) {
    Bytes channel = Bytes.wrap(Hex.decode(vector.get("decompressed").asText()));
    return RLP.decode(channel, reader -> {
      Bytes data = reader.readValue();
      assertEquals(0, reader.remaining(), "one batch in the channel");
      return data;
    });
  }

  @Test
  void decodesToTheCollectorsFields() throws Exception {
    JsonNode vector = vector();
    JsonNode expected = vector.get("decoded_by_collector").get("singular_batch");
    SingularBatch batch = (SingularBatch) BatchCodec.decode(batchData(vector));
    assertEquals(Hash.fromHex(expected.get("parent_hash").asText()), batch.parentHash());
    assertEquals(expected.get("epoch_num").asLong(), batch.epochNum());
    assertEquals(Hash.fromHex(expected.get("epoch_hash").asText()), batch.epochHash());
    assertEquals(expected.get("timestamp").asLong(), batch.timestamp());
    assertEquals(expected.get("tx_count").asInt(), batch.transactions().size());
  }

  @Test
  void encodesBackToTheSameBytes() throws Exception {
    Bytes data = batchData(vector());
    assertEquals(data, BatchCodec.encode(BatchCodec.decode(data)));
  }

  @Test
  void firstTransactionHashesMatchTheCollectors() throws Exception {
    JsonNode vector = vector();
    SingularBatch batch = (SingularBatch) BatchCodec.decode(batchData(vector));
    JsonNode hashes = vector.get("decoded_by_collector").get("first_tx_hashes");
    for (int i = 0; i < hashes.size(); i++) {
      Transaction tx = Transaction.decode(batch.transactions().get(i));
      assertEquals(Hash.fromHex(hashes.get(i).asText()), tx.hash(), "tx " + i);
      assertEquals(batch.transactions().get(i), tx.encode());
    }
  }

  @Test
  void everyTransactionDecodesAndReencodes() throws Exception {
    SingularBatch batch = (SingularBatch) BatchCodec.decode(batchData(vector()));
    List<Bytes> txs = batch.transactions();
    for (Bytes encoded : txs) {
      assertEquals(encoded, Transaction.decode(encoded).encode());
    }
  }
}
