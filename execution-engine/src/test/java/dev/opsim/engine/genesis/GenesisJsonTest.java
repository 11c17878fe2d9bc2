package dev.opsim.engine.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.engine.chain.Eip1559Params;
import dev.opsim.engine.chain.HeaderShape;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.config.Fork;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loading geth / op-geth genesis.json files. */
class GenesisJsonTest {
  /** The layout op-geth devnets use (op-deployer / op-e2e), trimmed; includes fields we ignore. */
  static final String OP_GENESIS = """
      {
        "config": {
          "chainId": 901, "homesteadBlock": 0, "eip150Block": 0, "eip155Block": 0, "eip158Block": 0,
          "byzantiumBlock": 0, "constantinopleBlock": 0, "petersburgBlock": 0, "istanbulBlock": 0,
          "muirGlacierBlock": 0, "berlinBlock": 0, "londonBlock": 0, "arrowGlacierBlock": 0,
          "grayGlacierBlock": 0, "mergeNetsplitBlock": 0, "shanghaiTime": 100, "cancunTime": 200,
          "bedrockBlock": 0, "regolithTime": 0, "canyonTime": 100, "deltaTime": 100, "ecotoneTime": 200,
          "fjordTime": 200, "graniteTime": 300, "holoceneTime": 400,
          "terminalTotalDifficulty": 0, "terminalTotalDifficultyPassed": true, "depositContractAddress": "0x0000000000000000000000000000000000000000",
          "optimism": {"eip1559Elasticity": 6, "eip1559Denominator": 50, "eip1559DenominatorCanyon": 250}
        },
        "nonce": "0x0", "timestamp": "0x5", "extraData": "0x42", "gasLimit": "0x1c9c380", "difficulty": "0x0",
        "mixHash": "0x0000000000000000000000000000000000000000000000000000000000000000",
        "coinbase": "0x4200000000000000000000000000000000000011",
        "alloc": {
          "4200000000000000000000000000000000000016": {"balance": "0x0", "code": "0x6001", "nonce": "0x1",
              "storage": {"0x0000000000000000000000000000000000000000000000000000000000000001":
                  "0x0000000000000000000000000000000000000000000000000000000000000002"}},
          "0x00000000000000000000000000000000000000aa": {"balance": "1000000000000000000"}
        },
        "number": "0x0", "gasUsed": "0x0",
        "parentHash": "0x0000000000000000000000000000000000000000000000000000000000000000",
        "baseFeePerGas": "0x3b9aca00", "excessBlobGas": null, "blobGasUsed": null,
        "somethingNew": {"ignored": true}
      }
      """;

  @Test
  void opGenesisGivesOpRules() throws DecodeException {
    GenesisSpec spec = GenesisJson.parse(OP_GENESIS);
    ChainConfig config = spec.config();
    assertTrue(config.isOptimism());
    assertEquals(BigInteger.valueOf(901), config.chainId());
    assertTrue(config.isBedrock(0));
    assertTrue(config.isActive(Fork.REGOLITH, 0));
    assertFalse(config.isActive(Fork.CANYON, 99));
    assertTrue(config.isActive(Fork.CANYON, 100));
    assertTrue(config.isActive(Fork.HOLOCENE, 400));
    assertFalse(config.isActive(Fork.ISTHMUS, Long.MAX_VALUE), "absent forks never activate");
    assertEquals(new Eip1559Params(6, 50), config.eip1559Params(99));
    assertEquals(new Eip1559Params(6, 250), config.eip1559Params(100));
    assertEquals(HeaderShape.LONDON, config.headerShape(1, 99));
    assertEquals(HeaderShape.SHANGHAI, config.headerShape(2, 100));
    assertEquals(HeaderShape.CANCUN, config.headerShape(3, 200));
    assertEquals(5, spec.timestamp());
    assertEquals(30_000_000, spec.gasLimit());
    assertEquals(Bytes.fromHexString("0x42"), spec.extraData());
    assertEquals(Address.fromHex("0x4200000000000000000000000000000000000011"), spec.coinbase());
    assertEquals(Optional.of(BigInteger.valueOf(1_000_000_000)), spec.baseFeePerGas());
    assertEquals(OptionalLong.empty(), spec.excessBlobGas(), "null counts as absent");
    GenesisAccount passer = spec.alloc().get(Address.fromHex("0x4200000000000000000000000000000000000016"));
    assertEquals(1, passer.nonce());
    assertEquals(Bytes.fromHexString("0x6001"), passer.code());
    assertEquals(Bytes32.leftPad(Bytes.of(2)), passer.storage().get(Bytes32.leftPad(Bytes.of(1))));
    assertEquals(new BigInteger("1000000000000000000"),
        spec.alloc().get(Address.fromHex("0x00000000000000000000000000000000000000aa")).balance());
  }

  @Test
  void genesisWithoutOptimismGivesEthereumRules() throws DecodeException {
    GenesisSpec spec = GenesisJson.parse("""
        {"config": {"chainId": 1337, "londonBlock": 0, "shanghaiTime": 0, "cancunTime": 0, "pragueTime": 10,
                    "terminalTotalDifficulty": 0},
         "alloc": {}}
        """);
    ChainConfig config = spec.config();
    assertFalse(config.isOptimism());
    assertTrue(config.isPostMerge());
    assertEquals(Eip1559Params.ETHEREUM, config.eip1559Params(0));
    assertFalse(config.isActive(Fork.REGOLITH, 100), "OP forks are never active on L1");
    assertEquals(HeaderShape.CANCUN, config.headerShape(0, 9));
    assertEquals(HeaderShape.PRAGUE, config.headerShape(0, 10));
    assertEquals(Hash.ZERO, spec.mixHash());
    assertEquals(0, spec.gasLimit(), "absent: the builder applies geth's default");
  }

  @Test
  void opForksMapOntoEthereumForksWhenTheirFieldsAreAbsent() throws DecodeException {
    ChainConfig config = GenesisJson.parse("""
        {"config": {"chainId": 10, "bedrockBlock": 0, "regolithTime": 0, "canyonTime": 0, "ecotoneTime": 0,
                    "isthmusTime": 0, "optimism": {"eip1559Elasticity": 6, "eip1559Denominator": 50}}}
        """).config();
    assertEquals(HeaderShape.PRAGUE, config.headerShape(0, 0));
    assertEquals(new Eip1559Params(6, 50), config.eip1559Params(0), "no Canyon denominator: the plain one");
  }

  @ParameterizedTest(name = "balance {0}")
  @CsvSource(delimiter = '|', value = {"\"0x10\"|16", "\"16\"|16", "16|16", "\"0x0\"|0",
      "\"115792089237316195423570985008687907853269984665640564039457584007913129639935\"|"
          + "115792089237316195423570985008687907853269984665640564039457584007913129639935"})
  void balancesInEveryNotation(String json, String expected) throws DecodeException {
    GenesisSpec spec = GenesisJson.parse("{\"config\":{\"chainId\":1},\"alloc\":{\"0x00000000000000000000000000000000"
        + "000000aa\":{\"balance\":" + json + "}}}");
    assertEquals(new BigInteger(expected), spec.alloc().values().iterator().next().balance());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not JSON|{",
      "top level not an object|[]",
      "missing config|{\"alloc\":{}}",
      "missing chainId|{\"config\":{}}",
      "zero chainId|{\"config\":{\"chainId\":0}}",
      "chainId not a number|{\"config\":{\"chainId\":\"abc\"}}",
      "balance not hex|{\"config\":{\"chainId\":1},\"alloc\":{\"0x00000000000000000000000000000000000000aa\":{\"balance\":\"0xzz\"}}}",
      "balance negative|{\"config\":{\"chainId\":1},\"alloc\":{\"0x00000000000000000000000000000000000000aa\":{\"balance\":-1}}}",
      "balance above 2^256|{\"config\":{\"chainId\":1},\"alloc\":{\"0x00000000000000000000000000000000000000aa\":{\"balance\":\"0x10000000000000000000000000000000000000000000000000000000000000000\"}}}",
      "balance is a float|{\"config\":{\"chainId\":1},\"alloc\":{\"0x00000000000000000000000000000000000000aa\":{\"balance\":1.5}}}",
      "address too short|{\"config\":{\"chainId\":1},\"alloc\":{\"0xaa\":{\"balance\":\"0x1\"}}}",
      "code not hex|{\"config\":{\"chainId\":1},\"alloc\":{\"0x00000000000000000000000000000000000000aa\":{\"code\":\"0x6\"}}}",
      "storage word too long|{\"config\":{\"chainId\":1},\"alloc\":{\"0x00000000000000000000000000000000000000aa\":{\"storage\":{\"0x01\":\"0x000000000000000000000000000000000000000000000000000000000000000001\"}}}}",
      "nonce above uint64|{\"config\":{\"chainId\":1},\"alloc\":{\"0x00000000000000000000000000000000000000aa\":{\"nonce\":\"0x10000000000000000\"}}}",
      "timestamp above uint64|{\"config\":{\"chainId\":1},\"timestamp\":\"18446744073709551616\"}",
      "mixHash not 32 bytes|{\"config\":{\"chainId\":1},\"mixHash\":\"0x01\"}",
      "optimism without elasticity|{\"config\":{\"chainId\":1,\"optimism\":{\"eip1559Denominator\":50}}}",
      "optimism with zero Canyon denominator|{\"config\":{\"chainId\":1,\"optimism\":{\"eip1559Elasticity\":6,\"eip1559Denominator\":50,\"eip1559DenominatorCanyon\":0}}}",
      "alloc not an object|{\"config\":{\"chainId\":1},\"alloc\":[]}"})
  void badValuesAreReportedClearly(String name, String json) {
    DecodeException e = assertThrows(DecodeException.class, () -> GenesisJson.parse(json));
    assertTrue(e.getMessage().startsWith("genesis:"), e.getMessage());
  }

  @Test
  void errorsNameTheField() {
    DecodeException e = assertThrows(DecodeException.class, () -> GenesisJson.parse(
        "{\"config\":{\"chainId\":1},\"alloc\":{\"0x00000000000000000000000000000000000000aa\":{\"balance\":\"0xzz\"}}}"));
    assertTrue(e.getMessage().contains("alloc[0x00000000000000000000000000000000000000aa].balance"), e.getMessage());
  }
}
