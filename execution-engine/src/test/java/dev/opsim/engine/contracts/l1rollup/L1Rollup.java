package dev.opsim.engine.contracts.l1rollup;

import static dev.opsim.engine.contracts.l1rollup.Abi.address;
import static dev.opsim.engine.contracts.l1rollup.Abi.bytes32;
import static dev.opsim.engine.contracts.l1rollup.Abi.call;
import static dev.opsim.engine.contracts.l1rollup.Abi.uint;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsim.evm.ContractAddress;
import dev.opsim.protocol.Address;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * The four L1 rollup contracts deployed behind test proxies and initialised as a deployment would: SuperchainConfig,
 * L2OutputOracle, SystemConfig, OptimismPortal.
 */
final class L1Rollup {
  static final Address DEPLOYER = Address.fromHex("0x00000000000000000000000000000000000d3b10");
  static final Address OWNER = Address.fromHex("0x0000000000000000000000000000000000000e0e");
  static final Address GUARDIAN = Address.fromHex("0x0000000000000000000000000000000000009a4d");
  static final Address PROPOSER = Address.fromHex("0x0000000000000000000000000000000000070905");
  static final Address CHALLENGER = Address.fromHex("0x000000000000000000000000000000000000c4a1");
  static final Address USER = Address.fromHex("0x00000000000000000000000000000000000a11ce");
  static final Address BATCHER = Address.fromHex("0x0000000000000000000000000000000000ba7c4e");
  static final Address UNSAFE_SIGNER = Address.fromHex("0x000000000000000000000000000000000051a9e5");
  static final Address BATCH_INBOX = Address.fromHex("0xff00000000000000000000000000000000000901");
  static final Address MESSENGER = Address.fromHex("0x00000000000000000000000000000000000c0d01");
  static final Address ERC721_BRIDGE = Address.fromHex("0x00000000000000000000000000000000000c0d02");
  static final Address STANDARD_BRIDGE = Address.fromHex("0x00000000000000000000000000000000000c0d03");
  static final Address ERC20_FACTORY = Address.fromHex("0x00000000000000000000000000000000000c0d04");

  static final long SUBMISSION_INTERVAL = 10;
  static final long L2_BLOCK_TIME = 2;
  static final long FINALIZATION_PERIOD = 604_800;
  static final long L2_GAS_LIMIT = 30_000_000;
  static final long BASEFEE_SCALAR = 1368;
  static final long BLOBBASEFEE_SCALAR = 810_949;
  static final long MAX_RESOURCE_LIMIT = 20_000_000;
  static final long SYSTEM_TX_MAX_GAS = 1_000_000;

  final L1Evm evm = new L1Evm(DEPLOYER, OWNER, GUARDIAN, PROPOSER, CHALLENGER, USER, BATCHER);
  final long startingTimestamp;
  final long initBlock;
  final Address superchainConfig;
  final Address oracle;
  final Address systemConfig;
  final Address portal;

  L1Rollup() {
    startingTimestamp = evm.timestamp - 10_000;
    superchainConfig = evm.deployProxied(DEPLOYER, "SuperchainConfig",
        call("initialize(address,bool)", address(GUARDIAN), new Bool(false)));
    oracle = evm.deployProxied(DEPLOYER, "L2OutputOracle",
        call("initialize(uint256,uint256,uint256,uint256,address,address,uint256)", uint(SUBMISSION_INTERVAL),
            uint(L2_BLOCK_TIME), uint(0), uint(startingTimestamp), address(PROPOSER), address(CHALLENGER),
            uint(FINALIZATION_PERIOD)));
    long nonce = evm.base.accounts().get(DEPLOYER).nonce;
    // SystemConfig's implementation and proxy take the next two nonces, the portal's the two after.
    Address predictedPortal = ContractAddress.createAddress(DEPLOYER, nonce + 3);
    initBlock = evm.number;
    systemConfig = evm.deployProxied(DEPLOYER, "SystemConfig", systemConfigInitialize(predictedPortal));
    portal = evm.deployProxied(DEPLOYER, "OptimismPortal",
        call("initialize(address,address,address)", address(oracle), address(systemConfig),
            address(superchainConfig)));
    assertEquals(predictedPortal, portal);
  }

  String systemConfigInitialize(Address portalAddress) {
    return call("initialize(address,uint32,uint32,bytes32,uint64,address,(uint32,uint8,uint8,uint32,uint32,uint128),"
            + "address,(address,address,address,address,address,address))",
        address(OWNER), new Uint32(BASEFEE_SCALAR), new Uint32(BLOBBASEFEE_SCALAR),
        bytes32(BATCHER.toWord()), new Uint64(L2_GAS_LIMIT), address(UNSAFE_SIGNER), standardResourceConfig(),
        address(BATCH_INBOX), new StaticStruct(address(MESSENGER), address(ERC721_BRIDGE), address(STANDARD_BRIDGE),
            address(oracle), address(portalAddress), address(ERC20_FACTORY)));
  }

  static StaticStruct standardResourceConfig() {
    return new StaticStruct(new Uint32(MAX_RESOURCE_LIMIT), new Uint8(10), new Uint8(8),
        new Uint32(1_000_000_000L), new Uint32(SYSTEM_TX_MAX_GAS),
        new Uint128(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE)));
  }

  static Bytes32 padded(Address a) {
    return a.toWord();
  }
}
