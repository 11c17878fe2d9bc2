package dev.opsim.engine.eth;

import static dev.opsim.engine.eth.Quantities.quantity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.engine.chain.BlobGas;
import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.chain.Receipt;
import dev.opsim.engine.rpc.RpcException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * eth_feeHistory as geth's gasprice oracle computes it (eth/gasprice/feehistory.go): per block the base fee, the
 * gas used ratio, the blob base fee and blob gas ratio, and the requested percentiles of effective tips weighted
 * by gas used; base fees (normal and blob) have one more entry, for the block after the newest.
 */
final class FeeHistory {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int MAX_PERCENTILES = 100;

  private FeeHistory() {}

  static ObjectNode compute(ChainReader chain, long requestedBlocks, BlockRef newest, double[] percentiles,
      int maxBlocks) throws RpcException {
    if (percentiles.length > MAX_PERCENTILES) {
      throw RpcException.serverError("invalid reward percentile: over the query limit " + MAX_PERCENTILES);
    }
    for (int i = 0; i < percentiles.length; i++) {
      double p = percentiles[i];
      if (!(p >= 0 && p <= 100)) {
        throw RpcException.serverError("invalid reward percentile: " + p);
      }
      if (i > 0 && p <= percentiles[i - 1]) {
        throw RpcException.serverError("invalid reward percentile: #" + (i - 1) + ":" + percentiles[i - 1]
            + " >= #" + i + ":" + p);
      }
    }
    ObjectNode empty = JSON.objectNode();
    empty.set("oldestBlock", quantity(0));
    empty.putArray("gasUsedRatio");
    if (requestedBlocks == 0) {
      return empty;
    }
    // The count is a uint64: anything above the limit (including what a signed long sees as negative) is cut.
    long blocks = requestedBlocks < 0 || requestedBlocks > maxBlocks ? maxBlocks : requestedBlocks;
    long head = chain.head().header().number();
    long last;
    if (newest instanceof BlockRef.Numbered n) {
      if (Long.compareUnsigned(n.number(), head) > 0) {
        throw RpcException.serverError("request beyond head block: requested " + Long.toUnsignedString(n.number())
            + ", head " + head);
      }
      last = n.number();
    } else {
      Optional<ChainReader.Located> resolved = chain.find(newest);
      if (resolved.isEmpty()) {
        return empty;
      }
      last = resolved.get().header().number();
    }
    if (last + 1 < blocks) {
      blocks = last + 1;
    }
    long oldest = last + 1 - blocks;
    ArrayNode reward = JSON.arrayNode();
    ArrayNode baseFees = JSON.arrayNode();
    ArrayNode gasUsedRatio = JSON.arrayNode();
    ArrayNode blobBaseFees = JSON.arrayNode();
    ArrayNode blobGasUsedRatio = JSON.arrayNode();
    BigInteger nextBaseFee = null;
    BigInteger nextBlobBaseFee = null;
    for (long number = oldest; number <= last; number++) {
      Optional<ChainReader.Located> found = chain.find(new BlockRef.Numbered(number));
      if (found.isEmpty()) {
        break;
      }
      BlockHeader h = found.get().header();
      baseFees.add(quantity(h.baseFeePerGas().orElse(BigInteger.ZERO)));
      gasUsedRatio.add(h.gasLimit() == 0 ? 0.0 : (double) h.gasUsed() / (double) h.gasLimit());
      if (h.excessBlobGas().isPresent()) {
        long excess = h.excessBlobGas().getAsLong();
        long used = h.blobGasUsed().orElse(0);
        blobBaseFees.add(quantity(BlobGas.blobBaseFee(excess)));
        blobGasUsedRatio.add((double) used / (double) BlobGas.MAX_BLOB_GAS_PER_BLOCK);
        nextBlobBaseFee = BlobGas.blobBaseFee(BlobGas.excessBlobGas(excess, used));
      } else {
        blobBaseFees.add(quantity(0));
        blobGasUsedRatio.add(0.0);
        nextBlobBaseFee = BigInteger.ZERO;
      }
      nextBaseFee = h.baseFeePerGas().isPresent() ? chain.backend().nextBaseFee(h) : BigInteger.ZERO;
      if (percentiles.length > 0) {
        reward.add(rewards(chain, found.get(), percentiles));
      }
    }
    if (baseFees.isEmpty()) {
      return empty;
    }
    baseFees.add(quantity(nextBaseFee));
    blobBaseFees.add(quantity(nextBlobBaseFee));
    ObjectNode o = JSON.objectNode();
    o.set("oldestBlock", quantity(oldest));
    if (percentiles.length > 0) {
      o.set("reward", reward);
    }
    o.set("baseFeePerGas", baseFees);
    o.set("gasUsedRatio", gasUsedRatio);
    o.set("baseFeePerBlobGas", blobBaseFees);
    o.set("blobGasUsedRatio", blobGasUsedRatio);
    return o;
  }

  private record GasAndReward(long gasUsed, BigInteger reward) {}

  private static ArrayNode rewards(ChainReader chain, ChainReader.Located located, double[] percentiles) {
    ArrayNode row = JSON.arrayNode();
    Block block = chain.block(located.hash()).orElseThrow(
        () -> new StateUnavailableException("block " + located.hash() + " is missing"));
    List<BlockTransaction> txs = ChainReader.transactions(block);
    if (txs.isEmpty()) {
      for (int i = 0; i < percentiles.length; i++) {
        row.add(quantity(0));
      }
      return row;
    }
    List<Receipt> receipts = chain.receipts(located.hash());
    BigInteger baseFee = located.header().baseFeePerGas().orElse(null);
    List<GasAndReward> sorted = new ArrayList<>();
    long previous = 0;
    for (int i = 0; i < txs.size(); i++) {
      long cumulative = receipts.get(i).cumulativeGasUsed();
      sorted.add(new GasAndReward(cumulative - previous, BlockTransaction.effectiveTip(txs.get(i), baseFee)));
      previous = cumulative;
    }
    sorted.sort(Comparator.comparing(GasAndReward::reward));
    int index = 0;
    long sumGasUsed = sorted.get(0).gasUsed();
    for (double p : percentiles) {
      long threshold = (long) ((double) located.header().gasUsed() * p / 100);
      while (sumGasUsed < threshold && index < sorted.size() - 1) {
        index++;
        sumGasUsed += sorted.get(index).gasUsed();
      }
      row.add(quantity(sorted.get(index).reward()));
    }
    return row;
  }
}
