package dev.opsim.engine.contracts.l2core;

import static dev.opsim.engine.contracts.l2core.L2Sandbox.MESSAGE_PASSER;
import static dev.opsim.engine.contracts.l2core.L2Sandbox.address;
import static dev.opsim.engine.contracts.l2core.L2Sandbox.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsim.evm.state.Log;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Keccak;
import dev.opsim.protocol.withdrawal.MessagePassed;
import dev.opsim.protocol.withdrawal.Withdrawal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * The fee vaults (protocol-reference 7.6): settings, the minimum, withdrawal to an L2 recipient (a transfer) and to an
 * L1 recipient (a withdrawal through L2ToL1MessagePasser with a 400,000 gas limit), the two Withdrawal events.
 */
class FeeVaultTest {
  private static final Address RECIPIENT = Address.fromHex("0x000000000000000000000000000000000000a0a0");
  private static final Address CALLER = Address.fromHex("0x000000000000000000000000000000000000c0c0");
  private static final BigInteger MIN = BigInteger.valueOf(1_000_000);
  private static final Address SEQUENCER_FEE_VAULT = Address.fromHex("0x4200000000000000000000000000000000000011");
  private static final Address BASE_FEE_VAULT = Address.fromHex("0x4200000000000000000000000000000000000019");
  private static final Address L1_FEE_VAULT = Address.fromHex("0x420000000000000000000000000000000000001a");

  @Test
  void storageLayoutIsTotalProcessedThenTheGap() {
    for (String name : List.of("FeeVault", "SequencerFeeVault", "BaseFeeVault", "L1FeeVault")) {
      JsonNode storage = L2Sandbox.artifact(name).get("storageLayout").get("storage");
      List<String> actual = new ArrayList<>();
      storage.forEach(e -> actual.add(e.get("label").asText() + "@" + e.get("slot").asText()));
      assertEquals(List.of("totalProcessed@0", "__gap@1"), actual, name);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"SequencerFeeVault", "BaseFeeVault", "L1FeeVault"})
  void settingsAnswerThroughTheProxy(String name) {
    L2Sandbox chain = new L2Sandbox();
    Address vault = at(name);
    chain.installProxied(vault, name, address(RECIPIENT), new Uint256(MIN), new Uint8(1));
    assertEquals(word(RECIPIENT), chain.callUint(CALLER, vault, encode("RECIPIENT")));
    assertEquals(word(RECIPIENT), chain.callUint(CALLER, vault, encode("recipient")));
    assertEquals(MIN, chain.callUint(CALLER, vault, encode("MIN_WITHDRAWAL_AMOUNT")));
    assertEquals(MIN, chain.callUint(CALLER, vault, encode("minWithdrawalAmount")));
    assertEquals(BigInteger.ONE, chain.callUint(CALLER, vault, encode("WITHDRAWAL_NETWORK")));
    assertEquals(BigInteger.ONE, chain.callUint(CALLER, vault, encode("withdrawalNetwork")));
    assertEquals(BigInteger.ZERO, chain.callUint(CALLER, vault, encode("totalProcessed")));
    if (name.equals("SequencerFeeVault")) {
      assertEquals(word(RECIPIENT), chain.callUint(CALLER, vault, encode("l1FeeWallet")));
    }
  }

  @Test
  void belowTheMinimumNothingMoves() {
    L2Sandbox chain = new L2Sandbox();
    chain.installProxied(BASE_FEE_VAULT, "BaseFeeVault", address(RECIPIENT), new Uint256(MIN), new Uint8(1));
    assertTrue(chain.send(CALLER, BASE_FEE_VAULT, MIN.subtract(BigInteger.ONE), Bytes.EMPTY).success(), "receive");
    chain.assertRevertsWith(CALLER, BASE_FEE_VAULT, encode("withdraw"),
        "FeeVault: withdrawal amount must be greater than minimum withdrawal amount");
    assertEquals(MIN.subtract(BigInteger.ONE), chain.balance(BASE_FEE_VAULT));
    assertEquals(BigInteger.ZERO, chain.balance(RECIPIENT));
  }

  @Test
  void l2RecipientIsPaidDirectly() {
    L2Sandbox chain = new L2Sandbox();
    chain.installProxied(SEQUENCER_FEE_VAULT, "SequencerFeeVault", address(RECIPIENT), new Uint256(MIN),
        new Uint8(1));
    chain.fund(SEQUENCER_FEE_VAULT, MIN.multiply(BigInteger.valueOf(3)));
    TxResult.Executed w = chain.send(CALLER, SEQUENCER_FEE_VAULT, encode("withdraw"));
    assertTrue(w.success(), "withdraw: " + w);
    BigInteger amount = MIN.multiply(BigInteger.valueOf(3));
    assertEquals(amount, chain.balance(RECIPIENT));
    assertEquals(BigInteger.ZERO, chain.balance(SEQUENCER_FEE_VAULT));
    assertEquals(amount, chain.callUint(CALLER, SEQUENCER_FEE_VAULT, encode("totalProcessed")));
    assertWithdrawalEvents(w.logs(), SEQUENCER_FEE_VAULT, amount, 1);

    chain.fund(SEQUENCER_FEE_VAULT, MIN);
    assertTrue(chain.send(CALLER, SEQUENCER_FEE_VAULT, encode("withdraw")).success());
    assertEquals(amount.add(MIN), chain.callUint(CALLER, SEQUENCER_FEE_VAULT, encode("totalProcessed")));
  }

  @Test
  void l2RecipientThatRefusesEthRevertsTheWithdrawal() {
    L2Sandbox chain = new L2Sandbox();
    Address refuses = chain.deploy("L1Block");
    chain.installProxied(BASE_FEE_VAULT, "BaseFeeVault", address(refuses), new Uint256(0), new Uint8(1));
    chain.fund(BASE_FEE_VAULT, MIN);
    chain.assertRevertsWith(CALLER, BASE_FEE_VAULT, encode("withdraw"),
        "FeeVault: failed to send ETH to L2 fee recipient");
    assertEquals(MIN, chain.balance(BASE_FEE_VAULT));
    assertEquals(BigInteger.ZERO, chain.callUint(CALLER, BASE_FEE_VAULT, encode("totalProcessed")));
  }

  @Test
  void l1RecipientGetsAWithdrawalThroughTheMessagePasser() throws DecodeException {
    L2Sandbox chain = new L2Sandbox();
    chain.installProxied(MESSAGE_PASSER, "L2ToL1MessagePasser");
    chain.installProxied(L1_FEE_VAULT, "L1FeeVault", address(RECIPIENT), new Uint256(MIN), new Uint8(0));
    chain.fund(L1_FEE_VAULT, MIN);
    TxResult.Executed w = chain.send(CALLER, L1_FEE_VAULT, encode("withdraw"));
    assertTrue(w.success(), "withdraw: " + w);
    assertEquals(BigInteger.ZERO, chain.balance(L1_FEE_VAULT));
    assertEquals(MIN, chain.balance(MESSAGE_PASSER));
    assertEquals(BigInteger.ZERO, chain.balance(RECIPIENT));
    assertWithdrawalEvents(w.logs().subList(0, 2), L1_FEE_VAULT, MIN, 0);
    Log passed = w.logs().get(2);
    assertEquals(MESSAGE_PASSER, passed.address());
    Withdrawal expected = new Withdrawal(BigInteger.ONE.shiftLeft(240), L1_FEE_VAULT, RECIPIENT, MIN,
        BigInteger.valueOf(400_000), Bytes.EMPTY);
    assertEquals(MessagePassed.of(expected), MessagePassed.decode(passed.topics(), passed.data()));
  }

  private static void assertWithdrawalEvents(List<Log> logs, Address vault, BigInteger amount, int network) {
    assertEquals(2, logs.size());
    Bytes common = Bytes.concatenate(Bytes32.leftPad(Bytes.wrap(amount.toByteArray()).trimLeadingZeros()),
        RECIPIENT.toWord(), CALLER.toWord());
    assertEquals(vault, logs.get(0).address());
    assertEquals(List.of(Keccak.hash(Bytes.wrap("Withdrawal(uint256,address,address)".getBytes()))),
        logs.get(0).topics());
    assertEquals(common, logs.get(0).data());
    assertEquals(List.of(Keccak.hash(Bytes.wrap("Withdrawal(uint256,address,address,uint8)".getBytes()))),
        logs.get(1).topics());
    assertEquals(Bytes.concatenate(common, Bytes32.leftPad(Bytes.of(network))), logs.get(1).data());
  }

  private static Address at(String name) {
    return switch (name) {
      case "SequencerFeeVault" -> SEQUENCER_FEE_VAULT;
      case "BaseFeeVault" -> BASE_FEE_VAULT;
      default -> L1_FEE_VAULT;
    };
  }

  private static BigInteger word(Address a) {
    return a.toWord().toUnsignedBigInteger();
  }
}
