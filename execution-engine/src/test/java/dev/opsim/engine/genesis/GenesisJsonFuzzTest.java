package dev.opsim.engine.genesis;

import dev.opsim.protocol.DecodeException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The genesis loader takes any text: a spec or a DecodeException, nothing else. */
class GenesisJsonFuzzTest {
  @Property(tries = 300)
  void randomTextIsRejectedOrLoaded(@ForAll("texts") String text) {
    parseOrReject(text);
  }

  @Property(tries = 500)
  void mutatedGenesisIsRejectedOrLoaded(@ForAll("mutatedGenesis") String text) {
    parseOrReject(text);
  }

  private static void parseOrReject(String text) {
    try {
      GenesisJson.parse(text);
    } catch (DecodeException expected) {
      // the only allowed failure
    }
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
        Arbitraries.strings().withChars("{}[]\":,0x1-e. ").ofMaxLength(100));
  }

  @Provide
  Arbitrary<String> mutatedGenesis() {
    String base = GenesisJsonTest.OP_GENESIS;
    return Combinators.combine(Arbitraries.integers().between(0, base.length() - 1),
        Arbitraries.integers().between(0, 2), Arbitraries.of('0', 'x', 'z', '-', '"', '{', '}', ',', ':', '9', 'f',
            '.', 'n'))
        .as((pos, kind, ch) -> switch (kind) {
          case 0 -> base.substring(0, pos) + ch + base.substring(pos + 1);
          case 1 -> base.substring(0, pos) + base.substring(pos + 1);
          default -> base.substring(0, pos) + ch + base.substring(pos);
        });
  }
}
