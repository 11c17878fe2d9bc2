package dev.opsim.engine.contracts.l2core;

import static dev.opsim.engine.contracts.l2core.L2Sandbox.ADMIN_SLOT;
import static dev.opsim.engine.contracts.l2core.L2Sandbox.IMPLEMENTATION_SLOT;
import static dev.opsim.engine.contracts.l2core.L2Sandbox.address;
import static dev.opsim.engine.contracts.l2core.L2Sandbox.addressOf;
import static dev.opsim.engine.contracts.l2core.L2Sandbox.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsim.evm.state.Log;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.DynamicBytes;

/**
 * Proxy (ERC-1967, OP's proxyCallIfNotAdmin: the admin and address(0) reach the proxy, everyone else the
 * implementation) and ProxyAdmin (Ownable; upgrade, upgradeAndCall, changeProxyAdmin, the getters).
 */
class ProxyTest {
  private static final Address OWNER = Address.fromHex("0x00000000000000000000000000000000000000a1");
  private static final Address USER = Address.fromHex("0x00000000000000000000000000000000000000b2");
  private static final Address OTHER = Address.fromHex("0x00000000000000000000000000000000000000c3");
  private static final Hash UPGRADED = Keccak.hash(Bytes.wrap("Upgraded(address)".getBytes()));
  private static final Hash ADMIN_CHANGED = Keccak.hash(Bytes.wrap("AdminChanged(address,address)".getBytes()));
  private static final Hash OWNERSHIP_TRANSFERRED =
      Keccak.hash(Bytes.wrap("OwnershipTransferred(address,address)".getBytes()));

  @Test
  void adminReachesTheProxyEveryoneElseTheImplementation() {
    L2Sandbox chain = new L2Sandbox();
    Address proxy = chain.deploy("Proxy", address(OWNER));
    assertEquals(OWNER, addressOf(chain.storage(proxy, ADMIN_SLOT)));
    assertEquals(OWNER, addressOf(chain.storage(proxy, ADMIN_SLOT)));

    // No implementation yet: the admin reads zero, others cannot get through.
    assertEquals(BigInteger.ZERO, chain.callUint(OWNER, proxy, encode("implementation")));
    chain.assertRevertsWith(USER, proxy, encode("implementation"), "Proxy: implementation not initialized");

    Address oracle = chain.deploy("GasPriceOracle");
    TxResult.Executed up = chain.send(OWNER, proxy, encode("upgradeTo", address(oracle)));
    assertTrue(up.success());
    assertEquals(List.of(new Log(proxy, List.of(UPGRADED, Hash.wrap(oracle.toWord())), Bytes.EMPTY)), up.logs());
    assertEquals(oracle, addressOf(chain.storage(proxy, IMPLEMENTATION_SLOT)));

    // A user's call is delegated, even for a selector the proxy defines (GasPriceOracle has no upgradeTo).
    assertEquals(BigInteger.valueOf(6), chain.callUint(USER, proxy, encode("decimals")));
    assertFalse(chain.send(USER, proxy, encode("upgradeTo", address(USER))).success());
    assertFalse(chain.send(USER, proxy, encode("changeAdmin", address(USER))).success());
    assertEquals(oracle, addressOf(chain.storage(proxy, IMPLEMENTATION_SLOT)));
    assertEquals(OWNER, addressOf(chain.storage(proxy, ADMIN_SLOT)));
    // The admin reaches the implementation only through selectors the proxy does not define (the fallback).
    assertEquals(BigInteger.valueOf(6), chain.callUint(OWNER, proxy, encode("decimals")));

    // address(0) (eth_call without a sender, upgrade deposits) is treated as the admin.
    assertEquals(oracle.toWord().toUnsignedBigInteger(), chain.callUint(Address.ZERO, proxy, encode("implementation")));
    assertEquals(OWNER.toWord().toUnsignedBigInteger(), chain.callUint(Address.ZERO, proxy, encode("admin")));

    TxResult.Executed change = chain.send(OWNER, proxy, encode("changeAdmin", address(OTHER)));
    assertTrue(change.success());
    assertEquals(ADMIN_CHANGED, change.logs().get(0).topics().get(0));
    assertEquals(Bytes.concatenate(OWNER.toWord(), OTHER.toWord()), change.logs().get(0).data());
    assertEquals(OTHER, addressOf(chain.storage(proxy, ADMIN_SLOT)));
    assertEquals(BigInteger.valueOf(6), chain.callUint(OWNER, proxy, encode("decimals")));
  }

  @Test
  void upgradeToAndCallRunsTheCallInTheProxyOrRevertsAtomically() {
    L2Sandbox chain = new L2Sandbox();
    Address proxy = chain.deploy("Proxy", address(OWNER));
    Address weth = chain.deploy("WETH9");
    BigInteger value = BigInteger.valueOf(5000);
    TxResult.Executed ok = chain.send(OWNER, proxy, value,
        encode("upgradeToAndCall", address(weth), new DynamicBytes(Bytes.fromHexString(encode("deposit")).toArray())));
    assertTrue(ok.success(), "upgradeToAndCall: " + ok);
    assertEquals(value, chain.balance(proxy));
    assertEquals(value, chain.callUint(USER, proxy, encode("balanceOf", address(OWNER))));

    Address oracle = chain.deploy("GasPriceOracle");
    // setEcotone from the proxy admin is not the depositor: the delegatecall fails and the upgrade is undone.
    chain.assertRevertsWith(OWNER, proxy, encode("upgradeToAndCall", address(oracle),
        new DynamicBytes(Bytes.fromHexString(encode("setEcotone")).toArray())),
        "Proxy: delegatecall to new implementation contract failed");
    assertEquals(weth, addressOf(chain.storage(proxy, IMPLEMENTATION_SLOT)));
  }

  @Test
  void proxyAdminUpgradesItsProxiesForItsOwnerOnly() {
    L2Sandbox chain = new L2Sandbox();
    Address admin = chain.deploy("ProxyAdmin", address(OWNER));
    assertEquals(OWNER.toWord().toUnsignedBigInteger(), chain.callUint(USER, admin, encode("owner")));
    assertEquals(OWNER, addressOf(chain.storage(admin, org.apache.tuweni.units.bigints.UInt256.ZERO)));
    Address proxy = chain.deploy("Proxy", address(admin));
    Address oracle = chain.deploy("GasPriceOracle");
    Address weth = chain.deploy("WETH9");

    assertEquals(admin.toWord().toUnsignedBigInteger(),
        chain.callUint(USER, admin, encode("getProxyAdmin", address(proxy))));
    assertEquals(BigInteger.ZERO, chain.callUint(USER, admin, encode("getProxyImplementation", address(proxy))));

    chain.assertRevertsWith(USER, admin, encode("upgrade", address(proxy), address(oracle)),
        "Ownable: caller is not the owner");
    assertTrue(chain.send(OWNER, admin, encode("upgrade", address(proxy), address(oracle))).success());
    assertEquals(oracle.toWord().toUnsignedBigInteger(),
        chain.callUint(USER, admin, encode("getProxyImplementation", address(proxy))));
    assertEquals(BigInteger.valueOf(6), chain.callUint(USER, proxy, encode("decimals")));

    byte[] deposit = Bytes.fromHexString(encode("deposit")).toArray();
    chain.assertRevertsWith(USER, admin, encode("upgradeAndCall", address(proxy), address(weth),
        new DynamicBytes(deposit)), "Ownable: caller is not the owner");
    TxResult.Executed upgradeAndCall = chain.send(OWNER, admin, BigInteger.valueOf(77),
        encode("upgradeAndCall", address(proxy), address(weth), new DynamicBytes(deposit)));
    assertTrue(upgradeAndCall.success(), "upgradeAndCall: " + upgradeAndCall);
    // The deposit ran in the proxy with the ProxyAdmin as msg.sender.
    assertEquals(BigInteger.valueOf(77), chain.callUint(USER, proxy, encode("balanceOf", address(admin))));

    chain.assertRevertsWith(USER, admin, encode("changeProxyAdmin", address(proxy), address(OTHER)),
        "Ownable: caller is not the owner");
    assertTrue(chain.send(OWNER, admin, encode("changeProxyAdmin", address(proxy), address(OTHER))).success());
    assertEquals(OTHER, addressOf(chain.storage(proxy, ADMIN_SLOT)));
    // No longer its admin: the ProxyAdmin's upgrade call is delegated to WETH9, which has no upgradeTo... but a
    // fallback (deposit), so it "succeeds" without changing the implementation, exactly as a non-admin call would.
    chain.send(OWNER, admin, encode("upgrade", address(proxy), address(oracle)));
    assertEquals(weth, addressOf(chain.storage(proxy, IMPLEMENTATION_SLOT)));
  }

  @Test
  void ownershipMovesAndCanBeRenounced() {
    L2Sandbox chain = new L2Sandbox();
    Address admin = chain.deploy("ProxyAdmin", address(OWNER));
    chain.assertRevertsWith(USER, admin, encode("transferOwnership", address(USER)), "Ownable: caller is not the owner");
    chain.assertRevertsWith(OWNER, admin, encode("transferOwnership", address(Address.ZERO)),
        "Ownable: new owner is the zero address");
    TxResult.Executed moved = chain.send(OWNER, admin, encode("transferOwnership", address(USER)));
    assertTrue(moved.success());
    assertEquals(List.of(OWNERSHIP_TRANSFERRED, Hash.wrap(OWNER.toWord()), Hash.wrap(USER.toWord())),
        moved.logs().get(0).topics());
    assertEquals(USER.toWord().toUnsignedBigInteger(), chain.callUint(OTHER, admin, encode("owner")));
    chain.assertRevertsWith(OWNER, admin, encode("renounceOwnership"), "Ownable: caller is not the owner");
    assertTrue(chain.send(USER, admin, encode("renounceOwnership")).success());
    assertEquals(BigInteger.ZERO, chain.callUint(OTHER, admin, encode("owner")));
    chain.assertRevertsWith(USER, admin, encode("transferOwnership", address(USER)), "Ownable: caller is not the owner");
  }

  @Test
  void storageLayouts() {
    JsonNode proxyAdmin = L2Sandbox.artifact("ProxyAdmin").get("storageLayout").get("storage");
    assertEquals(1, proxyAdmin.size());
    assertEquals("_owner", proxyAdmin.get(0).get("label").asText());
    assertEquals("0", proxyAdmin.get(0).get("slot").asText());
    // The proxy keeps nothing in ordinary slots, so it cannot collide with an implementation's layout.
    assertEquals(0, L2Sandbox.artifact("Proxy").get("storageLayout").get("storage").size());
    JsonNode initializable = L2Sandbox.artifact("Initializable").get("storageLayout").get("storage");
    assertEquals("_initialized", initializable.get(0).get("label").asText());
    assertEquals("_initializing", initializable.get(1).get("label").asText());
    assertEquals(1, initializable.get(1).get("offset").asInt());
  }
}
