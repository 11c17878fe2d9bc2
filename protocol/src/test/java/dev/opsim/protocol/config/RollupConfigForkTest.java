package dev.opsim.protocol.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RollupConfigForkTest {
  private static final long GENESIS = 1000;
  private static final long BLOCK_TIME = 2;

  /** Regolith at genesis; the others at distinct times, Ecotone's not on a block boundary. */
  private static final Map<Fork, Long> STAGGERED = staggered();

  private static Map<Fork, Long> staggered() {
    Map<Fork, Long> m = new EnumMap<>(Fork.class);
    m.put(Fork.REGOLITH, GENESIS);
    m.put(Fork.CANYON, 1100L);
    m.put(Fork.DELTA, 1200L);
    m.put(Fork.ECOTONE, 1301L);
    m.put(Fork.FJORD, 1400L);
    m.put(Fork.GRANITE, 1500L);
    m.put(Fork.HOLOCENE, 1600L);
    m.put(Fork.ISTHMUS, 1700L);
    m.put(Fork.JOVIAN, 1800L);
    return m;
  }

  private final RollupConfig config = TestConfigs.config(GENESIS, BLOCK_TIME, STAGGERED);

  @ParameterizedTest
  @EnumSource(Fork.class)
  void aForkIsActiveFromItsTimeOn(Fork fork) {
    long t = STAGGERED.get(fork);
    assertFalse(config.isActive(fork, t - 1));
    assertTrue(config.isActive(fork, t));
    assertTrue(config.isActive(fork, t + 1));
    assertTrue(config.isActive(fork, Long.MAX_VALUE));
    assertTrue(config.isActive(fork, -1L), "uint64 max is after every fork time");
  }

  @ParameterizedTest
  @EnumSource(value = Fork.class, names = "REGOLITH", mode = EnumSource.Mode.EXCLUDE)
  void theActivationBlockIsTheFirstBlockAtOrAfterTheForkTime(Fork fork) {
    long t = STAGGERED.get(fork);
    long first = t % 2 == 0 ? t : t + 1;
    assertFalse(config.isActivationBlock(fork, first - BLOCK_TIME));
    assertTrue(config.isActivationBlock(fork, first));
    assertFalse(config.isActivationBlock(fork, first + BLOCK_TIME));
  }

  @Test
  void ecotoneOffTheBlockGridActivatesAtTheNextBlock() {
    assertFalse(config.isActive(Fork.ECOTONE, 1300));
    assertTrue(config.isActivationBlock(Fork.ECOTONE, 1302));
    assertFalse(config.isActivationBlock(Fork.ECOTONE, 1300));
  }

  @Test
  void genesisIsNeverAnActivationBlock() {
    // Regolith at the genesis time: active from genesis, and neither genesis nor block 1 activates it.
    assertTrue(config.isActive(Fork.REGOLITH, GENESIS));
    assertFalse(config.isActivationBlock(Fork.REGOLITH, GENESIS));
    assertFalse(config.isActivationBlock(Fork.REGOLITH, GENESIS + BLOCK_TIME));
    // Every fork at 0 with a later genesis: no activation block anywhere.
    RollupConfig allAtZero = TestConfigs.config(GENESIS, BLOCK_TIME, TestConfigs.allUpTo(Fork.JOVIAN, 0));
    for (Fork f : Fork.values()) {
      for (long t = GENESIS; t <= GENESIS + 10; t += BLOCK_TIME) {
        assertFalse(allAtZero.isActivationBlock(f, t), f + " at " + t);
      }
    }
    // A genesis at time 0 with forks at 0.
    RollupConfig zeroGenesis = TestConfigs.config(0, BLOCK_TIME, TestConfigs.allUpTo(Fork.JOVIAN, 0));
    assertFalse(zeroGenesis.isActivationBlock(Fork.ECOTONE, 0));
    assertFalse(zeroGenesis.isActivationBlock(Fork.ECOTONE, 2));
  }

  @Test
  void aForkOneBlockAfterGenesisActivatesAtBlockOne() {
    Map<Fork, Long> forks = TestConfigs.allUpTo(Fork.DELTA, 0);
    forks.put(Fork.ECOTONE, GENESIS + BLOCK_TIME);
    RollupConfig c = TestConfigs.config(GENESIS, BLOCK_TIME, forks);
    assertFalse(c.isActivationBlock(Fork.ECOTONE, GENESIS));
    assertTrue(c.isActivationBlock(Fork.ECOTONE, GENESIS + BLOCK_TIME));
  }

  @Test
  void unsetForksNeverActivate() {
    RollupConfig bedrock = TestConfigs.config(GENESIS, BLOCK_TIME, Map.of());
    for (Fork f : Fork.values()) {
      assertFalse(bedrock.isActive(f, -1L));
      assertFalse(bedrock.isActivationBlock(f, 5000));
      assertTrue(bedrock.activationTime(f).isEmpty());
    }
  }

  @Test
  void channelTimeoutDropsTo50AtGranite() {
    assertEquals(300, config.channelTimeout(1499));
    assertEquals(50, config.channelTimeout(1500));
    assertEquals(50, config.channelTimeout(1501));
  }

  @Test
  void maxSequencerDriftBecomes1800AtFjord() {
    assertEquals(600, config.maxSequencerDrift(1399));
    assertEquals(1800, config.maxSequencerDrift(1400));
  }

  @Test
  void channelSizeLimitsGrowAtFjord() {
    assertEquals(10_000_000, config.maxRlpBytesPerChannel(1399));
    assertEquals(100_000_000, config.maxRlpBytesPerChannel(1400));
    assertEquals(100_000_000, config.maxChannelBankSize(1399));
    assertEquals(1_000_000_000, config.maxChannelBankSize(1400));
  }

  @Test
  void timestampOfABlockCountsBlockTimesFromGenesis() {
    assertEquals(GENESIS, config.timestampForBlock(0));
    assertEquals(GENESIS + 10 * BLOCK_TIME, config.timestampForBlock(10));
  }

  @Test
  void forksMustBeScheduledInOrder() {
    Map<Fork, Long> gap = new EnumMap<>(STAGGERED);
    gap.remove(Fork.CANYON);
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class, () -> TestConfigs.config(GENESIS, BLOCK_TIME, gap));
    assertTrue(missing.getMessage().contains("canyon_time"), missing.getMessage());
    Map<Fork, Long> backwards = new EnumMap<>(STAGGERED);
    backwards.put(Fork.HOLOCENE, 1499L);
    assertThrows(IllegalArgumentException.class, () -> TestConfigs.config(GENESIS, BLOCK_TIME, backwards));
    // Same time is fine; so is a later fork left unset.
    Map<Fork, Long> same = TestConfigs.allUpTo(Fork.GRANITE, 7);
    assertEquals(7, TestConfigs.config(GENESIS, BLOCK_TIME, same).activationTime(Fork.GRANITE).getAsLong());
  }

  @Test
  void withForkTimeReschedulesAndRevalidates() {
    RollupConfig noJovian = config.withForkTime(Fork.JOVIAN, null);
    assertFalse(noJovian.isActive(Fork.JOVIAN, -1L));
    assertTrue(noJovian.withForkTime(Fork.JOVIAN, 1900L).isActive(Fork.JOVIAN, 1900));
    assertThrows(IllegalArgumentException.class, () -> config.withForkTime(Fork.ISTHMUS, null));
  }

  @Test
  void theForkTableCannotBeChangedFromOutside() {
    Map<Fork, Long> forks = new EnumMap<>(STAGGERED);
    RollupConfig c = TestConfigs.config(GENESIS, BLOCK_TIME, forks);
    forks.remove(Fork.JOVIAN);
    assertTrue(c.isActive(Fork.JOVIAN, 1800));
    assertThrows(UnsupportedOperationException.class, () -> c.forkTimes().remove(Fork.JOVIAN));
  }
}
