package dev.opsim.engine.contracts.messaging;

import static dev.opsim.engine.contracts.messaging.MessagingWorld.ALICE;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.BOB;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.FACTORY;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.L2_BRIDGE;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.addr;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.assertReverts;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.contractArtifact;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.decode;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.fn;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.ok;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.onlyLog;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.str;
import static dev.opsim.engine.contracts.messaging.MessagingWorld.topic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.evm.state.Log;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes4;
import org.web3j.abi.datatypes.generated.Uint8;

/** OptimismMintableERC20Factory (0x4200…0012) and the tokens it creates (protocol-reference 9.6). */
class OptimismMintableERC20FactoryTest {
  private static final Address REMOTE = Address.fromHex("0x000000000000000000000000000000000000a0a0");
  private static final TypeReference<org.web3j.abi.datatypes.Address> INDEXED_ADDRESS =
      new TypeReference<>(true) {};
  private static final TypeReference<org.web3j.abi.datatypes.Address> ADDRESS = new TypeReference<>() {};

  private final MessagingWorld world = new MessagingWorld();

  /** CREATE2 address computed here: keccak(0xff ++ factory ++ salt ++ keccak(initCode))[12:]. */
  private static Address create2(Address factory, Bytes salt, Bytes initCode) {
    Bytes preimage = Bytes.concatenate(Bytes.of(0xff), factory.bytes(), salt, Keccak.hash(initCode).bytes());
    return Address.wrap(Keccak.hash(preimage).bytes().slice(12));
  }

  private static Bytes selector(String signature) {
    return Keccak.hash(Bytes.wrap(signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII))).bytes().slice(0, 4);
  }

  private static Bytes xor(Bytes... values) {
    Bytes result = Bytes.wrap(new byte[4]);
    for (Bytes v : values) {
      result = result.xor(v);
    }
    return result;
  }

  private Address create(String name, String symbol, int decimals) {
    Bytes call = decimals == 18
        ? fn("createOptimismMintableERC20", addr(REMOTE), str(name), str(symbol))
        : fn("createOptimismMintableERC20WithDecimals", addr(REMOTE), str(name), str(symbol), new Uint8(decimals));
    TxResult.Executed created = ok(world.send(ALICE, FACTORY, call));
    Address token = Address.fromHex((String) decode(created.output(), ADDRESS).get(0).getValue());

    Bytes salt = Keccak.hash(Bytes.fromHexString(FunctionEncoder.encodeConstructor(
        List.of(addr(REMOTE), new Utf8String(name), new Utf8String(symbol), new Uint8(decimals))))).bytes();
    Bytes initCode = Bytes.concatenate(Bytes.fromHexString(contractArtifact("OptimismMintableERC20").get("bytecode")
        .asText()), Bytes.fromHexString(FunctionEncoder.encodeConstructor(List.of(addr(L2_BRIDGE), addr(REMOTE),
        new Utf8String(name), new Utf8String(symbol), new Uint8(decimals)))));
    assertEquals(create2(FACTORY, salt, initCode), token, "CREATE2 address with OP's salt");

    Hash createdTopic = topic("OptimismMintableERC20Created", INDEXED_ADDRESS, INDEXED_ADDRESS, ADDRESS);
    Log log = onlyLog(created, FACTORY, createdTopic);
    assertEquals(List.of(createdTopic, Hash.wrap(token.toWord()), Hash.wrap(REMOTE.toWord())), log.topics());
    assertEquals(ALICE, Address.fromHex((String) decode(log.data(), ADDRESS).get(0).getValue()));
    Hash legacyTopic = topic("StandardL2TokenCreated", INDEXED_ADDRESS, INDEXED_ADDRESS);
    assertEquals(List.of(legacyTopic, Hash.wrap(REMOTE.toWord()), Hash.wrap(token.toWord())),
        onlyLog(created, FACTORY, legacyTopic).topics());
    return token;
  }

  @Test
  void createsTokensBoundToTheBridgeAtTheirCreate2Address() {
    Address token = create("Wrapped Thing", "wTHG", 18);
    for (String getter : List.of("remoteToken", "l1Token", "REMOTE_TOKEN")) {
      assertEquals(REMOTE, world.addressAt(token, fn(getter)), getter);
    }
    for (String getter : List.of("bridge", "l2Bridge", "BRIDGE")) {
      assertEquals(L2_BRIDGE, world.addressAt(token, fn(getter)), getter);
    }
    assertEquals(BigInteger.valueOf(18), world.uintAt(token, fn("decimals")));
    assertEquals("Wrapped Thing", decode(world.call(token, fn("name")), new TypeReference<Utf8String>() {}).get(0)
        .getValue());
    assertEquals(REMOTE, world.addressAt(FACTORY, fn("deployments", addr(token))));
    assertEquals(L2_BRIDGE, world.addressAt(FACTORY, fn("bridge")));
    assertEquals(L2_BRIDGE, world.addressAt(FACTORY, fn("BRIDGE")));

    Address sixDecimals = create("Six", "SIX", 6);
    assertEquals(BigInteger.valueOf(6), world.uintAt(sixDecimals, fn("decimals")));
  }

  @Test
  void theSamePairCannotBeCreatedTwiceAndTheRemoteTokenIsRequired() {
    create("A", "A", 18);
    assertFalse(world.send(BOB, FACTORY, fn("createOptimismMintableERC20", addr(REMOTE), str("A"), str("A")))
        .success(), "CREATE2 collision");
    assertReverts(world.send(BOB, FACTORY, fn("createOptimismMintableERC20", addr(Address.ZERO), str("B"),
        str("B"))), "OptimismMintableERC20Factory: must provide remote token address");
    // The legacy entry point creates the same kind of token.
    TxResult.Executed legacy = ok(world.send(BOB, FACTORY, fn("createStandardL2Token", addr(REMOTE), str("C"),
        str("C"))));
    Address token = Address.fromHex((String) decode(legacy.output(), ADDRESS).get(0).getValue());
    assertEquals(REMOTE, world.addressAt(token, fn("l1Token")));
  }

  @Test
  void supportsTheErc165InterfacesTheBridgesLookFor() {
    Address token = create("I", "I", 18);
    Bytes erc165 = selector("supportsInterface(bytes4)");
    Bytes legacy = xor(selector("l1Token()"), selector("mint(address,uint256)"), selector("burn(address,uint256)"));
    Bytes optimism = xor(selector("remoteToken()"), selector("bridge()"), selector("mint(address,uint256)"),
        selector("burn(address,uint256)"));
    assertEquals(Bytes.fromHexString("0x1d1d8b63"), legacy, "ILegacyMintableERC20 id as the spec gives it");
    for (Bytes id : List.of(erc165, legacy, optimism)) {
      assertTrue(world.boolAt(token, fn("supportsInterface", new Bytes4(id.toArrayUnsafe()))), id.toHexString());
    }
    for (Bytes id : List.of(Bytes.fromHexString("0xffffffff"), Bytes.fromHexString("0x00000000"),
        selector("transfer(address,uint256)"))) {
      assertFalse(world.boolAt(token, fn("supportsInterface", new Bytes4(id.toArrayUnsafe()))), id.toHexString());
    }
  }
}
