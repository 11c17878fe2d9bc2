package dev.opsim.evm.state;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/** One LOGn record: the emitting contract, up to four topics and the data. */
public record Log(Address address, List<Hash> topics, Bytes data) {
  public Log {
    topics = List.copyOf(topics);
  }
}
