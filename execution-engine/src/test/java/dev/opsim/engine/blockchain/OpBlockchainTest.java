package dev.opsim.engine.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.Receipt;
import dev.opsim.engine.store.ChainStore;
import dev.opsim.evm.tx.FeeRules;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import dev.opsim.protocol.deposit.DepositTx;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** OP rules through the real chain: deposits (protocol-reference 2.4), deposit receipts (2.5), fee vaults (7.6). */
class OpBlockchainTest {
  private static final long CHAIN_ID = 901;
  private static final Address DEPOSITOR = Address.fromHex("0xdeaddeaddeaddeaddeaddeaddeaddeaddead0001");
  private static final Address L1_BLOCK = Address.fromHex("0x4200000000000000000000000000000000000015");
  private static final Address SEQUENCER_FEE_VAULT = Address.fromHex("0x4200000000000000000000000000000000000011");
  private static final BigInteger ETHER = BigInteger.TEN.pow(18);

  private static Bytes deposit(Hash source, Address from, Address to, BigInteger mint, BigInteger value, long gas,
      Bytes data) {
    return Bytes.wrap(new DepositTx(source, from, Optional.ofNullable(to), mint, value, gas, false, data).encode());
  }

  private static Bytes l1Info(int seed) {
    return deposit(Keccak.hash(Bytes.of(seed)), DEPOSITOR, L1_BLOCK, BigInteger.ZERO, BigInteger.ZERO, 1_000_000,
        Bytes.concatenate(Bytes.fromHexString("0x440a5e20"), Bytes.wrap(new byte[160])));
  }

  private static BuildRequest attributes(Hash parent, long timestamp, List<Bytes> txs) {
    return new BuildRequest(parent, timestamp, SEQUENCER_FEE_VAULT, Keccak.hash(Bytes.of(9)), List.of(),
        Optional.of(Keccak.hash(Bytes.of(8))), txs, true, OptionalLong.of(30_000_000), Optional.empty());
  }

  @Test
  void depositsMintAndMoveValueAndAReceivingSecondEngineAgrees() throws Exception {
    try (Blockchain a = Blockchain.open(ChainStore.inMemory(), TestChains.genesis(CHAIN_ID, true));
        Blockchain b = Blockchain.open(ChainStore.inMemory(), TestChains.genesis(CHAIN_ID, true))) {
      Address sender = Address.fromHex("0x00000000000000000000000000000000005e11de");
      Address recipient = Address.fromHex("0x000000000000000000000000000000000000beef");
      BigInteger mint = ETHER.multiply(BigInteger.valueOf(3)).divide(BigInteger.TWO);
      BigInteger value = ETHER.divide(BigInteger.valueOf(4));
      Bytes info = l1Info(1);
      Bytes user = deposit(Keccak.hash(Bytes.of(2)), sender, recipient, mint, value, 100_000, Bytes.EMPTY);
      BuiltBlock built = new BlockBuilder(a, Optional.empty())
          .build(attributes(a.head().hash(), a.head().timestamp() + 2, List.of(info, user)));
      Block block = built.block();
      // Regolith gas: the L1 info call to a code-less account costs its intrinsic gas; the transfer 21000.
      long infoGas = 21_000 + 4 * 160 + 16 * 4;
      assertEquals(infoGas + 21_000, block.header().gasUsed());
      assertEquals(new ImportResult.Valid(block.hash()), b.importBlock(block));
      b.forkchoice(block.hash(), block.hash(), Hash.ZERO);
      var state = b.state(b.head());
      assertEquals(mint.subtract(value), state.account(sender).balance());
      assertEquals(value, state.account(recipient).balance());
      assertEquals(1, state.account(sender).nonce());
      List<Receipt> receipts = b.receipts(block.hash()).orElseThrow();
      assertEquals(OptionalLong.of(0), receipts.get(1).depositNonce());
      assertEquals(OptionalLong.of(Receipt.DEPOSIT_RECEIPT_VERSION), receipts.get(1).depositReceiptVersion());
      assertTrue(receipts.get(1).success());
    }
  }

  @Test
  void aFailingDepositKeepsItsMintBumpsTheNonceAndUsesItsGasLimit() throws Exception {
    try (Blockchain chain = Blockchain.open(ChainStore.inMemory(), TestChains.genesis(CHAIN_ID, true))) {
      Address sender = Address.fromHex("0x00000000000000000000000000000000005e11de");
      // value above balance after the mint: a non-EVM failure (2.4)
      Bytes user = deposit(Keccak.hash(Bytes.of(3)), sender, Address.ZERO, BigInteger.TEN, ETHER, 50_000,
          Bytes.EMPTY);
      Block block = new BlockBuilder(chain, Optional.empty())
          .build(attributes(chain.head().hash(), chain.head().timestamp() + 2, List.of(l1Info(1), user))).block();
      chain.forkchoice(block.hash(), Hash.ZERO, Hash.ZERO);
      var state = chain.state(chain.head());
      assertEquals(BigInteger.TEN, state.account(sender).balance());
      assertEquals(1, state.account(sender).nonce());
      Receipt failed = chain.receipts(block.hash()).orElseThrow().get(1);
      assertFalse(failed.success());
      assertEquals(50_000, failed.cumulativeGasUsed() - chain.receipts(block.hash()).orElseThrow().get(0)
          .cumulativeGasUsed());
    }
  }

  @Test
  void aSignedTransactionFundedByAnEarlierDepositPaysBaseFeeToTheVault() throws Exception {
    try (Blockchain chain = Blockchain.open(ChainStore.inMemory(), TestChains.genesis(CHAIN_ID, true))) {
      byte[] key = new byte[32];
      key[31] = 42;
      Address fresh = dev.opsim.evm.crypto.Secp256k1.addressOf(key);
      Bytes fund = deposit(Keccak.hash(Bytes.of(4)), fresh, fresh, ETHER, BigInteger.ZERO, 21_000, Bytes.EMPTY);
      Address to = Address.fromHex("0x0000000000000000000000000000000000000bee");
      // The deposit took nonce 0 of the fresh account.
      Bytes signed = TestChains.transfer(key, CHAIN_ID, 1, to, BigInteger.ONE, 21_000, Bytes.EMPTY);
      BuiltBlock built = new BlockBuilder(chain, Optional.empty())
          .build(attributes(chain.head().hash(), chain.head().timestamp() + 2, List.of(l1Info(1), fund, signed)));
      chain.forkchoice(built.block().hash(), Hash.ZERO, Hash.ZERO);
      var state = chain.state(chain.head());
      assertEquals(BigInteger.ONE, state.account(to).balance());
      BigInteger baseFee = built.block().header().baseFeePerGas().orElseThrow();
      assertEquals(baseFee.multiply(BigInteger.valueOf(21_000)),
          state.account(FeeRules.Optimism.BASE_FEE_VAULT).balance());
      assertEquals(built.blockValue(), state.account(SEQUENCER_FEE_VAULT).balance());
    }
  }
}
