package dev.opsim.protocol.config;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A rollup's consensus parameters, as op-node's {@code rollup.json} states them (protocol-reference 5.1, 13).
 *
 * <p>Timestamps and block counts are uint64 values held in {@code long}s and compared unsigned. {@code forkTimes}
 * holds the activation time of each configured fork; an absent fork never activates. Each configured fork
 * requires every earlier fork to be configured at the same time or earlier (op-node's {@code Config.Check}).
 *
 * <p>{@code maxSequencerDriftBedrock} and {@code channelTimeoutBedrock} are the configured values, which later
 * forks replace by constants: use {@link #maxSequencerDrift(long)} and {@link #channelTimeout(long)}.
 */
public record RollupConfig(
    Genesis genesis,
    long blockTime,
    long maxSequencerDriftBedrock,
    long seqWindowSize,
    long channelTimeoutBedrock,
    long l1ChainId,
    long l2ChainId,
    Address batchInboxAddress,
    Address depositContractAddress,
    Address l1SystemConfigAddress,
    Map<Fork, Long> forkTimes) {

  /** From Fjord, keyed on the L1 origin timestamp. */
  public static final long FJORD_MAX_SEQUENCER_DRIFT = 1800;
  /** From Granite, keyed on the L1 inclusion block timestamp. */
  public static final long GRANITE_CHANNEL_TIMEOUT = 50;
  public static final long MAX_RLP_BYTES_PER_CHANNEL_BEDROCK = 10_000_000;
  public static final long MAX_RLP_BYTES_PER_CHANNEL_FJORD = 100_000_000;
  public static final long MAX_CHANNEL_BANK_SIZE_BEDROCK = 100_000_000;
  public static final long MAX_CHANNEL_BANK_SIZE_FJORD = 1_000_000_000;
  /** Cap on blocks and on total transactions of one span batch (op-node applies it as a plain constant). */
  public static final long MAX_SPAN_BATCH_ELEMENT_COUNT = 10_000_000;

  public RollupConfig {
    if (genesis == null || batchInboxAddress == null || depositContractAddress == null
        || l1SystemConfigAddress == null || forkTimes == null) {
      throw new IllegalArgumentException("rollup config fields must not be null");
    }
    EnumMap<Fork, Long> copy = new EnumMap<>(Fork.class);
    for (Map.Entry<Fork, Long> e : forkTimes.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new IllegalArgumentException("fork table has a null fork or time: " + forkTimes);
      }
      copy.put(e.getKey(), e.getValue());
    }
    checkForkOrder(copy);
    forkTimes = Collections.unmodifiableMap(copy);
    if (blockTime == 0) {
      throw new IllegalArgumentException("block_time must not be 0");
    }
    if (Long.compareUnsigned(seqWindowSize, 2) < 0) {
      throw new IllegalArgumentException("seq_window_size must be at least 2, got " + seqWindowSize);
    }
    if (channelTimeoutBedrock == 0) {
      throw new IllegalArgumentException("channel_timeout must not be 0");
    }
    Long fjord = copy.get(Fork.FJORD);
    boolean fjordAtGenesis = fjord != null && Long.compareUnsigned(genesis.l2Time(), fjord) >= 0;
    if (maxSequencerDriftBedrock == 0 && !fjordAtGenesis) {
      throw new IllegalArgumentException("max_sequencer_drift must not be 0 unless Fjord is active at genesis");
    }
    if (l1ChainId <= 0 || l2ChainId <= 0) {
      throw new IllegalArgumentException("chain ids must be positive, got l1 " + l1ChainId + ", l2 " + l2ChainId);
    }
    if (l1ChainId == l2ChainId) {
      throw new IllegalArgumentException("L1 and L2 chain ids must differ, both are " + l1ChainId);
    }
  }

  /** Reads op-node's {@code rollup.json} layout; unknown fields are ignored. */
  public static RollupConfig fromJson(String json) throws DecodeException {
    return RollupConfigJson.read(json);
  }

  /** Writes op-node's {@code rollup.json} layout (unset forks and zero later system-config fields omitted). */
  public String toJson() {
    return RollupConfigJson.write(this);
  }

  /** The activation time of {@code fork}, empty if it is not scheduled. */
  public OptionalLong activationTime(Fork fork) {
    Long time = forkTimes.get(fork);
    return time == null ? OptionalLong.empty() : OptionalLong.of(time);
  }

  /** Whether {@code fork} is active at {@code timestamp} (scheduled and {@code timestamp >= time}, unsigned). */
  public boolean isActive(Fork fork, long timestamp) {
    Long time = forkTimes.get(fork);
    return time != null && Long.compareUnsigned(timestamp, time) >= 0;
  }

  /**
   * Whether the L2 block at {@code l2Timestamp} is the first block subject to {@code fork}: the fork is active at
   * this block and not at its parent ({@code l2Timestamp - blockTime}). The genesis block is never an activation
   * block (it has no transactions; a fork active at genesis uses its rules from block 1 on, protocol-reference
   * 4.5), and neither is anything at or before genesis time.
   */
  public boolean isActivationBlock(Fork fork, long l2Timestamp) {
    return isActive(fork, l2Timestamp)
        && Long.compareUnsigned(l2Timestamp, genesis.l2Time()) > 0
        && Long.compareUnsigned(l2Timestamp, blockTime) >= 0
        && !isActive(fork, l2Timestamp - blockTime);
  }

  /** A copy with {@code fork} scheduled at {@code time}, or unscheduled when {@code time} is null. */
  public RollupConfig withForkTime(Fork fork, Long time) {
    EnumMap<Fork, Long> times = new EnumMap<>(Fork.class);
    times.putAll(forkTimes);
    if (time == null) {
      times.remove(fork);
    } else {
      times.put(fork, time);
    }
    return new RollupConfig(genesis, blockTime, maxSequencerDriftBedrock, seqWindowSize, channelTimeoutBedrock,
        l1ChainId, l2ChainId, batchInboxAddress, depositContractAddress, l1SystemConfigAddress, times);
  }

  /** The timestamp of L2 block {@code number}: genesis time plus one block time per block since genesis. */
  public long timestampForBlock(long number) {
    return genesis.l2Time() + (number - genesis.l2().number()) * blockTime;
  }

  /** Maximum L2 time past the L1 origin's time; Fjord makes it a constant (by the L1 origin timestamp). */
  public long maxSequencerDrift(long l1OriginTimestamp) {
    return isActive(Fork.FJORD, l1OriginTimestamp) ? FJORD_MAX_SEQUENCER_DRIFT : maxSequencerDriftBedrock;
  }

  /** Channel timeout in L1 blocks; Granite makes it 50 (by the L1 inclusion block timestamp). */
  public long channelTimeout(long l1InclusionTimestamp) {
    return isActive(Fork.GRANITE, l1InclusionTimestamp) ? GRANITE_CHANNEL_TIMEOUT : channelTimeoutBedrock;
  }

  /** Decompression cap of a channel, by the timestamp of the L1 block whose data is being processed (Fjord). */
  public long maxRlpBytesPerChannel(long l1Timestamp) {
    return isActive(Fork.FJORD, l1Timestamp) ? MAX_RLP_BYTES_PER_CHANNEL_FJORD : MAX_RLP_BYTES_PER_CHANNEL_BEDROCK;
  }

  /** Pre-Holocene channel bank size limit, by the timestamp of the L1 block being processed (Fjord). */
  public long maxChannelBankSize(long l1Timestamp) {
    return isActive(Fork.FJORD, l1Timestamp) ? MAX_CHANNEL_BANK_SIZE_FJORD : MAX_CHANNEL_BANK_SIZE_BEDROCK;
  }

  private static void checkForkOrder(Map<Fork, Long> times) {
    Fork[] forks = Fork.values();
    for (int i = 1; i < forks.length; i++) {
      Long earlier = times.get(forks[i - 1]);
      Long later = times.get(forks[i]);
      if (later == null) {
        continue;
      }
      if (earlier == null) {
        throw new IllegalArgumentException(forks[i].jsonKey() + " is set but the earlier " + forks[i - 1].jsonKey()
            + " is not (each fork implies the earlier ones)");
      }
      if (Long.compareUnsigned(earlier, later) > 0) {
        throw new IllegalArgumentException(forks[i].jsonKey() + " (" + Long.toUnsignedString(later)
            + ") is before the earlier " + forks[i - 1].jsonKey() + " (" + Long.toUnsignedString(earlier) + ")");
      }
    }
  }
}
