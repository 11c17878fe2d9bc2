package dev.opsim.engine.statetest;

/** One (test, fork, post index) outcome, in the fields of geth's {@code evm statetest} report. */
public record StateTestResult(
    String name,
    boolean pass,
    String stateRoot,
    String fork,
    String error,
    String logsHash,
    long gasUsed,
    String file,
    int index) {}
