package dev.opsim.engine.api;

import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.chain.BlockRoots;
import dev.opsim.engine.chain.LogsBloom;
import dev.opsim.engine.genesis.ChainConfig;
import dev.opsim.engine.genesis.OptimismParams;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.config.Fork;
import dev.opsim.protocol.deposit.DepositTx;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;

/** Chain configs and blocks the Engine API tests share. */
final class EngineTestData {

  /** OP chain with staged forks: Bedrock below 100, Canyon from 100, Ecotone from 200, Holocene from 300. */
  static final long CANYON = 100;
  static final long ECOTONE = 200;
  static final long HOLOCENE = 300;

  static final Hash BEACON_ROOT = Hash.fromHex("0x" + "bb".repeat(32));
  static final Address SEQUENCER_FEE_VAULT = Address.fromHex("0x4200000000000000000000000000000000000011");

  private EngineTestData() {}

  static ChainConfig opStaged() {
    Map<Fork, Long> times = new EnumMap<>(Fork.class);
    times.put(Fork.REGOLITH, 0L);
    times.put(Fork.CANYON, CANYON);
    times.put(Fork.DELTA, CANYON);
    times.put(Fork.ECOTONE, ECOTONE);
    times.put(Fork.FJORD, ECOTONE);
    times.put(Fork.GRANITE, ECOTONE);
    times.put(Fork.HOLOCENE, HOLOCENE);
    return new ChainConfig(BigInteger.valueOf(901), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
        OptionalLong.empty(), Optional.of(BigInteger.ZERO),
        Optional.of(new OptimismParams(OptionalLong.of(0), times, 6, 50, OptionalLong.of(250))));
  }

  static ChainConfig l1Cancun() {
    return new ChainConfig(BigInteger.valueOf(900), OptionalLong.of(0), OptionalLong.of(0), OptionalLong.of(0),
        OptionalLong.empty(), Optional.of(BigInteger.ZERO), Optional.empty());
  }

  static Bytes deposit(int seed) {
    DepositTx tx = new DepositTx(Hash.ofLong(seed), Address.fromHex("0xdeaddeaddeaddeaddeaddeaddeaddeaddead0001"),
        Optional.of(Address.fromHex("0x4200000000000000000000000000000000000015")), BigInteger.ZERO,
        BigInteger.ZERO, 1_000_000, false, Bytes.fromHexString("0x440a5e20" + "00".repeat(seed % 5)));
    return Bytes.wrap(tx.encode());
  }

  /** A sealed-looking block at {@code timestamp} in the header shape its fork needs on {@link #opStaged()}. */
  static Block block(Hash parent, long number, long timestamp, List<Bytes> txs, Bytes extraData) {
    boolean canyon = timestamp >= CANYON;
    boolean ecotone = timestamp >= ECOTONE;
    BlockHeader header = new BlockHeader(parent, BlockHeader.EMPTY_OMMERS_HASH, SEQUENCER_FEE_VAULT,
        Hash.ofLong(7 + number), BlockRoots.transactionsRoot(txs), Hash.ofLong(8 + number), LogsBloom.EMPTY,
        BigInteger.ZERO, number, 30_000_000, 21_000 * txs.size(), timestamp, extraData, Hash.ofLong(9),
        0, Optional.of(BigInteger.valueOf(1_000_000_007)),
        canyon ? Optional.of(BlockRoots.withdrawalsRoot(List.of())) : Optional.empty(),
        ecotone ? OptionalLong.of(0) : OptionalLong.empty(), ecotone ? OptionalLong.of(0) : OptionalLong.empty(),
        ecotone ? Optional.of(BEACON_ROOT) : Optional.empty(), Optional.empty());
    return new Block(header, txs, canyon ? Optional.of(List.of()) : Optional.empty());
  }

  static Block block(long timestamp) {
    return block(Hash.ofLong(1), 5, timestamp, List.of(deposit(1), deposit(2)),
        timestamp >= HOLOCENE ? Bytes.fromHexString("0x00000000fa00000006") : Bytes.EMPTY);
  }

  /** Ecotone-era OP attributes as op-node sends them. */
  static PayloadAttributes attributes(long timestamp) {
    return new PayloadAttributes(timestamp, Hash.ofLong(3), SEQUENCER_FEE_VAULT, Optional.of(List.of()),
        Optional.of(BEACON_ROOT), List.of(deposit(1), deposit(2)), true, OptionalLong.of(30_000_000),
        timestamp >= HOLOCENE ? Optional.of(Bytes.fromHexString("0x000000fa00000006")) : Optional.empty(),
        OptionalLong.empty());
  }
}
