package dev.opsim.protocol.channel;

/**
 * The fork-dependent limits for reading a channel (protocol-reference 5.1, 5.5, 13). Which one applies is
 * decided by the caller from the timestamp of the L1 block whose data is being processed.
 *
 * @param maxRlpBytesPerChannel MAX_RLP_BYTES_PER_CHANNEL: decompressed bytes read at most
 * @param brotliAllowed whether a {@code 0x01} brotli channel is accepted (Fjord)
 */
public record ChannelRules(long maxRlpBytesPerChannel, boolean brotliAllowed) {
  public static final long MAX_RLP_BYTES_PER_CHANNEL_BEDROCK = 10_000_000L;
  public static final long MAX_RLP_BYTES_PER_CHANNEL_FJORD = 100_000_000L;

  /** Bedrock through Ecotone. */
  public static final ChannelRules BEDROCK = new ChannelRules(MAX_RLP_BYTES_PER_CHANNEL_BEDROCK, false);
  /** Fjord and later. */
  public static final ChannelRules FJORD = new ChannelRules(MAX_RLP_BYTES_PER_CHANNEL_FJORD, true);

  /** The most a Java array holds; a larger cap could not be honoured. */
  static final long LARGEST_CAP = Integer.MAX_VALUE - 8;

  public ChannelRules {
    if (maxRlpBytesPerChannel <= 0 || maxRlpBytesPerChannel > LARGEST_CAP) {
      throw new IllegalArgumentException("maxRlpBytesPerChannel must be in 1.." + LARGEST_CAP);
    }
  }

  public static ChannelRules forFjord(boolean fjordActive) {
    return fjordActive ? FJORD : BEDROCK;
  }
}
