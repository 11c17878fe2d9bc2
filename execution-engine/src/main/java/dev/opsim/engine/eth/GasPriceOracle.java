package dev.opsim.engine.eth;

import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.Receipt;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The tip suggestion behind eth_maxPriorityFeePerGas and eth_gasPrice (= tip + head base fee), as geth's
 * gasprice oracle: on OP chains op-geth's SuggestOptimismPriorityFee (the minimum unless the head block was at
 * capacity, then 10% over its median tip); on L1 the 60th percentile of the 3 lowest tips of each of the last 20
 * blocks (ignoring tips under 2 wei and the coinbase's own transactions). Cached per head.
 */
final class GasPriceOracle {
  private static final int SAMPLES_PER_BLOCK = 3;

  private final ChainReader chain;
  private final EthConfig config;
  private final SenderCache senders;
  private final boolean optimism;
  private Hash lastHead;
  private BigInteger lastPrice;

  GasPriceOracle(ChainReader chain, EthConfig config, SenderCache senders, boolean optimism) {
    this.chain = chain;
    this.config = config;
    this.senders = senders;
    this.optimism = optimism;
    this.lastPrice = optimism ? config.minSuggestedPriorityFee() : config.defaultGasPrice();
  }

  synchronized BigInteger suggestTip() {
    ChainReader.Located head = chain.head();
    if (head.hash().equals(lastHead)) {
      return lastPrice;
    }
    BigInteger price = optimism ? optimismTip(head) : sampledTip(head);
    lastHead = head.hash();
    lastPrice = price;
    return price;
  }

  private BigInteger optimismTip(ChainReader.Located head) {
    BigInteger suggestion = config.minSuggestedPriorityFee();
    Optional<List<Receipt>> receipts = chain.backend().receipts(head.hash());
    if (receipts.isEmpty()) {
      return suggestion;
    }
    long maxTxGasUsed = 0;
    long previous = 0;
    for (Receipt r : receipts.get()) {
      maxTxGasUsed = Math.max(maxTxGasUsed, r.cumulativeGasUsed() - previous);
      previous = r.cumulativeGasUsed();
    }
    long gasLimit = head.header().gasLimit();
    if (maxTxGasUsed > gasLimit) {
      return suggestion;
    }
    if (head.header().gasUsed() + maxTxGasUsed > gasLimit) {
      Optional<Block> block = chain.block(head.hash());
      if (block.isPresent() && !block.get().transactions().isEmpty()) {
        BigInteger baseFee = head.header().baseFeePerGas().orElse(null);
        List<BigInteger> tips = new ArrayList<>();
        for (BlockTransaction tx : ChainReader.transactions(block.get())) {
          tips.add(BlockTransaction.effectiveTip(tx, baseFee));
        }
        tips.sort(Comparator.naturalOrder());
        BigInteger median = tips.get(tips.size() / 2);
        BigInteger raised = median.add(median.divide(BigInteger.TEN));
        if (raised.compareTo(suggestion) > 0) {
          suggestion = raised;
        }
      }
    }
    return suggestion.min(config.maxGasPrice());
  }

  private BigInteger sampledTip(ChainReader.Located head) {
    List<BigInteger> results = new ArrayList<>();
    long number = head.header().number();
    int limit = config.gasPriceBlocks();
    int sent = 0;
    while (sent < limit && number > 0) {
      sent++;
      List<BigInteger> values = blockTips(number--);
      if (values.isEmpty()) {
        values = List.of(lastPrice);
      }
      // geth samples further back when a block gave a single value, up to twice the block count.
      if (values.size() == 1 && limit < 2 * config.gasPriceBlocks()) {
        limit++;
      }
      results.addAll(values);
    }
    BigInteger price = lastPrice;
    if (!results.isEmpty()) {
      results.sort(Comparator.naturalOrder());
      price = results.get((results.size() - 1) * config.gasPricePercentile() / 100);
    }
    return price.min(config.maxGasPrice());
  }

  private List<BigInteger> blockTips(long number) {
    Optional<ChainReader.Located> located = chain.find(new BlockRef.Numbered(number));
    if (located.isEmpty()) {
      return List.of();
    }
    Optional<Block> block = chain.block(located.get().hash());
    if (block.isEmpty()) {
      return List.of();
    }
    BigInteger baseFee = located.get().header().baseFeePerGas().orElse(null);
    Address coinbase = located.get().header().coinbase();
    List<BlockTransaction> txs = new ArrayList<>(ChainReader.transactions(block.get()));
    txs.sort(Comparator.comparing(tx -> BlockTransaction.effectiveTip(tx, baseFee)));
    List<BigInteger> prices = new ArrayList<>();
    for (BlockTransaction tx : txs) {
      BigInteger tip = BlockTransaction.effectiveTip(tx, baseFee);
      if (tip.compareTo(config.ignoreGasPrice()) < 0) {
        continue;
      }
      if (!senders.sender(tx).equals(coinbase)) {
        prices.add(tip);
        if (prices.size() >= SAMPLES_PER_BLOCK) {
          break;
        }
      }
    }
    return prices;
  }
}
