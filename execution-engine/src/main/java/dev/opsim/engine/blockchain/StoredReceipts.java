package dev.opsim.engine.blockchain;

import dev.opsim.engine.chain.Receipt;
import dev.opsim.engine.rlp.Rlp;
import dev.opsim.protocol.DecodeException;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * A block's receipts as the store keeps them: an RLP list of each receipt's consensus encoding (typed receipts as
 * byte strings). Everything else an RPC receipt shows (gas used per transaction, effective price, contract
 * address, log positions) follows from the block.
 */
final class StoredReceipts {
  private StoredReceipts() {}

  static Bytes encode(List<Receipt> receipts) {
    byte[][] items = new byte[receipts.size()][];
    for (int i = 0; i < items.length; i++) {
      items[i] = Rlp.encodeString(receipts.get(i).encode().toArrayUnsafe());
    }
    return Bytes.wrap(Rlp.encodeList(items));
  }

  static List<Receipt> decode(Bytes stored) throws DecodeException {
    byte[] buf = stored.toArrayUnsafe();
    Rlp.Item list = Rlp.readWholeList(buf, "stored receipts");
    List<Receipt> receipts = new ArrayList<>();
    for (int pos = list.payloadStart(); pos < list.end(); ) {
      Rlp.Item item = Rlp.readItem(buf, pos, list.end(), "stored receipt " + receipts.size());
      if (item.list()) {
        throw new DecodeException("stored receipt " + receipts.size() + " is a list, expected a byte string");
      }
      receipts.add(Receipt.decode(Bytes.wrap(buf, item.payloadStart(), item.payloadLength())));
      pos = item.end();
    }
    return receipts;
  }
}
