package dev.opsim.engine.contracts.l2core;

import static dev.opsim.engine.contracts.l2core.L2Sandbox.address;
import static dev.opsim.engine.contracts.l2core.L2Sandbox.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

/** WETH9 at 0x4200…0006 (runtime code placed as a genesis would): deposit, withdraw, ERC-20, the events. */
class Weth9Test {
  private static final Address WETH = Address.fromHex("0x4200000000000000000000000000000000000006");
  private static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000a11ce");
  private static final Address BOB = Address.fromHex("0x0000000000000000000000000000000000000b0b");
  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private final L2Sandbox chain = sandbox();

  @Test
  void metadataIsCode() {
    assertEquals("Wrapped Ether", string(encode("name")));
    assertEquals("WETH", string(encode("symbol")));
    assertEquals(BigInteger.valueOf(18), chain.callUint(BOB, WETH, encode("decimals")));
  }

  @Test
  void depositAndWithdraw() {
    TxResult.Executed d = chain.send(ALICE, WETH, BigInteger.valueOf(1000), encode("deposit"));
    assertTrue(d.success());
    assertEquals(List.of(topic("Deposit(address,uint256)"), Hash.wrap(ALICE.toWord())), d.logs().get(0).topics());
    assertTrue(chain.send(ALICE, WETH, BigInteger.valueOf(500), Bytes.EMPTY).success(), "plain transfer deposits");
    assertEquals(BigInteger.valueOf(1500), balanceOf(ALICE));
    assertEquals(BigInteger.valueOf(1500), chain.callUint(BOB, WETH, encode("totalSupply")));

    TxResult.Executed tooMuch = chain.send(ALICE, WETH, encode("withdraw", new Uint256(1501)));
    assertFalse(tooMuch.success());
    assertEquals(Bytes.EMPTY, tooMuch.output());
    TxResult.Executed w = chain.send(ALICE, WETH, encode("withdraw", new Uint256(600)));
    assertTrue(w.success());
    assertEquals(List.of(topic("Withdrawal(address,uint256)"), Hash.wrap(ALICE.toWord())), w.logs().get(0).topics());
    assertEquals(Bytes32.leftPad(Bytes.ofUnsignedInt(600)), w.logs().get(0).data());
    assertEquals(BigInteger.valueOf(900), balanceOf(ALICE));
    assertEquals(BigInteger.valueOf(900), chain.balance(WETH));
  }

  @Test
  void transfersAndAllowances() {
    chain.send(ALICE, WETH, BigInteger.valueOf(1000), encode("deposit"));
    TxResult.Executed t = chain.send(ALICE, WETH, encode("transfer", address(BOB), new Uint256(300)));
    assertTrue(t.success());
    assertEquals(List.of(topic("Transfer(address,address,uint256)"), Hash.wrap(ALICE.toWord()),
        Hash.wrap(BOB.toWord())), t.logs().get(0).topics());
    assertEquals(BigInteger.valueOf(700), balanceOf(ALICE));
    assertEquals(BigInteger.valueOf(300), balanceOf(BOB));
    assertFalse(chain.send(BOB, WETH, encode("transfer", address(ALICE), new Uint256(301))).success());

    // Without an allowance Bob cannot move Alice's tokens.
    assertFalse(chain.send(BOB, WETH, encode("transferFrom", address(ALICE), address(BOB), new Uint256(1))).success());
    TxResult.Executed a = chain.send(ALICE, WETH, encode("approve", address(BOB), new Uint256(100)));
    assertEquals(topic("Approval(address,address,uint256)"), a.logs().get(0).topics().get(0));
    assertTrue(chain.send(BOB, WETH, encode("transferFrom", address(ALICE), address(BOB), new Uint256(60))).success());
    assertEquals(BigInteger.valueOf(40), chain.callUint(BOB, WETH, encode("allowance", address(ALICE), address(BOB))));
    assertFalse(chain.send(BOB, WETH, encode("transferFrom", address(ALICE), address(BOB), new Uint256(41))).success());

    // An unlimited allowance is never decreased.
    chain.send(ALICE, WETH, encode("approve", address(BOB), new Uint256(MAX)));
    assertTrue(chain.send(BOB, WETH, encode("transferFrom", address(ALICE), address(BOB), new Uint256(100))).success());
    assertEquals(MAX, chain.callUint(BOB, WETH, encode("allowance", address(ALICE), address(BOB))));
    assertEquals(BigInteger.valueOf(540), balanceOf(ALICE));
    assertEquals(BigInteger.valueOf(460), balanceOf(BOB));
  }

  private BigInteger balanceOf(Address who) {
    return chain.callUint(BOB, WETH, encode("balanceOf", address(who)));
  }

  private String string(String calldata) {
    return (String) L2Sandbox.decode(chain.call(BOB, WETH, calldata), new TypeReference<Utf8String>() {}).get(0)
        .getValue();
  }

  private static Hash topic(String signature) {
    return Keccak.hash(Bytes.wrap(signature.getBytes()));
  }

  private static L2Sandbox sandbox() {
    L2Sandbox chain = new L2Sandbox();
    chain.base.put(WETH, 0, BigInteger.ZERO,
        Bytes.fromHexString(L2Sandbox.artifact("WETH9").get("deployedBytecode").asText()), java.util.Map.of());
    return chain;
  }
}
