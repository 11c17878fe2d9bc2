package dev.opsim.devnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.devnet.CliRun;
import dev.opsim.protocol.Fixtures;
import dev.opsim.protocol.Hex;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decode commands on the public vectors of ../shared/fixtures/op, end to end through the CLI. */
class DecodeCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String RAW_BATCHER_TX = "op/channels/raw_batcher_tx.hex";

  @TempDir Path dir;

  private static JsonNode ok(CliRun run) throws Exception {
    assertEquals(0, run.exitCode(), run.err());
    return MAPPER.readTree(run.out());
  }

  private static void failsWithOneLine(CliRun run) {
    assertEquals(1, run.exitCode(), run.out());
    assertTrue(run.errIsOneLine(), run.err());
  }

  @Test
  void batcherTxFramesOfARealMainnetTransaction() throws Exception {
    // channels/README.md: one frame of channel 0xac32…d3, frame 0, 119,799 data bytes, is_last.
    JsonNode out = ok(CliRun.of("decode", "batcher-tx", "@" + Fixtures.path(RAW_BATCHER_TX)));
    assertEquals(0, out.get("version").asInt());
    assertEquals(1, out.get("frames").size());
    JsonNode frame = out.get("frames").get(0);
    assertEquals("0xac329933f5efdcc35ccd284232a376d3", frame.get("channelId").asText());
    assertEquals(0, frame.get("frameNumber").asInt());
    assertEquals(119799, frame.get("dataLength").asInt());
    assertTrue(frame.get("isLast").asBoolean());
  }

  @Test
  void channelOfARealMainnetTransactionHoldsOneSpanBatch() throws Exception {
    // channels/README.md: zlib, 240,308 bytes, one span batch of 27 blocks and 209 txs, rel_timestamp 24269254,
    // l1_origin_num 19426585, parent_check 0x4a78…0cea, l1_origin_check 0x4fcd…2bf7.
    byte[] tx = Fixtures.bytes(RAW_BATCHER_TX);
    byte[] frameStart = Hex.decode("00ac329933f5efdcc35ccd284232a376d3");
    int at = indexOf(tx, frameStart) + 1 + 16 + 2;
    int length = ((tx[at] & 0xff) << 24) | ((tx[at + 1] & 0xff) << 16) | ((tx[at + 2] & 0xff) << 8) | (tx[at + 3] & 0xff);
    Path channel = Files.write(dir.resolve("channel.bin"), Arrays.copyOfRange(tx, at + 4, at + 4 + length));

    JsonNode out = ok(CliRun.of("decode", "channel", "@" + channel));
    assertEquals("zlib", out.get("compression").asText());
    assertEquals(240308, out.get("decompressedSize").asInt());
    assertEquals(1, out.get("batches").size());
    JsonNode span = out.get("batches").get(0);
    assertEquals("span", span.get("type").asText());
    assertEquals(24269254, span.get("relTimestamp").asLong());
    assertEquals(19426585, span.get("l1OriginNum").asLong());
    assertEquals("0x4a78c6069d413ac5cd75401310076b7acbc10cea", span.get("parentCheck").asText());
    assertEquals("0x4fcd7915716bdcf8ba963e591577721000dd2bf7", span.get("l1OriginCheck").asText());
    assertEquals(27, span.get("blockCount").asInt());
    assertEquals(209, span.get("txCount").asInt());
    assertEquals(27, span.get("blocks").size());
    long txs = 0;
    for (JsonNode block : span.get("blocks")) {
      txs += block.get("txCount").asLong();
      assertTrue(block.get("epochNum").asLong() <= 19426585);
    }
    assertEquals(209, txs);
    assertEquals(19426585, span.get("blocks").get(26).get("epochNum").asLong());
  }

  @Test
  void brotliChannelWithASingularBatch() throws Exception {
    // brotli-vectors.json: the raw brotli stream without the 0x01 channel version byte.
    JsonNode singular = null;
    for (JsonNode v : MAPPER.readTree(Fixtures.text("op/channels/brotli-vectors.json")).get("vectors")) {
      if (v.get("name").asText().equals("singular-batch-channel")) {
        singular = v;
      }
    }
    String compressed = singular.get("compressed").asText().substring(2);
    JsonNode out = ok(CliRun.of("decode", "channel", "0x01" + compressed));
    assertEquals("brotli", out.get("compression").asText());
    assertEquals(12506, out.get("decompressedSize").asInt());
    JsonNode batch = out.get("batches").get(0);
    assertEquals("singular", batch.get("type").asText());
    assertEquals(3920048, batch.get("epochNum").asLong());
    assertEquals(1986837747, batch.get("timestamp").asLong());
    assertEquals(20, batch.get("txCount").asInt());
  }

  @Test
  void depositTxOfViemsSerializer() throws Exception {
    // The deposit the foundation check uses (serialised by viem's op-stack serializer).
    String dep = "0x7ef865a0d0868c8764d81f1749edb7dec4a550966963540d9fe50aefce8cdb38ea7b221394977f82a600a1414e583f7f13"
        + "623f1ac5d58b1c0b944200000000000000000000000000000000000016880de0b6b3a764000088016345785d8a0000830186a080"
        + "821234";
    JsonNode out = ok(CliRun.of("decode", "deposit-tx", dep));
    assertEquals("0x78b9416c43930c4836dce3f0db416e63e75d283542ae99ef89a83b5d6839581c", out.get("hash").asText());
    assertEquals("0x7e", out.get("type").asText());
    assertEquals("0x4200000000000000000000000000000000000016", out.get("to").asText());
    assertEquals("1000000000000000000", out.get("mint").asText());
    assertEquals(100000, out.get("gas").asLong());
    assertFalse(out.get("isSystemTx").asBoolean());
    assertEquals("0x1234", out.get("data").asText());
  }

  @Test
  void l1InfoOfBothLayouts() throws Exception {
    JsonNode vectors = MAPPER.readTree(Fixtures.text("op/l1-info/l1-info-vectors.json")).get("calldata");
    JsonNode bedrock = ok(CliRun.of("decode", "l1-info", vectors.get(0).get("calldata").asText()));
    assertEquals("bedrock", bedrock.get("layout").asText());
    assertEquals(18334955, bedrock.get("number").asLong());
    assertEquals(4, bedrock.get("sequenceNumber").asLong());
    assertEquals("0x392012032675be9f94aae5ab442de73c5f4fb1bf30fa7dd0d2442239899a40fc", bedrock.get("hash").asText());
    JsonNode ecotone = ok(CliRun.of("decode", "l1-info", vectors.get(1).get("calldata").asText()));
    assertEquals("ecotone", ecotone.get("layout").asText());
    assertEquals(810949, ecotone.get("blobBaseFeeScalar").asLong());
    assertEquals(1368, ecotone.get("baseFeeScalar").asLong());
    assertEquals(10445852825L, ecotone.get("baseFee").asLong());
  }

  /**
   * A channel of three batches: an unknown version (does not decode), the OP Sepolia span batch of
   * ../shared/fixtures/op/batches/span_batch with the type byte of tx_datas[0] (offset 905) set to 0x03 (decodes;
   * op-node's DeriveSpanBatch would reject it), and a hand-written singular batch. All three are listed.
   */
  @Test
  void channelListsAnUndecodableBatchAndGoesOn() throws Exception {
    byte[] span = Hex.decode(Fixtures.text("op/batches/span_batch").strip());
    assertEquals(0x02, span[905]);
    span[905] = 0x03;
    byte[] singular = Hex.decode("0x00f84aa0" + "00".repeat(32) + "05a0" + "00".repeat(32) + "8203e8c38202c0");
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    content.writeBytes(rlpString(Hex.decode("0x02c0")));
    content.writeBytes(rlpString(span));
    content.writeBytes(rlpString(singular));
    Path channel = Files.write(dir.resolve("three.bin"), zlib(content.toByteArray()));

    JsonNode batches = ok(CliRun.of("decode", "channel", "@" + channel)).get("batches");
    assertEquals(3, batches.size());
    assertEquals("invalid", batches.get(0).get("type").asText());
    assertTrue(batches.get(0).get("error").asText().contains("unknown batch version 2"));
    assertEquals("span", batches.get(1).get("type").asText());
    assertEquals(84, batches.get(1).get("blockCount").asInt());
    assertTrue(batches.get(1).get("invalidTxData").asText().contains("tx 0"));
    assertEquals("singular", batches.get(2).get("type").asText());
    assertEquals(1000, batches.get(2).get("timestamp").asLong());
  }

  private static byte[] rlpString(byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (payload.length < 56) {
      out.write(0x80 + payload.length);
    } else {
      byte[] length = BigInteger.valueOf(payload.length).toByteArray();
      int skip = length[0] == 0 ? 1 : 0;
      out.write(0xb7 + length.length - skip);
      out.write(length, skip, length.length - skip);
    }
    out.writeBytes(payload);
    return out.toByteArray();
  }

  private static byte[] zlib(byte[] data) {
    Deflater deflater = new Deflater();
    deflater.setInput(data);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    while (!deflater.finished()) {
      out.write(buf, 0, deflater.deflate(buf));
    }
    deflater.end();
    return out.toByteArray();
  }

  @Test
  void blobPayload() throws Exception {
    // blobs/README.md: blob1 holds the ASCII text "this is a test of blob encoding/decoding".
    JsonNode out = ok(CliRun.of("decode", "blob", "@" + Fixtures.path("op/blobs/blob1.txt")));
    assertEquals(Hex.encode("this is a test of blob encoding/decoding".getBytes()), out.get("data").asText());
  }

  @Test
  void badInputIsOneLineAndExitOne() {
    failsWithOneLine(CliRun.of("decode", "channel", "0xdeadbeef"));
    failsWithOneLine(CliRun.of("decode", "deposit-tx", "0x7e00"));
    failsWithOneLine(CliRun.of("decode", "batcher-tx", "0x0011"));
    failsWithOneLine(CliRun.of("decode", "blob", "@" + Fixtures.path("op/blobs/verify_blob.txt")));
    failsWithOneLine(CliRun.of("decode", "l1-info", "0x015d8eb9"));
    failsWithOneLine(CliRun.of("decode", "batcher-tx", "@" + dir.resolve("absent")));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
