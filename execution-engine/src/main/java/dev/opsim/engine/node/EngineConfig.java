package dev.opsim.engine.node;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How to run one execution engine (flag names as op-geth's where they exist).
 *
 * @param jwtSecretFile the Engine API secret (32 bytes hex); created with a random secret when absent
 * @param devPeriod L1 mode only: produce blocks every N seconds (0 = a block per transaction); empty = no producer
 */
public record EngineConfig(
    Path genesisFile,
    Path dataDir,
    String host,
    int httpPort,
    int authPort,
    Optional<Path> jwtSecretFile,
    OptionalLong devPeriod) {}
