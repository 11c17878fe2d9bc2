package dev.opsim.engine.contracts.l2core;

import static dev.opsim.engine.contracts.l2core.L2Sandbox.DEPOSITOR;
import static dev.opsim.engine.contracts.l2core.L2Sandbox.L1_BLOCK;
import static dev.opsim.engine.contracts.l2core.L2Sandbox.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsim.evm.op.L1BlockStorage;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.fee.L1FeeParams;
import dev.opsim.protocol.l1info.BedrockL1BlockInfo;
import dev.opsim.protocol.l1info.EcotoneL1BlockInfo;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Utf8String;

/**
 * L1Block (protocol-reference 4): the Bedrock and Ecotone setters fed by the protocol module's L1 info encoders,
 * the getters, the exact storage layout the engine's {@link L1BlockStorage} reads (4.7), and the depositor-only rule.
 */
class L1BlockTest {
  private static final Address STRANGER = Address.fromHex("0x0000000000000000000000000000000000005555");
  private static final EcotoneL1BlockInfo ECOTONE = new EcotoneL1BlockInfo(
      0x11223344L, 0x55667788L, 0x0102030405060708L, 0x1a2b3c4d5e6f7081L, 0x7f6e5d4c3b2a1908L,
      new BigInteger("123456789abcdef0123456789abcdef", 16), new BigInteger("fedcba9876543210fedcba98765", 16),
      Hash.fromHex("0x" + "ab".repeat(32)), Hash.fromHex("0x000000000000000000000000" + "cd".repeat(20)));
  private static final BedrockL1BlockInfo BEDROCK = new BedrockL1BlockInfo(
      19_000_000L, 1_700_000_123L, BigInteger.valueOf(30_000_000_000L), Hash.fromHex("0x" + "12".repeat(32)), 5,
      Hash.fromHex("0x000000000000000000000000" + "34".repeat(20)), Bytes32.leftPad(Bytes.ofUnsignedInt(188)),
      Bytes32.leftPad(Bytes.ofUnsignedInt(684_000)));

  @Test
  void storageLayoutIsTheOpL1BlockLayout() {
    JsonNode storage = L2Sandbox.artifact("L1Block").get("storageLayout").get("storage");
    List<String> actual = new ArrayList<>();
    storage.forEach(e -> actual.add(e.get("label").asText() + "@" + e.get("slot").asText() + "+"
        + e.get("offset").asInt()));
    // protocol-reference 4.7 (OP snapshots/storageLayout/L1Block.json).
    assertEquals(List.of("number@0+0", "timestamp@0+8", "basefee@1+0", "hash@2+0", "sequenceNumber@3+0",
        "blobBaseFeeScalar@3+8", "baseFeeScalar@3+12", "batcherHash@4+0", "l1FeeOverhead@5+0", "l1FeeScalar@6+0",
        "blobBaseFee@7+0"), actual);
  }

  @Test
  void ecotoneSetterStoresThePackedCalldataWhereTheEngineReadsIt() {
    L2Sandbox chain = sandbox();
    assertTrue(chain.send(DEPOSITOR, L1_BLOCK, BEDROCK_CALL()).success());
    byte[] calldata = ECOTONE.encode();
    assertEquals(164, calldata.length);
    assertEquals("0x440a5e20", Bytes.wrap(calldata, 0, 4).toHexString());
    TxResult.Executed set = chain.send(DEPOSITOR, L1_BLOCK, BigInteger.ZERO, Bytes.wrap(calldata));
    assertTrue(set.success(), "setL1BlockValuesEcotone: " + set);

    assertEquals(BigInteger.valueOf(ECOTONE.number()), get(chain, "number"));
    assertEquals(BigInteger.valueOf(ECOTONE.timestamp()), get(chain, "timestamp"));
    assertEquals(ECOTONE.baseFee(), get(chain, "basefee"));
    assertEquals(ECOTONE.hash().bytes().toUnsignedBigInteger(), get(chain, "hash"));
    assertEquals(BigInteger.valueOf(ECOTONE.sequenceNumber()), get(chain, "sequenceNumber"));
    assertEquals(ECOTONE.batcherHash().bytes().toUnsignedBigInteger(), get(chain, "batcherHash"));
    assertEquals(ECOTONE.blobBaseFee(), get(chain, "blobBaseFee"));
    assertEquals(BigInteger.valueOf(ECOTONE.baseFeeScalar()), get(chain, "baseFeeScalar"));
    assertEquals(BigInteger.valueOf(ECOTONE.blobBaseFeeScalar()), get(chain, "blobBaseFeeScalar"));
    // The Ecotone call leaves the pre-Ecotone overhead and scalar as they were (OP behaviour).
    assertEquals(BigInteger.valueOf(188), get(chain, "l1FeeOverhead"));
    assertEquals(BigInteger.valueOf(684_000), get(chain, "l1FeeScalar"));

    // Raw slots, packed as Solidity packs them (offsets from the low end).
    BigInteger slot0 = BigInteger.valueOf(ECOTONE.timestamp()).shiftLeft(64).or(BigInteger.valueOf(ECOTONE.number()));
    assertEquals(slot0, slot(chain, 0));
    BigInteger slot3 = BigInteger.valueOf(ECOTONE.baseFeeScalar()).shiftLeft(96)
        .or(BigInteger.valueOf(ECOTONE.blobBaseFeeScalar()).shiftLeft(64))
        .or(BigInteger.valueOf(ECOTONE.sequenceNumber()));
    assertEquals(slot3, slot(chain, 3));
    assertEquals(ECOTONE.baseFee(), slot(chain, 1));
    assertEquals(ECOTONE.hash().bytes().toUnsignedBigInteger(), slot(chain, 2));
    assertEquals(ECOTONE.batcherHash().bytes().toUnsignedBigInteger(), slot(chain, 4));
    assertEquals(ECOTONE.blobBaseFee(), slot(chain, 7));

    L1FeeParams params = L1BlockStorage.read(chain.base);
    assertEquals(new L1FeeParams(ECOTONE.baseFee(), BigInteger.valueOf(188), BigInteger.valueOf(684_000),
        ECOTONE.blobBaseFee(), ECOTONE.baseFeeScalar(), ECOTONE.blobBaseFeeScalar()), params);
  }

  @Test
  void bedrockSetterStoresEveryField() {
    L2Sandbox chain = sandbox();
    TxResult.Executed set = chain.send(DEPOSITOR, L1_BLOCK, BEDROCK_CALL());
    assertTrue(set.success(), "setL1BlockValues: " + set);
    assertEquals(BigInteger.valueOf(BEDROCK.number()), get(chain, "number"));
    assertEquals(BigInteger.valueOf(BEDROCK.timestamp()), get(chain, "timestamp"));
    assertEquals(BEDROCK.baseFee(), get(chain, "basefee"));
    assertEquals(BEDROCK.hash().bytes().toUnsignedBigInteger(), get(chain, "hash"));
    assertEquals(BigInteger.valueOf(BEDROCK.sequenceNumber()), get(chain, "sequenceNumber"));
    assertEquals(BEDROCK.batcherHash().bytes().toUnsignedBigInteger(), get(chain, "batcherHash"));
    assertEquals(BigInteger.valueOf(188), get(chain, "l1FeeOverhead"));
    assertEquals(BigInteger.valueOf(684_000), get(chain, "l1FeeScalar"));
    assertEquals(BigInteger.ZERO, get(chain, "blobBaseFee"));
    assertEquals(BigInteger.ZERO, get(chain, "baseFeeScalar"));
    L1FeeParams params = L1BlockStorage.readBedrock(key -> chain.storage(L1_BLOCK, key));
    assertEquals(L1FeeParams.preEcotone(BEDROCK.baseFee(), BigInteger.valueOf(188), BigInteger.valueOf(684_000)),
        params);
  }

  @Test
  void onlyTheDepositorSetsValues() {
    L2Sandbox chain = sandbox();
    TxResult.Executed ecotone = chain.send(STRANGER, L1_BLOCK, BigInteger.ZERO, Bytes.wrap(ECOTONE.encode()));
    assertFalse(ecotone.success());
    assertEquals(Bytes.fromHexString("0x3cc50b45"), ecotone.output(), "NotDepositor()");
    chain.assertRevertsWith(STRANGER, L1_BLOCK, BEDROCK_CALL(),
        "L1Block: only the depositor account can set L1 block values");
    for (int slot = 0; slot < 8; slot++) {
      assertEquals(BigInteger.ZERO, slot(chain, slot), "slot " + slot + " after rejected calls");
    }
    // The proxy admin is no exception: it reaches the proxy's own functions, never the setter.
    assertFalse(chain.send(L2Sandbox.PROXY_ADMIN, L1_BLOCK, BigInteger.ZERO, Bytes.wrap(ECOTONE.encode())).success());
  }

  @Test
  void constantsAnswer() {
    L2Sandbox chain = sandbox();
    assertEquals(new BigInteger(1, DEPOSITOR.bytes().toArray()), get(chain, "DEPOSITOR_ACCOUNT"));
    List<?> version = L2Sandbox.decode(chain.call(STRANGER, L1_BLOCK, encode("version")),
        new TypeReference<Utf8String>() {});
    assertFalse(((String) ((Utf8String) version.get(0)).getValue()).isEmpty());
  }

  static L2Sandbox sandbox() {
    L2Sandbox chain = new L2Sandbox();
    chain.installProxied(L1_BLOCK, "L1Block");
    return chain;
  }

  private static String BEDROCK_CALL() {
    return Bytes.wrap(BEDROCK.encode()).toHexString();
  }

  private static BigInteger get(L2Sandbox chain, String getter) {
    return chain.callUint(STRANGER, L1_BLOCK, encode(getter));
  }

  private static BigInteger slot(L2Sandbox chain, int slot) {
    return chain.storage(L1_BLOCK, UInt256.valueOf(slot)).toUnsignedBigInteger();
  }
}
