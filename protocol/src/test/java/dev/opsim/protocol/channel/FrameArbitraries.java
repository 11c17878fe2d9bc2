package dev.opsim.protocol.channel;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apache.tuweni.bytes.Bytes;

/** Generators shared by the channel properties. */
final class FrameArbitraries {
  private FrameArbitraries() {}

  static Arbitrary<ChannelId> channelIds() {
    return Arbitraries.bytes().array(byte[].class).ofSize(ChannelId.SIZE).map(ChannelId::wrap);
  }

  static Arbitrary<Frame> frames(int maxData) {
    return Combinators.combine(
            channelIds(),
            Arbitraries.integers().between(0, Frame.MAX_FRAME_NUMBER),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(maxData),
            Arbitraries.of(true, false))
        .as((id, number, data, last) -> new Frame(id, number, Bytes.wrap(data), last));
  }
}
