/**
 * Batcher data, frames and channels (protocol-reference 5.2, 5.4, 5.5, 5.11).
 *
 * <p>The path of L2 batches through L1: a batcher transaction's calldata (or a decoded blob) is
 * {@link dev.opsim.protocol.channel.BatcherTxData} holding {@link dev.opsim.protocol.channel.Frame}s; the frames of one
 * channel are assembled by a {@link dev.opsim.protocol.channel.Channel}; its bytes are decompressed by
 * {@link dev.opsim.protocol.channel.ChannelCompression} and split into batch payloads by
 * {@link dev.opsim.protocol.channel.ChannelReader}. Everything here is a pure function of its input; the channel
 * bank (timeouts, which channel is read next) lives in the rollup node.
 */
package dev.opsim.protocol.channel;
