package dev.opsim.protocol;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * An EVM log as a receipt carries it: the emitting contract, up to four topics and the unindexed data. The
 * topic count is not limited here; decoders of particular events check it.
 */
public record Log(Address address, List<Hash> topics, Bytes data) {
  public Log {
    if (address == null || topics == null || data == null) {
      throw new IllegalArgumentException("a log needs an address, a topic list and data (empty if none)");
    }
    topics = List.copyOf(topics);
    data = Bytes.wrap(data.toArray());
  }
}
