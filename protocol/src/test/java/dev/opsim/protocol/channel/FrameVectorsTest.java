package dev.opsim.protocol.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** op/channels/frame-vectors.json: force_close_tx_data and real_batcher_tx (channel_bank: ChannelBankScenariosTest). */
class FrameVectorsTest {
  static JsonNode vectors() throws Exception {
    return new ObjectMapper().readTree(Fixtures.text("op/channels/frame-vectors.json"));
  }

  @TestFactory
  Stream<DynamicTest> forceCloseTxData() throws Exception {
    JsonNode cases = vectors().get("force_close_tx_data").get("cases");
    assertEquals(6, cases.size());
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : cases) {
      tests.add(DynamicTest.dynamicTest("case " + c.get("case").asInt(), () -> {
        List<Frame> seen = new ArrayList<>();
        for (JsonNode f : c.get("seen_frames")) {
          seen.add(new Frame(ChannelId.fromHex(f.get("channelId").asText()), f.get("frameNumber").asInt(),
              Bytes.EMPTY, f.get("isLast").asBoolean()));
        }
        if (c.get("expectError").asBoolean()) {
          assertThrows(IllegalArgumentException.class, () -> BatcherTxData.forceClose(seen));
        } else {
          assertEquals(Bytes.fromHexString(c.get("expectedTxData").asText()), BatcherTxData.forceClose(seen));
        }
      }));
    }
    return tests.stream();
  }

  @Test
  void forceCloseOutputIsParseableWhereItHoldsFrames() throws Exception {
    // Case 7's output: two empty non-closing frames (0 and 2) for the gaps below closing frame 3.
    Bytes tx = Bytes.fromHexString("0x00deadbeefdeadbeefdeadbeefdeadbeef00000000000000"
        + "deadbeefdeadbeefdeadbeefdeadbeef00020000000000");
    List<Frame> frames = BatcherTxData.parse(tx);
    assertEquals(List.of(0, 2), frames.stream().map(Frame::frameNumber).toList());
    assertTrue(frames.stream().noneMatch(Frame::isLast));
  }

  @Test
  void realOpMainnetBatcherTransaction() throws Exception {
    byte[] signedTx = Fixtures.bytes("op/channels/raw_batcher_tx.hex");
    assertEquals(119_942, signedTx.length);
    byte[] calldata = Eip1559Calldata.of(signedTx);
    // Stated by kona's test_open_ethereum_calldata_source_pre_ecotone.
    assertEquals(119_823, calldata.length);

    List<Frame> frames = BatcherTxData.parse(calldata);
    assertEquals(1, frames.size());
    Frame frame = frames.get(0);
    assertEquals(ChannelId.fromHex("0xac329933f5efdcc35ccd284232a376d3"), frame.channelId());
    assertEquals(0, frame.frameNumber());
    assertEquals(119_799, frame.data().size());
    assertTrue(frame.isLast());
    assertEquals(Bytes.wrap(calldata), BatcherTxData.encode(frames));

    Decompressed decompressed = ChannelCompression.decompress(frame.data(), ChannelRules.BEDROCK);
    assertEquals(CompressionAlgorithm.ZLIB, decompressed.algorithm());
    assertEquals(240_308, decompressed.data().size());
    // The batcher flushed but never closed its zlib writer: the stream ends with a sync flush (00 00 ff ff),
    // without a final block or checksum. op-node reads such channels; so must we.
    assertEquals(Bytes.fromHexString("0x0000ffff"), frame.data().slice(frame.data().size() - 4));
    assertEquals(Decompressed.End.TRUNCATED, decompressed.end());

    ChannelContent content = ChannelReader.readFrames(frames, ChannelRules.BEDROCK);
    assertTrue(content.complete(), content.stopReason());
    assertEquals(1, content.batches().size());
    assertEquals(1, content.batches().get(0).get(0), "span batch (version 1)");
    // The same channel read under Fjord rules (zlib is still accepted) gives the same batch.
    assertEquals(content.batches(), ChannelReader.readFrames(frames, ChannelRules.FJORD).batches());
  }

  @Test
  void realChannelUnderATightCapYieldsNoBatch() throws DecodeException {
    byte[] calldata = Eip1559Calldata.of(Fixtures.bytes("op/channels/raw_batcher_tx.hex"));
    Frame frame = BatcherTxData.parse(calldata).get(0);
    ChannelContent content = ChannelReader.read(frame.data(), new ChannelRules(240_000, false));
    assertEquals(List.of(), content.batches());
    assertTrue(content.stopReason().contains("capped"), content.stopReason());
  }
}
