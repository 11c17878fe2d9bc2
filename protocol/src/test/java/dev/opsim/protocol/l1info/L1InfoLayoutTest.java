package dev.opsim.protocol.l1info;

import static dev.opsim.protocol.l1info.L1InfoLayout.BEDROCK;
import static dev.opsim.protocol.l1info.L1InfoLayout.ECOTONE;
import static dev.opsim.protocol.l1info.L1InfoLayout.ISTHMUS;
import static dev.opsim.protocol.l1info.L1InfoLayout.JOVIAN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsim.protocol.Keccak;
import dev.opsim.protocol.config.Fork;
import dev.opsim.protocol.config.RollupConfig;
import dev.opsim.protocol.config.TestConfigs;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** protocol-reference 4.5: which call the L1 info deposit of each block uses. */
class L1InfoLayoutTest {
  private static final long GENESIS = 1000;

  @Test
  void selectorsAreTheFunctionSignatureHashes() {
    assertEquals(selector("setL1BlockValues(uint64,uint64,uint256,bytes32,uint64,bytes32,uint256,uint256)"),
        BEDROCK.selectorBytes());
    assertEquals(selector("setL1BlockValuesEcotone()"), ECOTONE.selectorBytes());
    assertEquals(selector("setL1BlockValuesIsthmus()"), ISTHMUS.selectorBytes());
    assertEquals(selector("setL1BlockValuesJovian()"), JOVIAN.selectorBytes());
    assertEquals(260, BEDROCK.length());
    assertEquals(164, ECOTONE.length());
    assertEquals(176, ISTHMUS.length());
    assertEquals(178, JOVIAN.length());
  }

  @Test
  void eachForksActivationBlockStillUsesThePreviousLayout() {
    Map<Fork, Long> forks = TestConfigs.allUpTo(Fork.DELTA, 0);
    forks.put(Fork.ECOTONE, 1100L);
    forks.put(Fork.FJORD, 1200L);
    forks.put(Fork.GRANITE, 1200L);
    forks.put(Fork.HOLOCENE, 1200L);
    forks.put(Fork.ISTHMUS, 1300L);
    forks.put(Fork.JOVIAN, 1400L);
    RollupConfig c = TestConfigs.config(GENESIS, 2, forks);
    assertEquals(BEDROCK, L1InfoLayout.forBlock(c, 1098));
    assertEquals(BEDROCK, L1InfoLayout.forBlock(c, 1100), "Ecotone activation block");
    assertEquals(ECOTONE, L1InfoLayout.forBlock(c, 1102));
    assertEquals(ECOTONE, L1InfoLayout.forBlock(c, 1298));
    assertEquals(ECOTONE, L1InfoLayout.forBlock(c, 1300), "Isthmus activation block");
    assertEquals(ISTHMUS, L1InfoLayout.forBlock(c, 1302));
    assertEquals(ISTHMUS, L1InfoLayout.forBlock(c, 1398));
    assertEquals(ISTHMUS, L1InfoLayout.forBlock(c, 1400), "Jovian activation block");
    assertEquals(JOVIAN, L1InfoLayout.forBlock(c, 1402));
  }

  @Test
  void forksActiveAtGenesisUseTheirOwnLayoutFromBlockOne() {
    assertEquals(JOVIAN, L1InfoLayout.forBlock(TestConfigs.config(GENESIS, 2, TestConfigs.allUpTo(Fork.JOVIAN, 0)),
        GENESIS + 2));
    assertEquals(ISTHMUS, L1InfoLayout.forBlock(
        TestConfigs.config(GENESIS, 2, TestConfigs.allUpTo(Fork.ISTHMUS, GENESIS)), GENESIS + 2));
    assertEquals(ECOTONE, L1InfoLayout.forBlock(
        TestConfigs.config(GENESIS, 2, TestConfigs.allUpTo(Fork.GRANITE, GENESIS)), GENESIS + 2));
    assertEquals(BEDROCK, L1InfoLayout.forBlock(
        TestConfigs.config(GENESIS, 2, TestConfigs.allUpTo(Fork.DELTA, GENESIS)), GENESIS + 2));
  }

  @Test
  void forksActivatingTogetherShareTheActivationBlock() {
    Map<Fork, Long> forks = TestConfigs.allUpTo(Fork.DELTA, 0);
    for (Fork f : new Fork[] {Fork.ECOTONE, Fork.FJORD, Fork.GRANITE, Fork.HOLOCENE, Fork.ISTHMUS, Fork.JOVIAN}) {
      forks.put(f, 1100L);
    }
    RollupConfig c = TestConfigs.config(GENESIS, 2, forks);
    assertEquals(BEDROCK, L1InfoLayout.forBlock(c, 1100));
    assertEquals(JOVIAN, L1InfoLayout.forBlock(c, 1102));
    forks.remove(Fork.JOVIAN);
    forks.put(Fork.ISTHMUS, 1200L);
    RollupConfig later = TestConfigs.config(GENESIS, 2, forks);
    assertEquals(ECOTONE, L1InfoLayout.forBlock(later, 1200));
    assertEquals(ISTHMUS, L1InfoLayout.forBlock(later, 1202));
  }

  @Test
  void withoutEcotoneItIsAlwaysBedrock() {
    RollupConfig c = TestConfigs.config(GENESIS, 2, Map.of());
    assertEquals(BEDROCK, L1InfoLayout.forBlock(c, -1L));
  }

  private static Bytes selector(String signature) {
    return Keccak.hash(signature.getBytes(StandardCharsets.UTF_8)).prefix(4);
  }
}
