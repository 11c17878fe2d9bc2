package dev.opsim.engine.blockchain;

import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * A chain whose every block is a function of its number: block n holds {@link #TXS_PER_BLOCK} transfers from the
 * dev account, so any two builders (a crashed child and an in-memory replay) produce the same hashes.
 */
final class DeterministicChain {
  static final long CHAIN_ID = 1337;
  static final int TXS_PER_BLOCK = 20;

  private DeterministicChain() {}

  static Blockchain open(dev.opsim.engine.store.ChainStore store) throws GenesisMismatchException {
    return Blockchain.open(store, TestChains.genesis(CHAIN_ID, false));
  }

  static Address recipient(long block, int i) {
    byte[] a = new byte[20];
    a[0] = 0x7a;
    a[10] = (byte) (block >>> 8);
    a[11] = (byte) block;
    a[19] = (byte) i;
    return new Address(Bytes.wrap(a));
  }

  /** Builds block {@code head.number() + 1} and makes it the head. */
  static Block extend(Blockchain chain) throws BuildException {
    BlockHeader head = chain.head();
    long number = head.number() + 1;
    List<Bytes> txs = new ArrayList<>();
    for (int i = 0; i < TXS_PER_BLOCK; i++) {
      long nonce = (number - 1) * TXS_PER_BLOCK + i;
      txs.add(TestChains.transfer(TestChains.DEV_KEY, CHAIN_ID, nonce, recipient(number, i),
          BigInteger.valueOf(number * 1000 + i), 21_000, Bytes.EMPTY));
    }
    BuiltBlock built = new BlockBuilder(chain, Optional.empty())
        .build(TestChains.request(head.hash(), head.timestamp() + 12, txs));
    Hash hash = built.block().hash();
    chain.forkchoice(hash, hash, Hash.ZERO);
    return built.block();
  }
}
