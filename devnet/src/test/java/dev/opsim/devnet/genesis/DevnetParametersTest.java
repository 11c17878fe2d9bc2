package dev.opsim.devnet.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.config.EcotoneScalars;
import org.junit.jupiter.api.Test;

class DevnetParametersTest {
  @Test
  void batchInboxFollowsTheCurrentConventionWithTheReferenceExamples() {
    // protocol-reference 1.3: computed examples of 0x00 ++ keccak256(bytes32(chainId))[0:19]
    assertEquals(Address.fromHex("0x00c65a7bb8d6351c1cf70c95a316cc6a92839c98"), DevnetParameters.batchInbox(10));
    assertEquals(Address.fromHex("0x00289c189bee4e70334629f04cd5ed602b6600eb"), DevnetParameters.batchInbox(901));
  }

  @Test
  void scalarIsTheVersionOneEncodingOfTheTwoScalars() throws DecodeException {
    EcotoneScalars s = EcotoneScalars.decode(DevnetParameters.scalar());
    assertEquals(DevnetParameters.BASE_FEE_SCALAR, s.baseFeeScalar());
    assertEquals(DevnetParameters.BLOB_BASE_FEE_SCALAR, s.blobBaseFeeScalar());
    assertEquals(1, DevnetParameters.scalar().get(0));
  }

  @Test
  void implementationAddressesAreInTheCodeNamespace() {
    assertEquals(Address.fromHex("0xc0d3c0d3c0d3c0d3c0d3c0d3c0d3c0d3c0d30015"),
        L2Predeploys.implementationOf(L2Predeploys.L1_BLOCK));
    assertEquals(Address.fromHex("0xc0d3c0d3c0d3c0d3c0d3c0d3c0d3c0d3c0d3001a"),
        L2Predeploys.implementationOf(L2Predeploys.L1_FEE_VAULT));
  }

  @Test
  void holoceneGenesisExtraDataIsVersionZeroDenominatorElasticity() {
    assertEquals("0x00000000fa00000006", ChainConfigs.holoceneExtraData().toHexString());
  }
}
