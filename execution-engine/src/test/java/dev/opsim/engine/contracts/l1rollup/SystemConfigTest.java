package dev.opsim.engine.contracts.l1rollup;

import static dev.opsim.engine.contracts.l1rollup.Abi.address;
import static dev.opsim.engine.contracts.l1rollup.Abi.addressAt;
import static dev.opsim.engine.contracts.l1rollup.Abi.bytes32;
import static dev.opsim.engine.contracts.l1rollup.Abi.bytesData;
import static dev.opsim.engine.contracts.l1rollup.Abi.call;
import static dev.opsim.engine.contracts.l1rollup.Abi.topic;
import static dev.opsim.engine.contracts.l1rollup.Abi.uint;
import static dev.opsim.engine.contracts.l1rollup.Abi.uintAt;
import static dev.opsim.engine.contracts.l1rollup.Abi.word;
import static dev.opsim.engine.contracts.l1rollup.L1Evm.assertReverts;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.BASEFEE_SCALAR;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.BATCHER;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.BLOBBASEFEE_SCALAR;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.DEPLOYER;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.L2_GAS_LIMIT;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.OWNER;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.UNSAFE_SIGNER;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.evm.state.Log;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.units.bigints.UInt256;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;

/** SystemConfig: ConfigUpdate encodings (protocol-reference 12.1), the Ecotone scalar (12.2), slots, owner rules. */
class SystemConfigTest {
  private static final Hash CONFIG_UPDATE = Hash.fromHex(
      "0x1d2b0bda21d56b8bd12d4f94ebacffdfb35f5e226f84b461103bb8beab6353be");
  private static final BigInteger ECOTONE_SCALAR = BigInteger.ONE.shiftLeft(248)
      .or(BigInteger.valueOf(BLOBBASEFEE_SCALAR).shiftLeft(32)).or(BigInteger.valueOf(BASEFEE_SCALAR));

  private final L1Rollup rollup = new L1Rollup();
  private final L1Evm evm = rollup.evm;

  @Test
  void theEventTopicIsTheSpecOne() {
    assertEquals(CONFIG_UPDATE, topic("ConfigUpdate(uint256,uint8,bytes)"));
  }

  @Test
  void initializeEmitsTheFourUpdatesWithTheSpecEncodings() {
    Address implementation = evm.deploy(DEPLOYER, "SystemConfig");
    String init = rollup.systemConfigInitialize(rollup.portal);
    String args = org.web3j.abi.FunctionEncoder.encodeConstructor(List.of(address(implementation),
        new org.web3j.abi.datatypes.DynamicBytes(Bytes.fromHexString(init).toArrayUnsafe())));
    TxResult.Executed deploy = evm.send(DEPLOYER, null, BigInteger.ZERO,
        Bytes.fromHexString(L1Evm.artifact("RollupTestProxy").get("bytecode").asText() + args), 30_000_000);
    assertTrue(deploy.success());
    List<Log> updates = deploy.logs().stream().filter(l -> l.topics().get(0).equals(CONFIG_UPDATE)).toList();
    assertEquals(4, updates.size());
    assertUpdate(updates.get(0), 0, Bytes.concatenate(BATCHER.toWord()));
    assertUpdate(updates.get(1), 1, Bytes.concatenate(Bytes32.ZERO, word(ECOTONE_SCALAR).bytes()));
    assertUpdate(updates.get(2), 2, word(L2_GAS_LIMIT).bytes());
    assertUpdate(updates.get(3), 3, UNSAFE_SIGNER.toWord());
    // Log data lengths of the spec's table: 96, 128, 96, 96.
    assertEquals(List.of(96, 128, 96, 96), updates.stream().map(l -> l.data().size()).toList());
  }

  @Test
  void gettersReturnTheInitialisedValues() {
    Address config = rollup.systemConfig;
    assertEquals(OWNER, addressAt(view(config, "owner()"), 0));
    assertEquals(ECOTONE_SCALAR, uintAt(view(config, "scalar()"), 0));
    assertEquals(BigInteger.valueOf(BASEFEE_SCALAR), uintAt(view(config, "basefeeScalar()"), 0));
    assertEquals(BigInteger.valueOf(BLOBBASEFEE_SCALAR), uintAt(view(config, "blobbasefeeScalar()"), 0));
    assertEquals(BigInteger.ZERO, uintAt(view(config, "overhead()"), 0));
    assertEquals(Bytes.wrap(BATCHER.toWord()), view(config, "batcherHash()"));
    assertEquals(BigInteger.valueOf(L2_GAS_LIMIT), uintAt(view(config, "gasLimit()"), 0));
    assertEquals(UNSAFE_SIGNER, addressAt(view(config, "unsafeBlockSigner()"), 0));
    assertEquals(L1Rollup.BATCH_INBOX, addressAt(view(config, "batchInbox()"), 0));
    assertEquals(L1Rollup.MESSENGER, addressAt(view(config, "l1CrossDomainMessenger()"), 0));
    assertEquals(L1Rollup.ERC721_BRIDGE, addressAt(view(config, "l1ERC721Bridge()"), 0));
    assertEquals(L1Rollup.STANDARD_BRIDGE, addressAt(view(config, "l1StandardBridge()"), 0));
    assertEquals(rollup.oracle, addressAt(view(config, "l2OutputOracle()"), 0));
    assertEquals(rollup.portal, addressAt(view(config, "optimismPortal()"), 0));
    assertEquals(L1Rollup.ERC20_FACTORY, addressAt(view(config, "optimismMintableERC20Factory()"), 0));
    assertEquals(BigInteger.valueOf(rollup.initBlock), uintAt(view(config, "startBlock()"), 0));
    assertEquals(BigInteger.valueOf(L1Rollup.MAX_RESOURCE_LIMIT + L1Rollup.SYSTEM_TX_MAX_GAS),
        uintAt(view(config, "minimumGasLimit()"), 0));
    assertEquals(BigInteger.valueOf(200_000_000), uintAt(view(config, "maximumGasLimit()"), 0));
    Bytes resource = view(config, "resourceConfig()");
    assertEquals(BigInteger.valueOf(L1Rollup.MAX_RESOURCE_LIMIT), uintAt(resource, 0));
    assertEquals(BigInteger.valueOf(10), uintAt(resource, 1));
  }

  @Test
  void fixedSlotsHoldTheSignerAndAddresses() {
    // op-node reads the unsafe block signer with a storage proof at keccak256("systemconfig.unsafeblocksigner").
    assertEquals(UInt256.fromBytes(UNSAFE_SIGNER.toWord()),
        slot(Keccak.hash(utf8("systemconfig.unsafeblocksigner")).bytes()));
    assertEquals(UInt256.fromBytes(rollup.portal.toWord()), slot(minusOne("systemconfig.optimismportal")));
    assertEquals(UInt256.fromBytes(L1Rollup.BATCH_INBOX.toWord()), slot(minusOne("systemconfig.batchinbox")));
    assertEquals(UInt256.valueOf(rollup.initBlock), slot(minusOne("systemconfig.startBlock")));
    assertEquals(UInt256.fromBytes(L1Rollup.MESSENGER.toWord()),
        slot(minusOne("systemconfig.l1crossdomainmessenger")));
    // The OP layout: owner at 51, scalar at 102, batcherHash at 103.
    assertEquals(UInt256.fromBytes(OWNER.toWord()), slot(UInt256.valueOf(51)));
    assertEquals(UInt256.valueOf(ECOTONE_SCALAR), slot(UInt256.valueOf(102)));
    assertEquals(UInt256.fromBytes(BATCHER.toWord()), slot(UInt256.valueOf(103)));
  }

  @Test
  void ownerSettersEmitTheirUpdates() {
    Address config = rollup.systemConfig;
    Address newBatcher = Address.fromHex("0x00000000000000000000000000000000000ba7c5");
    TxResult.Executed batcher = evm.send(OWNER, config,
        call("setBatcherHash(bytes32)", bytes32(newBatcher.toWord())));
    assertTrue(batcher.success());
    assertUpdate(batcher.logs().get(0), 0, newBatcher.toWord());
    assertEquals(Bytes.wrap(newBatcher.toWord()), view(config, "batcherHash()"));

    TxResult.Executed ecotone = evm.send(OWNER, config, call("setGasConfigEcotone(uint32,uint32)",
        new Uint32(7), new Uint32(0xfffffffeL)));
    assertTrue(ecotone.success());
    BigInteger scalar = BigInteger.ONE.shiftLeft(248).or(BigInteger.valueOf(0xfffffffeL).shiftLeft(32))
        .or(BigInteger.valueOf(7));
    assertUpdate(ecotone.logs().get(0), 1, Bytes.concatenate(Bytes32.ZERO, word(scalar).bytes()));
    assertEquals(scalar, uintAt(view(config, "scalar()"), 0));
    assertEquals(BigInteger.valueOf(0xfffffffeL), uintAt(view(config, "blobbasefeeScalar()"), 0));

    TxResult.Executed legacy = evm.send(OWNER, config, call("setGasConfig(uint256,uint256)", uint(2100),
        uint(1_000_000)));
    assertTrue(legacy.success());
    assertUpdate(legacy.logs().get(0), 1, Bytes.concatenate(word(2100).bytes(), word(1_000_000).bytes()));
    assertReverts(evm.send(OWNER, config, call("setGasConfig(uint256,uint256)", uint(0),
        uint(BigInteger.ONE.shiftLeft(248)))), "SystemConfig: scalar exceeds max.");

    TxResult.Executed gasLimit = evm.send(OWNER, config, call("setGasLimit(uint64)", new Uint64(60_000_000)));
    assertTrue(gasLimit.success());
    assertUpdate(gasLimit.logs().get(0), 2, word(60_000_000).bytes());
    assertReverts(evm.send(OWNER, config, call("setGasLimit(uint64)", new Uint64(20_999_999))),
        "SystemConfig: gas limit too low");
    assertReverts(evm.send(OWNER, config, call("setGasLimit(uint64)", new Uint64(0))),
        "SystemConfig: gas limit too low");
    assertReverts(evm.send(OWNER, config, call("setGasLimit(uint64)", new Uint64(200_000_001))),
        "SystemConfig: gas limit too high");

    Address signer = Address.fromHex("0x000000000000000000000000000000000051a9e6");
    TxResult.Executed unsafe = evm.send(OWNER, config, call("setUnsafeBlockSigner(address)", address(signer)));
    assertTrue(unsafe.success());
    assertUpdate(unsafe.logs().get(0), 3, signer.toWord());
    assertEquals(signer, addressAt(view(config, "unsafeBlockSigner()"), 0));
  }

  @Test
  void onlyTheOwnerMaySetAndOwnershipMoves() {
    Address config = rollup.systemConfig;
    String notOwner = "Ownable: caller is not the owner";
    assertReverts(evm.send(USER, config, call("setBatcherHash(bytes32)", bytes32(USER.toWord()))), notOwner);
    assertReverts(evm.send(USER, config, call("setGasConfigEcotone(uint32,uint32)", new Uint32(1), new Uint32(1))),
        notOwner);
    assertReverts(evm.send(USER, config, call("setGasConfig(uint256,uint256)", uint(1), uint(1))), notOwner);
    assertReverts(evm.send(USER, config, call("setGasLimit(uint64)", new Uint64(L2_GAS_LIMIT))), notOwner);
    assertReverts(evm.send(USER, config, call("setUnsafeBlockSigner(address)", address(USER))), notOwner);
    assertReverts(evm.send(USER, config, call("transferOwnership(address)", address(USER))), notOwner);

    assertTrue(evm.send(OWNER, config, call("transferOwnership(address)", address(USER))).success());
    assertEquals(USER, addressAt(view(config, "owner()"), 0));
    assertTrue(evm.send(USER, config, call("setGasLimit(uint64)", new Uint64(L2_GAS_LIMIT))).success());
    assertReverts(evm.send(OWNER, config, call("setGasLimit(uint64)", new Uint64(L2_GAS_LIMIT))), notOwner);
  }

  @Test
  void initializeRunsOnceAndTheImplementationIsLocked() {
    String again = rollup.systemConfigInitialize(rollup.portal);
    assertReverts(evm.send(USER, rollup.systemConfig, again), "Initializable: contract is already initialized");
    Address implementation = evm.deploy(DEPLOYER, "SystemConfig");
    assertReverts(evm.send(USER, implementation, again), "Initializable: contract is already initialized");
  }

  private void assertUpdate(Log log, int updateType, Bytes data) {
    assertEquals(List.of(CONFIG_UPDATE, word(0), word(updateType)), log.topics());
    assertEquals(data, bytesData(log));
    assertEquals(BigInteger.valueOf(32), uintAt(log.data(), 0), "offset word");
  }

  private Bytes view(Address to, String signature) {
    return evm.call(USER, to, call(signature));
  }

  private UInt256 slot(Bytes32 key) {
    return slot(UInt256.fromBytes(key));
  }

  private UInt256 slot(UInt256 key) {
    UInt256 value = evm.base.accounts().get(rollup.systemConfig).storage.get(key);
    return value == null ? UInt256.ZERO : value;
  }

  private static Bytes32 minusOne(String label) {
    return UInt256.fromBytes(Keccak.hash(utf8(label)).bytes()).subtract(1).toBytes();
  }

  private static Bytes utf8(String text) {
    return Bytes.wrap(text.getBytes(StandardCharsets.UTF_8));
  }
}
