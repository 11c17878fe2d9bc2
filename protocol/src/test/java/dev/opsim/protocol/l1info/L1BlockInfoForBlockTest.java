package dev.opsim.protocol.l1info;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hex;
import dev.opsim.protocol.config.Fork;
import dev.opsim.protocol.config.RollupConfig;
import dev.opsim.protocol.config.TestConfigs;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link L1BlockInfo#decode(RollupConfig, long, byte[])}: op-node's {@code L1BlockInfoFromBytes} picks the layout
 * from the fork of the L2 block (protocol-reference 4.5) and fails when the calldata is in any other layout, even
 * one it could read by its selector.
 */
class L1BlockInfoForBlockTest {
  private static final long GENESIS = 1000;

  /** Ecotone from 1100, Isthmus from 1300, Jovian from 1400 (block time 2). */
  private static RollupConfig config() {
    Map<Fork, Long> forks = TestConfigs.allUpTo(Fork.DELTA, 0);
    forks.put(Fork.ECOTONE, 1100L);
    forks.put(Fork.FJORD, 1200L);
    forks.put(Fork.GRANITE, 1200L);
    forks.put(Fork.HOLOCENE, 1200L);
    forks.put(Fork.ISTHMUS, 1300L);
    forks.put(Fork.JOVIAN, 1400L);
    return TestConfigs.config(GENESIS, 2, forks);
  }

  private static byte[] fixtureCalldata(String selectorHex) {
    for (JsonNode v : L1InfoVectorsTest.json("op/l1-info/l1-info-vectors.json").get("calldata")) {
      if (v.get("calldata").textValue().startsWith(selectorHex)) {
        return Hex.decode(v.get("calldata").textValue());
      }
    }
    throw new AssertionError("no fixture calldata with selector " + selectorHex);
  }

  @Test
  void eachLayoutDecodesInTheBlocksThatUseIt() throws DecodeException {
    RollupConfig c = config();
    byte[] bedrock = fixtureCalldata("0x015d8eb9");
    byte[] ecotone = fixtureCalldata("0x440a5e20");
    byte[] isthmus = fixtureCalldata("0x098999be");
    assertArrayEquals(bedrock, L1BlockInfo.decode(c, 1098, bedrock).encode());
    assertArrayEquals(bedrock, L1BlockInfo.decode(c, 1100, bedrock).encode(), "Ecotone activation block");
    assertArrayEquals(ecotone, L1BlockInfo.decode(c, 1102, ecotone).encode());
    assertArrayEquals(ecotone, L1BlockInfo.decode(c, 1300, ecotone).encode(), "Isthmus activation block");
    assertArrayEquals(isthmus, L1BlockInfo.decode(c, 1302, isthmus).encode());
    assertEquals(L1BlockInfo.decode(ecotone), L1BlockInfo.decode(c, 1102, ecotone));
  }

  @Test
  void calldataInAnotherLayoutThanTheBlocksIsRejected() {
    RollupConfig c = config();
    byte[] bedrock = fixtureCalldata("0x015d8eb9");
    byte[] ecotone = fixtureCalldata("0x440a5e20");
    byte[] isthmus = fixtureCalldata("0x098999be");
    assertRejected(c, 1100, ecotone, "BEDROCK");
    assertRejected(c, 1102, bedrock, "ECOTONE");
    assertRejected(c, 1102, isthmus, "ECOTONE");
    assertRejected(c, 1302, ecotone, "ISTHMUS");
    assertRejected(c, 1402, isthmus, "JOVIAN");
  }

  @Test
  void shortOrUnknownCalldataIsADecodeException() {
    RollupConfig c = config();
    assertThrows(DecodeException.class, () -> L1BlockInfo.decode(c, 1102, new byte[3]));
    assertThrows(DecodeException.class, () -> L1BlockInfo.decode(c, 1102, new byte[164]));
    byte[] ecotoneCut = Arrays.copyOf(fixtureCalldata("0x440a5e20"), 163);
    assertThrows(DecodeException.class, () -> L1BlockInfo.decode(c, 1102, ecotoneCut));
  }

  private static void assertRejected(RollupConfig c, long timestamp, byte[] calldata, String expectedLayout) {
    DecodeException e = assertThrows(DecodeException.class, () -> L1BlockInfo.decode(c, timestamp, calldata));
    assertTrue(e.getMessage().contains(expectedLayout), e.getMessage());
  }
}
