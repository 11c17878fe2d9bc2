package dev.opsim.devnet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.devnet.UserError;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hex;
import dev.opsim.protocol.batch.Batch;
import dev.opsim.protocol.batch.BatchCodec;
import dev.opsim.protocol.batch.SingularBatch;
import dev.opsim.protocol.batch.SpanBatch;
import dev.opsim.protocol.batch.SpanTxData;
import dev.opsim.protocol.blob.BlobCodec;
import dev.opsim.protocol.channel.BatcherTxData;
import dev.opsim.protocol.channel.ChannelCompression;
import dev.opsim.protocol.channel.Decompressed;
import dev.opsim.protocol.channel.ChannelReader;
import dev.opsim.protocol.channel.ChannelContent;
import dev.opsim.protocol.channel.ChannelRules;
import dev.opsim.protocol.channel.Frame;
import dev.opsim.protocol.deposit.DepositTx;
import dev.opsim.protocol.l1info.L1BlockInfo;
import dev.opsim.protocol.tx.Transaction;
import java.util.List;
import java.util.Locale;
import org.apache.tuweni.bytes.Bytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code opsim decode ...}: the OP Stack decoders for researchers. Each subcommand takes hex or {@code @FILE} and
 * prints one JSON document; malformed input is one line on stderr and exit code 1.
 */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = "Decodes OP Stack data (hex or @FILE with hex text or raw bytes) and prints JSON.",
    subcommands = {
      DecodeCommand.DepositTxCommand.class,
      DecodeCommand.L1InfoCommand.class,
      DecodeCommand.BatcherTxCommand.class,
      DecodeCommand.ChannelCommand.class,
      DecodeCommand.BlobCommand.class
    })
public final class DecodeCommand {

  /** Shared plumbing: read the input argument, print the JSON, turn decode errors into one-line user errors. */
  abstract static class Subcommand implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "hex (0x optional), or @FILE holding hex text or raw bytes")
    String input;

    @Override
    public final void run() {
      byte[] bytes = ByteInput.read(input);
      try {
        spec.commandLine().getOut().println(Json.write(decode(bytes)));
      } catch (DecodeException e) {
        throw new UserError(spec.name() + ": " + e.getMessage());
      }
    }

    abstract Object decode(byte[] bytes) throws DecodeException;
  }

  @Command(name = "deposit-tx", mixinStandardHelpOptions = true,
      description = "A deposit transaction (type 0x7E): its fields and hash.")
  static final class DepositTxCommand extends Subcommand {
    @Override
    Object decode(byte[] bytes) throws DecodeException {
      DepositTx tx = DepositTx.decode(bytes);
      ObjectNode out = Json.object();
      out.put("type", "0x7e");
      out.put("sourceHash", tx.sourceHash().toString());
      out.put("from", tx.from().toString());
      out.put("to", tx.to().map(Object::toString).orElse(null));
      Json.put(out, "mint", tx.mint());
      Json.put(out, "value", tx.value());
      Json.putUnsigned(out, "gas", tx.gas());
      out.put("isSystemTx", tx.isSystemTx());
      Json.put(out, "data", tx.data());
      out.put("hash", tx.hash().toString());
      return out;
    }
  }

  @Command(name = "l1-info", mixinStandardHelpOptions = true,
      description = "L1 attributes calldata (or the whole L1 info deposit tx): its fields and layout.")
  static final class L1InfoCommand extends Subcommand {
    @Override
    Object decode(byte[] bytes) throws DecodeException {
      byte[] calldata = bytes.length > 0 && (bytes[0] & 0xff) == DepositTx.TYPE
          ? DepositTx.decode(bytes).data().toArrayUnsafe()
          : bytes;
      L1BlockInfo info = L1BlockInfo.decode(calldata);
      ObjectNode out = Json.object();
      out.put("layout", info.layout().name().toLowerCase(Locale.ROOT));
      out.setAll(Json.ofRecord((Record) info));
      return out;
    }
  }

  @Command(name = "batcher-tx", mixinStandardHelpOptions = true,
      description = "Batcher transaction data (calldata starting with the version byte, or a whole signed L1 tx): "
          + "its frames.")
  static final class BatcherTxCommand extends Subcommand {
    @Override
    Object decode(byte[] bytes) throws DecodeException {
      return framesJson(batcherCalldata(bytes));
    }

    /** Calldata starts with the derivation version byte 0; anything else must be a signed L1 transaction. */
    private static byte[] batcherCalldata(byte[] bytes) throws DecodeException {
      if (bytes.length > 0 && bytes[0] == 0) {
        return bytes;
      }
      try {
        return Transaction.decode(bytes).data().toArrayUnsafe();
      } catch (DecodeException e) {
        throw new DecodeException("neither batcher calldata (version byte 0) nor a signed L1 transaction: "
            + e.getMessage(), e);
      }
    }
  }

  /**
   * Every batch payload of the channel in order. One that does not decode is listed as
   * {@code {"type":"invalid","error":...}} and the listing goes on (op-node would end the channel there; a tool
   * shows what follows too). A span batch whose tx data would fail conversion carries {@code invalidTxData}.
   * Only a channel that cannot be opened at all is an error.
   */
  @Command(name = "channel", mixinStandardHelpOptions = true,
      description = "The concatenated frame data of one channel: compression, size and batches "
          + "(an undecodable batch is listed as type \"invalid\" with its error).")
  static final class ChannelCommand extends Subcommand {
    @Override
    Object decode(byte[] bytes) throws DecodeException {
      Decompressed decompressed = ChannelCompression.decompress(Bytes.wrap(bytes), ChannelRules.FJORD);
      ChannelContent content = ChannelReader.readBatches(decompressed.data());
      ObjectNode out = Json.object();
      out.put("compression", decompressed.algorithm().name().toLowerCase(Locale.ROOT));
      out.put("decompressedSize", decompressed.data().size());
      if (!content.complete()) {
        out.put("stopReason", content.stopReason());
      }
      ArrayNode batches = out.putArray("batches");
      List<Bytes> payloads = content.batches();
      for (Bytes payload : payloads) {
        try {
          batches.add(batchJson(BatchCodec.decode(payload)));
        } catch (DecodeException e) {
          ObjectNode invalid = batches.addObject();
          invalid.put("type", "invalid");
          invalid.put("error", e.getMessage());
        }
      }
      return out;
    }
  }

  @Command(name = "blob", mixinStandardHelpOptions = true,
      description = "An EIP-4844 blob with OP blob encoding version 0: its payload, and the frames when the payload "
          + "is batcher data.")
  static final class BlobCommand extends Subcommand {
    @Override
    Object decode(byte[] bytes) throws DecodeException {
      Bytes payload = BlobCodec.decode(bytes);
      ObjectNode out = Json.object();
      Json.put(out, "data", payload);
      if (!payload.isEmpty() && payload.get(0) == 0) {
        try {
          out.setAll(framesJson(payload.toArrayUnsafe()));
        } catch (DecodeException e) {
          out.put("framesError", e.getMessage());
        }
      }
      return out;
    }
  }

  static ObjectNode framesJson(byte[] calldata) throws DecodeException {
    List<Frame> frames = BatcherTxData.parse(calldata);
    ObjectNode out = Json.object();
    out.put("version", calldata[0] & 0xff);
    ArrayNode list = out.putArray("frames");
    for (Frame f : frames) {
      ObjectNode frame = list.addObject();
      frame.put("channelId", Hex.encode(f.channelId().toArray()));
      frame.put("frameNumber", f.frameNumber());
      frame.put("dataLength", f.data().size());
      frame.put("isLast", f.isLast());
    }
    return out;
  }

  static ObjectNode batchJson(Batch batch) {
    ObjectNode out = Json.object();
    switch (batch) {
      case SingularBatch s -> {
        out.put("type", "singular");
        out.put("parentHash", s.parentHash().toString());
        Json.putUnsigned(out, "epochNum", s.epochNum());
        out.put("epochHash", s.epochHash().toString());
        Json.putUnsigned(out, "timestamp", s.timestamp());
        out.put("txCount", s.transactions().size());
      }
      case SpanBatch s -> {
        out.put("type", "span");
        Json.putUnsigned(out, "relTimestamp", s.relTimestamp());
        Json.putUnsigned(out, "l1OriginNum", s.l1OriginNum());
        Json.put(out, "parentCheck", s.parentCheck());
        Json.put(out, "l1OriginCheck", s.l1OriginCheck());
        out.put("blockCount", s.blockCount());
        out.put("txCount", s.blockTxCounts().stream().mapToLong(Integer::longValue).sum());
        ArrayNode blocks = out.putArray("blocks");
        List<Long> epochs = s.blockEpochNumbers();
        for (int i = 0; i < s.blockCount(); i++) {
          ObjectNode block = blocks.addObject();
          Json.putUnsigned(block, "epochNum", epochs.get(i));
          block.put("txCount", s.blockTxCounts().get(i));
        }
        // tx_datas are only framed by the decoder; derivation checks them when converting and drops the batch.
        List<Bytes> datas = s.txs().datas();
        for (int i = 0; i < datas.size(); i++) {
          try {
            SpanTxData.decode(datas.get(i));
          } catch (DecodeException e) {
            out.put("invalidTxData", "tx " + i + ": " + e.getMessage());
            break;
          }
        }
      }
    }
    return out;
  }
}
