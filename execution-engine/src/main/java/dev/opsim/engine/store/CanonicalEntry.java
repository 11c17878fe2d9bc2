package dev.opsim.engine.store;

import dev.opsim.protocol.Hash;
import java.util.Objects;

/** The canonical block at one height. @param number uint64, treated as unsigned */
public record CanonicalEntry(long number, Hash hash) {
  public CanonicalEntry {
    Objects.requireNonNull(hash, "hash");
  }
}
