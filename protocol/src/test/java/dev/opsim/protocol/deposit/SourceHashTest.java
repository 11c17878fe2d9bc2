package dev.opsim.protocol.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.opsim.protocol.Hash;
import org.junit.jupiter.api.Test;

class SourceHashTest {
  private static final Hash ELEVENS = Hash.fromHex("0x" + "11".repeat(32));

  @Test
  void examplesFromTheProtocolReference() {
    // protocol-reference 2.2 (computed examples and the spec's upgrade source hashes)
    assertEquals(Hash.fromHex("0x32420aef64d24d79ad4b5b326f8dce96091e475f2c48dbbf3dcfe9dea30052b2"),
        SourceHash.userDeposit(ELEVENS, 3));
    assertEquals(Hash.fromHex("0x9c53a2c26ce018b188ff047117ee61b8d0763372b32fc0586e3b59fa819fe7bc"),
        SourceHash.l1Info(ELEVENS, 0));
    assertEquals(Hash.fromHex("0x877a6077205782ea15a6dc8699fa5ebcec5e0f4389f09cb8eda09488231346f8"),
        SourceHash.upgrade("Ecotone: L1 Block Deployment"));
    assertEquals(Hash.fromHex("0xbfb734dae514c5974ddf803e54c1bc43d5cdb4a48ae27e1d9b875a5a150b553a"),
        SourceHash.upgrade("Isthmus: EIP-2935 Contract Deployment"));
  }

  @Test
  void domainsSeparateEqualPayloads() {
    assertNotEquals(SourceHash.userDeposit(ELEVENS, 3), SourceHash.l1Info(ELEVENS, 3));
    assertNotEquals(SourceHash.l1Info(ELEVENS, 3), SourceHash.afterForceInclude(ELEVENS, 3));
  }

  @Test
  void indexesAreUnsigned64BitNumbers() {
    // bytes32(n) of the largest uint64 is 24 zero bytes then eight 0xff, never a sign-extended word.
    assertNotEquals(SourceHash.userDeposit(ELEVENS, -1L), SourceHash.userDeposit(ELEVENS, Long.MAX_VALUE));
  }
}
