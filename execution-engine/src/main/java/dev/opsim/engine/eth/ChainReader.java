package dev.opsim.engine.eth;

import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.chain.Receipt;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/** Block lookups by {@link BlockRef} over an {@link EthBackend}, and decoding of stored transactions. */
final class ChainReader {
  private final EthBackend backend;

  ChainReader(EthBackend backend) {
    this.backend = backend;
  }

  EthBackend backend() {
    return backend;
  }

  /** A header and its hash. */
  record Located(Hash hash, BlockHeader header) {}

  Located head() {
    return find(BlockRef.LATEST).orElseThrow(() -> new StateUnavailableException("no head block"));
  }

  /** The block a reference names, empty when there is none (geth: JSON null). */
  Optional<Located> find(BlockRef ref) {
    Optional<Hash> hash = switch (ref) {
      case BlockRef.Tagged t -> backend.taggedHash(t.tag());
      case BlockRef.Numbered n -> backend.canonicalHash(n.number());
      case BlockRef.ByHash h -> Optional.of(h.hash());
    };
    if (hash.isEmpty()) {
      return Optional.empty();
    }
    Optional<BlockHeader> header = backend.header(hash.get());
    if (header.isEmpty()) {
      return Optional.empty();
    }
    if (ref instanceof BlockRef.ByHash h && h.requireCanonical()
        && !backend.canonicalHash(header.get().number()).equals(hash)) {
      return Optional.empty();
    }
    return Optional.of(new Located(hash.get(), header.get()));
  }

  /** The number a reference resolves to on the canonical chain, empty if none. */
  Optional<Long> number(BlockRef ref) {
    if (ref instanceof BlockRef.Numbered n) {
      return Optional.of(n.number());
    }
    return find(ref).map(l -> l.header().number());
  }

  Optional<Block> block(Hash hash) {
    return backend.block(hash);
  }

  static List<BlockTransaction> transactions(Block block) {
    List<BlockTransaction> txs = new ArrayList<>(block.transactions().size());
    for (Bytes raw : block.transactions()) {
      txs.add(decodeStored(raw));
    }
    return txs;
  }

  static BlockTransaction decodeStored(Bytes raw) {
    try {
      return BlockTransaction.decode(raw);
    } catch (DecodeException e) {
      throw new IllegalStateException("a stored transaction does not decode: " + e.getMessage(), e);
    }
  }

  List<Receipt> receipts(Hash blockHash) {
    return backend.receipts(blockHash).orElseThrow(
        () -> new StateUnavailableException("receipts of block " + blockHash + " are missing"));
  }
}
