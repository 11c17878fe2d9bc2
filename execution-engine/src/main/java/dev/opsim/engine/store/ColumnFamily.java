package dev.opsim.engine.store;

import java.nio.charset.StandardCharsets;

/**
 * The column families of a chain database (architecture.md "Storage"). Each is a separate key space; the RocksDB
 * store creates all of them when it opens a directory. The name is what RocksDB records on disk, so never rename
 * one.
 */
public enum ColumnFamily {
  /** keccak(node RLP) → node RLP, for every trie (state and storage) of every block. */
  TRIE_NODES("trie-nodes"),
  /** keccak(code) → contract code. */
  CODE("code"),
  /** block hash → encoded header. */
  HEADERS("headers"),
  /** block hash → encoded body (transactions, withdrawals). */
  BODIES("bodies"),
  /** block hash → encoded receipts of the block. */
  RECEIPTS("receipts"),
  /** block number (8 bytes big-endian, so keys sort by number) → hash of the canonical block at that height. */
  CANONICAL("canonical"),
  /** tx hash → block hash (32 bytes) and index in the block (4 bytes big-endian). */
  TX_LOOKUP("tx-lookup"),
  /** ASCII name → value: head, safe and finalized pointers, chain id, genesis hash, schema version. */
  METADATA("metadata");

  private final String dbName;

  ColumnFamily(String dbName) {
    this.dbName = dbName;
  }

  /** The column family's name in the database. */
  public String dbName() {
    return dbName;
  }

  byte[] dbNameBytes() {
    return dbName.getBytes(StandardCharsets.US_ASCII);
  }
}
