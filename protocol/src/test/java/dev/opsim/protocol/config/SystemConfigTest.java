package dev.opsim.protocol.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class SystemConfigTest {
  @Test
  void batcherHashIsTheLeftPaddedAddress() {
    // protocol-reference 4.1; the OP Mainnet Bedrock L1 info vector carries this batcher hash.
    SystemConfig sys = TestConfigs.systemConfig();
    assertEquals(Hash.fromHex("0x0000000000000000000000006887246668a3b87f54deb3b94ba47a6f63f32985"),
        sys.batcherHash());
  }

  @Test
  void operatorFeeParamsAreScalarShiftedLeft64OrConstant() {
    // protocol-reference 12.1 type 5: abi.encode(uint256(operatorFeeScalar) << 64 | operatorFeeConstant)
    Bytes32 word = SystemConfig.operatorFeeParams(0xabcd, 0xdcba);
    assertEquals(Bytes32.fromHexString("0x00000000000000000000000000000000000000000000abcd000000000000dcba"), word);
    SystemConfig sys = new SystemConfig(Address.ZERO, Bytes32.ZERO, Bytes32.ZERO, 1,
        SystemConfig.eip1559Params(250, 6), word, 0, 0);
    assertEquals(0xabcd, sys.operatorFeeScalar());
    assertEquals(0xdcba, sys.operatorFeeConstant());
    assertEquals(-1L, new SystemConfig(Address.ZERO, Bytes32.ZERO, Bytes32.ZERO, 1, Bytes.wrap(new byte[8]),
        SystemConfig.operatorFeeParams(0xFFFFFFFFL, -1L), 0, 0).operatorFeeConstant());
  }

  @Test
  void eip1559ParamsAreDenominatorThenElasticity() {
    // protocol-reference 5.12: 8 bytes denominator(u32) ++ elasticity(u32)
    assertEquals(Bytes.fromHexString("0x000000fa00000006"), SystemConfig.eip1559Params(250, 6));
    assertThrows(IllegalArgumentException.class, () -> new SystemConfig(Address.ZERO, Bytes32.ZERO, Bytes32.ZERO, 1,
        Bytes.wrap(new byte[7]), Bytes32.ZERO, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new SystemConfig(Address.ZERO, Bytes32.ZERO, Bytes32.ZERO, 1,
        Bytes.wrap(new byte[8]), Bytes32.ZERO, 0, 0x10000));
  }
}
