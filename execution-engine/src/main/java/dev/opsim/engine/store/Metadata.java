package dev.opsim.engine.store;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;

/** The names under which the chain store keeps its own entries in {@link ColumnFamily#METADATA}. */
final class Metadata {
  static final String HEAD = "head";
  static final String SAFE = "safe";
  static final String FINALIZED = "finalized";
  static final String CHAIN_ID = "chain-id";
  static final String GENESIS_HASH = "genesis-hash";
  /** Layout version of the whole database, checked on open so an incompatible future layout fails clearly. */
  static final String SCHEMA_VERSION = "schema-version";

  private static final Set<String> RESERVED = Set.of(HEAD, SAFE, FINALIZED, CHAIN_ID, GENESIS_HASH,
      SCHEMA_VERSION);

  private Metadata() {}

  static boolean isReserved(String key) {
    return RESERVED.contains(key);
  }

  static Bytes key(String name) {
    return Bytes.wrap(name.getBytes(StandardCharsets.UTF_8));
  }
}
