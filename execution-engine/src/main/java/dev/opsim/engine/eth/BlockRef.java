package dev.opsim.engine.eth;

import dev.opsim.protocol.Hash;
import java.util.Objects;

/**
 * Which block a request means: a tag, a number, or (EIP-1898) a hash, optionally required to be canonical.
 */
public sealed interface BlockRef {
  BlockRef LATEST = new Tagged(BlockTag.LATEST);

  record Tagged(BlockTag tag) implements BlockRef {
    public Tagged {
      Objects.requireNonNull(tag, "tag");
    }
  }

  /** A canonical block by number (uint64). */
  record Numbered(long number) implements BlockRef {}

  /** A block by hash; with {@code requireCanonical} a block off the canonical chain counts as not found. */
  record ByHash(Hash hash, boolean requireCanonical) implements BlockRef {
    public ByHash {
      Objects.requireNonNull(hash, "hash");
    }
  }
}
