package dev.opsim.engine.eth;

import dev.opsim.engine.chain.LogsBloom;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Log;
import java.util.List;
import java.util.Set;

/**
 * The address and topic criteria of eth_getLogs (geth eth/filters filterLogs): a log matches when its address is
 * one of {@code addresses} (any if empty) and, for each position {@code i} of {@code topics}, the log has a topic
 * at {@code i} and it is one of {@code topics[i]} (an empty set is a wildcard that still needs the position to
 * exist, as geth skips logs with fewer topics than the filter has positions).
 */
public record LogFilter(Set<Address> addresses, List<Set<Hash>> topics) {
  /** geth's limit on topic positions ("exceed max topics"). */
  public static final int MAX_TOPICS = 4;

  public LogFilter {
    addresses = Set.copyOf(addresses);
    topics = topics.stream().map(Set::copyOf).toList();
  }

  public boolean matches(Log log) {
    if (!addresses.isEmpty() && !addresses.contains(log.address())) {
      return false;
    }
    if (topics.size() > log.topics().size()) {
      return false;
    }
    for (int i = 0; i < topics.size(); i++) {
      Set<Hash> wanted = topics.get(i);
      if (!wanted.isEmpty() && !wanted.contains(log.topics().get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether a block with this bloom may hold a matching log (false means it surely does not). */
  public boolean mayMatch(LogsBloom bloom) {
    if (!addresses.isEmpty() && addresses.stream().noneMatch(bloom::mightContain)) {
      return false;
    }
    for (Set<Hash> wanted : topics) {
      if (!wanted.isEmpty() && wanted.stream().noneMatch(bloom::mightContain)) {
        return false;
      }
    }
    return true;
  }
}
