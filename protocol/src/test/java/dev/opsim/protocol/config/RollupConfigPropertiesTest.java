package dev.opsim.protocol.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

class RollupConfigPropertiesTest {

  @Property(tries = 200)
  void jsonRoundTrips(@ForAll("configs") RollupConfig config) throws DecodeException {
    assertEquals(config, RollupConfig.fromJson(config.toJson()));
  }

  @Property(tries = 200)
  void arbitraryTextGivesAConfigOrADecodeException(@ForAll @StringLength(max = 200) String text) {
    readOrReject(text);
  }

  @Property(tries = 200)
  void mutatedConfigJsonGivesAConfigOrADecodeException(
      @ForAll("configs") RollupConfig config,
      @ForAll @IntRange(min = 0, max = 1 << 20) int position,
      @ForAll char replacement,
      @ForAll @IntRange(min = 0, max = 2) int kind) {
    String json = config.toJson();
    int at = position % json.length();
    String mutated = switch (kind) {
      case 0 -> json.substring(0, at) + replacement + json.substring(at + 1);
      case 1 -> json.substring(0, at);
      default -> json.substring(0, at) + replacement + json.substring(at);
    };
    readOrReject(mutated);
  }

  private static void readOrReject(String text) {
    try {
      RollupConfig.fromJson(text);
    } catch (DecodeException expected) {
      // rejected with a message: fine
    }
  }

  @Provide
  Arbitrary<RollupConfig> configs() {
    Arbitrary<Hash> hashes = Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash::wrap);
    Arbitrary<Address> addresses = Arbitraries.bytes().array(byte[].class).ofSize(20).map(Address::wrap);
    Arbitrary<Bytes32> words = Arbitraries.bytes().array(byte[].class).ofSize(32).map(Bytes32::wrap);
    Arbitrary<BlockId> ids = Combinators.combine(hashes, Arbitraries.longs()).as(BlockId::new);
    Arbitrary<SystemConfig> systemConfigs = Combinators.combine(
            addresses, words, words, Arbitraries.longs(),
            Arbitraries.bytes().array(byte[].class).ofSize(8).map(Bytes::wrap), words, Arbitraries.longs(),
            Arbitraries.integers().between(0, 0xFFFF))
        .as(SystemConfig::new);
    Arbitrary<Genesis> geneses =
        Combinators.combine(ids, ids, Arbitraries.longs(), systemConfigs).as(Genesis::new);
    Arbitrary<Map<Fork, Long>> forkTables = Combinators.combine(
            Arbitraries.integers().between(0, Fork.values().length),
            Arbitraries.longs().array(long[].class).ofSize(Fork.values().length))
        .as((count, times) -> {
          long[] sorted = times.clone();
          Long[] boxed = Arrays.stream(sorted).boxed().toArray(Long[]::new);
          Arrays.sort(boxed, Long::compareUnsigned);
          Map<Fork, Long> table = new EnumMap<>(Fork.class);
          for (int i = 0; i < count; i++) {
            table.put(Fork.values()[i], boxed[i]);
          }
          return table;
        });
    Arbitrary<long[]> numbers = Combinators.combine(
            Arbitraries.longs().between(1, 30),
            Arbitraries.longs().between(1, Long.MAX_VALUE),
            Arbitraries.longs().between(2, 100_000),
            Arbitraries.longs().between(1, 1_000),
            Arbitraries.longs().between(1, Long.MAX_VALUE),
            Arbitraries.longs().between(1, Long.MAX_VALUE))
        .as((bt, drift, sws, ct, l1, l2) -> new long[] {bt, drift, sws, ct, l1, l2})
        .filter(n -> n[4] != n[5]);
    return Combinators.combine(geneses, numbers, addresses, addresses, addresses, forkTables)
        .as((g, n, inbox, portal, sysCfg, forks) ->
            new RollupConfig(g, n[0], n[1], n[2], n[3], n[4], n[5], inbox, portal, sysCfg, forks));
  }
}
