package dev.opsim.devnet.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.engine.blockchain.BlockBuilder;
import dev.opsim.engine.blockchain.Blockchain;
import dev.opsim.engine.blockchain.BuildRequest;
import dev.opsim.engine.blockchain.BuiltBlock;
import dev.opsim.engine.blockchain.MessageCall;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.chain.Receipt;
import dev.opsim.engine.genesis.GenesisJson;
import dev.opsim.engine.genesis.GenesisSpec;
import dev.opsim.engine.store.ChainStore;
import dev.opsim.engine.txpool.TransactionSigning;
import dev.opsim.evm.crypto.Secp256k1;
import dev.opsim.evm.crypto.Signature;
import dev.opsim.evm.state.AccountInfo;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import dev.opsim.protocol.Log;
import dev.opsim.protocol.config.RollupConfig;
import dev.opsim.protocol.deposit.DepositTx;
import dev.opsim.protocol.deposit.TransactionDeposited;
import dev.opsim.protocol.fee.FastLz;
import dev.opsim.protocol.fee.FjordCost;
import dev.opsim.protocol.fee.L1FeeParams;
import dev.opsim.protocol.l1info.L1InfoDeposit;
import dev.opsim.protocol.l1info.L1Origin;
import dev.opsim.protocol.tx.DynamicFeeTx;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The generated L1 and L2 genesis driven the way the running system will drive them: an identity root posted on
 * L1 and propagated by RootBridge through the L1 messenger and OptimismPortal; the TransactionDeposited log turned
 * into a deposit as a rollup node derives it (protocol-reference 3); an L2 block built from an Ecotone L1 info
 * deposit, that deposit and a user transaction. The root must land in RootRegistry through the real
 * L2CrossDomainMessenger, L1Block must hold the origin's values, and the user transaction must pay exactly the
 * L1 fee the Fjord formula gives over the values GasPriceOracle reports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeDerivationE2eTest {
  private static final long L1_CHAIN_ID = DevnetParameters.DEFAULT_L1_CHAIN_ID;
  private static final long L2_CHAIN_ID = DevnetParameters.DEFAULT_L2_CHAIN_ID;
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);

  private L1GenesisBuilder.Result l1Genesis;
  private L2GenesisBuilder.Result l2Genesis;
  private Blockchain l1;
  private Blockchain l2;
  private final long[] l1Nonces = new long[DevAccounts.COUNT];
  private final long[] l2Nonces = new long[DevAccounts.COUNT];

  @BeforeAll
  void genesis() throws Exception {
    l1Genesis = L1GenesisBuilder.build(L1_CHAIN_ID, L2_CHAIN_ID, DevnetParameters.DEFAULT_TIMESTAMP);
    GenesisSpec l1Spec = GenesisJson.parse(l1Genesis.genesisJson());
    l2Genesis = L2GenesisBuilder.build(new L2GenesisBuilder.L1Side(l1Spec, l1Genesis.addresses(), L2_CHAIN_ID));
    l1 = Blockchain.open(ChainStore.inMemory(), l1Spec);
    l2 = Blockchain.open(ChainStore.inMemory(), GenesisJson.parse(l2Genesis.genesisJson()));
  }

  private Address l1Address(String name) {
    Address a = l1Genesis.addresses().get(name);
    assertTrue(a != null, name + " missing from the address book " + l1Genesis.addresses().keySet());
    return a;
  }

  private static Bytes selector(String signature) {
    return Keccak.hash(Bytes.wrap(signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII))).bytes().slice(0, 4);
  }

  private static Bytes word(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return Bytes.wrap(out);
  }

  private static Bytes word(Address a) {
    return Bytes.concatenate(Bytes.wrap(new byte[12]), a.bytes());
  }

  private Bytes signed(long chainId, long[] nonces, int account, Address to, BigInteger value, long gas, Bytes data) {
    DevAccounts.DevAccount dev = DevnetParameters.accounts().get(account);
    BigInteger id = BigInteger.valueOf(chainId);
    long nonce = nonces[account]++;
    BigInteger tip = GWEI;
    BigInteger cap = GWEI.multiply(BigInteger.valueOf(50));
    DynamicFeeTx unsigned = new DynamicFeeTx(id, nonce, tip, cap, gas, to, value, data, List.of(), BigInteger.ZERO,
        BigInteger.ZERO, BigInteger.ZERO);
    Signature sig = Secp256k1.sign(TransactionSigning.signingHash(unsigned), dev.privateKey().toArrayUnsafe());
    return new DynamicFeeTx(id, nonce, tip, cap, gas, to, value, data, List.of(), BigInteger.valueOf(sig.yParity()),
        sig.r(), sig.s()).encode();
  }

  private static BuiltBlock build(Blockchain chain, long timestamp, Address feeRecipient, List<Bytes> txs,
      OptionalLong gasLimit) throws Exception {
    BlockHeader head = chain.head();
    BuiltBlock built = new BlockBuilder(chain, Optional.empty()).build(new BuildRequest(head.hash(), timestamp,
        feeRecipient, Keccak.hash(head.hash().bytes()), List.of(), Optional.of(Keccak.hash(Bytes.of(1))), txs, true,
        gasLimit, chain.config().isActive(dev.opsim.protocol.config.Fork.HOLOCENE, timestamp)
            ? Optional.of(Bytes.wrap(new byte[8])) : Optional.empty()));
    chain.forkchoice(built.block().hash(), Hash.ZERO, Hash.ZERO);
    for (Receipt r : built.receipts()) {
      assertTrue(r.success(), "a transaction of block " + built.block().header().number() + " failed");
    }
    return built;
  }

  private Bytes view(Blockchain chain, Address to, Bytes data) throws Exception {
    BlockHeader head = chain.head();
    TxResult result = MessageCall.run(chain, head, chain.state(head), new dev.opsim.evm.tx.Transaction(0,
        Address.ZERO, 0, 10_000_000, BigInteger.ZERO, null, null, to, BigInteger.ZERO, data, List.of(), List.of(),
        null), null);
    TxResult.Executed executed = (TxResult.Executed) result;
    assertTrue(executed.success(), "view call to " + to + " reverted");
    return executed.output();
  }

  @Test
  void aRootPostedOnL1ReachesRootRegistryThroughTheDerivedDepositAndTheFeePathIsExact() throws Exception {
    Hash root = Keccak.hash(Bytes.wrap("opsim identity set #1".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    Address source = l1Address("IdentityRootSource");
    Address bridge = l1Address("RootBridge");
    Address portal = l1Address("OptimismPortal");

    // L1: the operator (dev account 0) posts a root; anyone propagates it.
    Bytes update = Bytes.concatenate(selector("updateRoot(bytes32,bytes32,uint8)"), Bytes.wrap(new byte[32]),
        root.bytes(), word(BigInteger.ZERO));
    Bytes propagate = selector("propagateRoot()");
    BlockHeader l1Genesis = l1.head();
    BuiltBlock l1Block = build(l1, l1Genesis.timestamp() + 12, Address.ZERO, List.of(
        signed(L1_CHAIN_ID, l1Nonces, 0, source, BigInteger.ZERO, 300_000, update),
        signed(L1_CHAIN_ID, l1Nonces, 1, bridge, BigInteger.ZERO, 1_000_000, propagate)), OptionalLong.empty());

    // Derivation: every TransactionDeposited log of the portal, by its block-wide log index.
    List<DepositTx> deposits = new ArrayList<>();
    long logIndex = 0;
    for (Receipt receipt : l1Block.receipts()) {
      for (Log log : receipt.logs()) {
        if (TransactionDeposited.isDepositEvent(log, portal)) {
          deposits.add(TransactionDeposited.decodeDeposit(log, portal, l1Block.block().hash(), logIndex));
        }
        logIndex++;
      }
    }
    assertEquals(1, deposits.size(), "deposits from the root propagation");
    assertEquals(Address.fromHex("0x4200000000000000000000000000000000000007"), deposits.get(0).to().orElseThrow());

    // L2: the L1 info deposit of the new origin, the derived deposit, and a user transaction.
    RollupConfig rollup = l2Genesis.rollup();
    BlockHeader o = l1Block.block().header();
    L1Origin origin = new L1Origin(o.number(), o.timestamp(), o.baseFeePerGas().orElseThrow(), o.hash(),
        L1Origin.NO_BLOB_BASE_FEE);
    long l2Time = Math.max(l2.head().timestamp() + rollup.blockTime(), o.timestamp());
    DepositTx info = L1InfoDeposit.build(rollup, rollup.genesis().systemConfig(), origin, 0, l2Time);
    Address l2Recipient = Address.fromHex("0x00000000000000000000000000000000000b0b00");
    Bytes userTx = signed(L2_CHAIN_ID, l2Nonces, 5, l2Recipient, BigInteger.TEN, 21_000, Bytes.EMPTY);
    Address l1FeeVault = Address.fromHex("0x420000000000000000000000000000000000001a");
    BigInteger vaultBefore = balance(l2, l1FeeVault);
    build(l2, l2Time, Address.fromHex("0x4200000000000000000000000000000000000011"), List.of(
        Bytes.wrap(info.encode()), Bytes.wrap(deposits.get(0).encode()), userTx),
        OptionalLong.of(rollup.genesis().systemConfig().gasLimit()));

    // The root is in the registry, valid and latest.
    Address registry = L2Predeploys.ROOT_REGISTRY;
    assertEquals(root.bytes(), view(l2, registry, selector("latestRoot()")));
    assertEquals(word(BigInteger.ONE), view(l2, registry, Bytes.concatenate(selector("isValidRoot(bytes32)"),
        root.bytes())));

    // L1Block holds the origin; GasPriceOracle reports it; the user paid exactly the Fjord fee over those values.
    Address l1BlockPredeploy = Address.fromHex("0x4200000000000000000000000000000000000015");
    Address oracle = Address.fromHex("0x420000000000000000000000000000000000000F");
    assertEquals(word(BigInteger.valueOf(o.number())), view(l2, l1BlockPredeploy, selector("number()")));
    assertEquals(o.hash().bytes(), view(l2, l1BlockPredeploy, selector("hash()")));
    assertEquals(word(BigInteger.ONE), view(l2, oracle, selector("isFjord()")));
    BigInteger l1BaseFee = uint(view(l2, oracle, selector("l1BaseFee()")));
    assertEquals(o.baseFeePerGas().orElseThrow(), l1BaseFee);
    L1FeeParams params = L1FeeParams.ecotone(l1BaseFee, uint(view(l2, oracle, selector("blobBaseFee()"))),
        uint(view(l2, oracle, selector("baseFeeScalar()"))).longValueExact(),
        uint(view(l2, oracle, selector("blobBaseFeeScalar()"))).longValueExact());
    BigInteger expected = FjordCost.cost(params, FastLz.compressedLength(userTx)).fee();
    assertTrue(expected.signum() > 0, "a zero L1 fee proves nothing");
    assertEquals(expected, balance(l2, l1FeeVault).subtract(vaultBefore), "L1 fee paid to the L1FeeVault");
    assertFalse(balance(l2, l2Recipient).signum() == 0);
  }

  private static BigInteger uint(Bytes word) {
    return word.toUnsignedBigInteger();
  }

  private static BigInteger balance(Blockchain chain, Address a) {
    AccountInfo info = chain.state(chain.head()).account(a);
    return info == null ? BigInteger.ZERO : info.balance();
  }
}
