package dev.opsim.engine.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.engine.chain.LogsBloom;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Log;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.tuweni.bytes.Bytes;

/** eth_getLogs matching: a log matches a filter iff its address and topics satisfy every criterion. */
class LogFilterProperties {
  // Small pools so generated filters hit generated logs often.
  private static final List<Address> ADDRESSES = List.of(
      Address.fromHex("0x00000000000000000000000000000000000000a1"),
      Address.fromHex("0x00000000000000000000000000000000000000a2"),
      Address.fromHex("0x00000000000000000000000000000000000000a3"));
  private static final List<Hash> TOPICS = List.of(Hash.ofLong(1), Hash.ofLong(2), Hash.ofLong(3), Hash.ofLong(4));

  @Provide
  Arbitrary<Log> logs() {
    return Combinators.combine(Arbitraries.of(ADDRESSES), Arbitraries.of(TOPICS).list().ofMaxSize(4))
        .as((address, topics) -> new Log(address, topics, Bytes.EMPTY));
  }

  @Provide
  Arbitrary<LogFilter> filters() {
    Arbitrary<Set<Address>> addresses = Arbitraries.of(ADDRESSES).set().ofMaxSize(3);
    Arbitrary<Set<Hash>> position = Arbitraries.of(TOPICS).set().ofMaxSize(3);
    return Combinators.combine(addresses, position.list().ofMaxSize(4)).as(LogFilter::new);
  }

  /** The rule written out independently: address in the set (or no set), each position present and allowed. */
  private static boolean satisfies(Log log, LogFilter filter) {
    boolean address = filter.addresses().isEmpty() || filter.addresses().contains(log.address());
    boolean topics = true;
    for (int i = 0; i < filter.topics().size(); i++) {
      boolean present = i < log.topics().size();
      boolean allowed = filter.topics().get(i).isEmpty()
          || present && filter.topics().get(i).contains(log.topics().get(i));
      topics &= present && allowed;
    }
    return address && topics;
  }

  @Property(tries = 500)
  void matchesIffCriteriaHold(@ForAll("logs") Log log, @ForAll("filters") LogFilter filter) {
    assertEquals(satisfies(log, filter), filter.matches(log));
  }

  @Property(tries = 300)
  void bloomNeverRulesOutAMatch(@ForAll("logs") Log log, @ForAll("filters") LogFilter filter) {
    if (filter.matches(log)) {
      assertTrue(filter.mayMatch(LogsBloom.of(List.of(log))));
    }
  }

  @Property(tries = 200)
  void filterBuiltFromALogMatchesIt(@ForAll("logs") Log log) {
    List<Set<Hash>> topics = new ArrayList<>();
    for (Hash topic : log.topics()) {
      topics.add(Set.of(topic));
    }
    assertTrue(new LogFilter(Set.of(log.address()), topics).matches(log));
    assertTrue(new LogFilter(new HashSet<>(), List.of()).matches(log), "the empty filter matches everything");
  }
}
