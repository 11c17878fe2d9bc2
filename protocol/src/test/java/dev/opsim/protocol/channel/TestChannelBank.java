package dev.opsim.protocol.channel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * Test-only pre-Holocene channel bank (protocol-reference 5.8 step 4, op-node {@code channel_bank.go}) built on
 * {@link Channel}, to replay op-node's channel bank scenarios. Bank-size pruning is left out: the scenarios are
 * far below any limit. The rollup node owns the real one.
 */
final class TestChannelBank {
  private record Entry(Channel channel, long openBlock) {}

  private final long channelTimeout;
  private final boolean canyon;
  private final Map<ChannelId, Entry> channels = new HashMap<>();
  private final List<ChannelId> queue = new ArrayList<>();

  TestChannelBank(long channelTimeout, boolean canyon) {
    this.channelTimeout = channelTimeout;
    this.canyon = canyon;
  }

  private boolean timedOut(Entry e, long currentL1) {
    return e.openBlock() + channelTimeout < currentL1;
  }

  void ingest(Frame frame, long currentL1) {
    Entry entry = channels.get(frame.channelId());
    if (entry == null) {
      entry = new Entry(Channel.open(frame.channelId()), currentL1);
      channels.put(frame.channelId(), entry);
      queue.add(frame.channelId());
    }
    if (timedOut(entry, currentL1)) {
      return;
    }
    entry.channel().add(frame);
  }

  /** The next channel's data, if one can be read now (timed-out head channels are dropped on the way). */
  Optional<Bytes> read(long currentL1) {
    while (!queue.isEmpty() && timedOut(channels.get(queue.get(0)), currentL1)) {
      channels.remove(queue.remove(0));
    }
    int candidates = canyon ? queue.size() : Math.min(1, queue.size());
    for (int i = 0; i < candidates; i++) {
      Entry e = channels.get(queue.get(i));
      if (!timedOut(e, currentL1) && e.channel().isReady()) {
        channels.remove(queue.remove(i));
        return Optional.of(e.channel().data());
      }
    }
    return Optional.empty();
  }
}
