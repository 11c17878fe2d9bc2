package dev.opsim.engine.txpool;

/** A transaction that left the pool, and why. */
public record Removal(PooledTransaction tx, RemovalReason reason) {}
