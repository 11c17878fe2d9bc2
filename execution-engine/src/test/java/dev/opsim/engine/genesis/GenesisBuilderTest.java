package dev.opsim.engine.genesis;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsim.engine.chain.BaseFee;
import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.chain.HeaderShape;
import dev.opsim.engine.chain.HeaderValidator;
import dev.opsim.engine.chain.LogsBloom;
import dev.opsim.engine.trie.AccountState;
import dev.opsim.engine.trie.AccountTrie;
import dev.opsim.engine.trie.InMemoryNodeStore;
import dev.opsim.engine.trie.MerklePatriciaTrie;
import dev.opsim.engine.trie.StorageTrie;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** Block 0 as geth's Genesis.ToBlock (and op-geth's Isthmus rule) builds it. */
class GenesisBuilderTest {
  private static GenesisState build(String json) throws DecodeException {
    return GenesisBuilder.build(GenesisJson.parse(json), new InMemoryNodeStore());
  }

  @Test
  void cancunAtGenesisGetsDefaultsAndTheCancunFields() throws DecodeException {
    BlockHeader header = build("""
        {"config": {"chainId": 1337, "londonBlock": 0, "shanghaiTime": 0, "cancunTime": 0,
                    "terminalTotalDifficulty": 0}, "alloc": {}}
        """).block().header();
    assertEquals(HeaderShape.CANCUN, header.shape());
    assertEquals(Optional.of(BaseFee.INITIAL_BASE_FEE), header.baseFeePerGas(), "London at genesis: 1 gwei");
    assertEquals(Optional.of(MerklePatriciaTrie.EMPTY_ROOT), header.withdrawalsRoot());
    assertEquals(OptionalLong.of(0), header.blobGasUsed());
    assertEquals(OptionalLong.of(0), header.excessBlobGas());
    assertEquals(Optional.of(Hash.ZERO), header.parentBeaconBlockRoot(), "EIP-4788: no parent, zero root");
    assertEquals(GenesisBuilder.DEFAULT_GAS_LIMIT, header.gasLimit());
    assertEquals(BigInteger.ZERO, header.difficulty());
    assertEquals(MerklePatriciaTrie.EMPTY_ROOT, header.stateRoot());
    assertEquals(MerklePatriciaTrie.EMPTY_ROOT, header.transactionsRoot());
    assertEquals(MerklePatriciaTrie.EMPTY_ROOT, header.receiptsRoot());
    assertEquals(BlockHeader.EMPTY_OMMERS_HASH, header.ommersHash());
    assertEquals(LogsBloom.EMPTY, header.logsBloom());
  }

  @Test
  void givenValuesWin() throws DecodeException {
    BlockHeader header = build("""
        {"config": {"chainId": 1337, "londonBlock": 0, "shanghaiTime": 0, "cancunTime": 0},
         "gasLimit": "0x1c9c380", "baseFeePerGas": "0x7", "excessBlobGas": "0x20000", "blobGasUsed": "0x40000",
         "timestamp": "0x10", "extraData": "0xabcd", "nonce": "0x42", "difficulty": "0x1",
         "coinbase": "0x00000000000000000000000000000000000000cc"}
        """).block().header();
    assertEquals(30_000_000, header.gasLimit());
    assertEquals(Optional.of(BigInteger.valueOf(7)), header.baseFeePerGas());
    assertEquals(OptionalLong.of(0x20000), header.excessBlobGas());
    assertEquals(OptionalLong.of(0x40000), header.blobGasUsed());
    assertEquals(16, header.timestamp());
    assertEquals(Bytes.fromHexString("0xabcd"), header.extraData());
    assertEquals(0x42, header.nonce());
    assertEquals(BigInteger.ONE, header.difficulty());
    assertEquals(Address.fromHex("0x00000000000000000000000000000000000000cc"), header.coinbase());
  }

  @Test
  void preLondonGenesisHasTheLegacyShape() throws DecodeException {
    Block block = build("{\"config\": {\"chainId\": 5}}").block();
    assertEquals(HeaderShape.LEGACY, block.header().shape());
    assertEquals(Optional.empty(), block.withdrawals());
  }

  @Test
  void ethashWithoutDifficultyOrMixHashGetsGethsDefaultDifficulty() throws DecodeException {
    assertEquals(GenesisBuilder.DEFAULT_ETHASH_DIFFICULTY,
        build("{\"config\": {\"chainId\": 5, \"ethash\": {}}}").block().header().difficulty());
  }

  @Test
  void pragueAtGenesisCarriesTheEmptyRequestsHash() throws DecodeException {
    BlockHeader header = build("""
        {"config": {"chainId": 1337, "londonBlock": 0, "shanghaiTime": 0, "cancunTime": 0, "pragueTime": 0}}
        """).block().header();
    assertEquals(HeaderShape.PRAGUE, header.shape());
    assertEquals(Optional.of(Hash.fromHex("0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")),
        header.requestsHash(), "sha256 of no bytes (EIP-7685)");
  }

  @Test
  void opIsthmusWithdrawalsRootIsTheMessagePassersStorageRoot() throws DecodeException {
    String template = """
        {"config": {"chainId": 901, "londonBlock": 0, "shanghaiTime": 0, "cancunTime": 0, "pragueTime": 0,
                    "bedrockBlock": 0, "regolithTime": 0, "canyonTime": 0, "deltaTime": 0, "ecotoneTime": 0,
                    "fjordTime": 0, "graniteTime": 0, "holoceneTime": 0, "isthmusTime": 0,
                    "optimism": {"eip1559Elasticity": 6, "eip1559Denominator": 50, "eip1559DenominatorCanyon": 250}},
         "alloc": {%s}}
        """;
    GenesisState withPasser = build(template.formatted("""
        "0x4200000000000000000000000000000000000016": {"code": "0x6000", "storage": {"0x01": "0x05"}}
        """));
    StorageTrie expected = new StorageTrie(new InMemoryNodeStore());
    expected.put(Bytes32.leftPad(Bytes.of(1)), Bytes32.leftPad(Bytes.of(5)));
    assertEquals(Optional.of(expected.rootHash()), withPasser.block().header().withdrawalsRoot());
    assertEquals(Optional.of(List.of()), withPasser.block().withdrawals());

    GenesisState without = build(template.formatted(""));
    assertEquals(Optional.of(MerklePatriciaTrie.EMPTY_ROOT), without.block().header().withdrawalsRoot());
  }

  @Test
  void stateHoldsTheAllocationAndCodeIsReturnedByHash() throws DecodeException {
    InMemoryNodeStore store = new InMemoryNodeStore();
    GenesisState state = GenesisBuilder.build(GenesisJson.parse(GenesisJsonTest.OP_GENESIS), store);
    AccountTrie accounts = new AccountTrie(store, state.stateRoot());
    Address passer = Address.fromHex("0x4200000000000000000000000000000000000016");
    AccountState account = accounts.get(passer).orElseThrow();
    assertEquals(1, account.nonce());
    Hash codeHash = Keccak.hash(Bytes.fromHexString("0x6001"));
    assertEquals(codeHash, account.codeHash());
    assertEquals(Bytes.fromHexString("0x6001"), state.code().get(codeHash));
    assertEquals(Bytes32.leftPad(Bytes.of(2)),
        new StorageTrie(store, account.storageRoot()).get(Bytes32.leftPad(Bytes.of(1))));
    assertEquals(new BigInteger("1000000000000000000"),
        accounts.get(Address.fromHex("0x00000000000000000000000000000000000000aa")).orElseThrow().balance());
  }

  @Test
  void emptyAllocationAccountsAreKeptAsGethDoes() throws DecodeException {
    GenesisState state = build("""
        {"config": {"chainId": 1}, "alloc": {"0x00000000000000000000000000000000000000aa": {}}}
        """);
    AccountTrie reference = new AccountTrie(new InMemoryNodeStore());
    reference.put(Address.fromHex("0x00000000000000000000000000000000000000aa"), AccountState.EMPTY);
    assertEquals(reference.rootHash(), state.stateRoot());
  }

  @Test
  void aChildOfTheGenesisBlockValidates() throws DecodeException {
    GenesisSpec spec = GenesisJson.parse(GenesisJsonTest.OP_GENESIS);
    BlockHeader genesis = GenesisBuilder.build(spec, new InMemoryNodeStore()).block().header();
    HeaderValidator validator = new HeaderValidator(spec.config());
    BlockHeader child = assertDoesNotThrow(() -> new BlockHeader(genesis.hash(), BlockHeader.EMPTY_OMMERS_HASH,
        genesis.coinbase(), genesis.stateRoot(), MerklePatriciaTrie.EMPTY_ROOT, MerklePatriciaTrie.EMPTY_ROOT,
        LogsBloom.EMPTY, BigInteger.ZERO, 1, genesis.gasLimit(), 0, 7, Bytes.EMPTY, Hash.ZERO, 0,
        Optional.of(validator.expectedBaseFee(genesis, 7)), Optional.empty(), OptionalLong.empty(),
        OptionalLong.empty(), Optional.empty(), Optional.empty()));
    assertDoesNotThrow(() -> validator.validate(genesis, child));
  }
}
