package dev.opsim.engine.contracts.l1rollup;

import static dev.opsim.engine.contracts.l1rollup.Abi.address;
import static dev.opsim.engine.contracts.l1rollup.Abi.bytesData;
import static dev.opsim.engine.contracts.l1rollup.Abi.call;
import static dev.opsim.engine.contracts.l1rollup.Abi.uint;
import static dev.opsim.engine.contracts.l1rollup.Abi.uintAt;
import static dev.opsim.engine.contracts.l1rollup.Abi.word;
import static dev.opsim.engine.contracts.l1rollup.L1Evm.assertReverts;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.DEPLOYER;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.GUARDIAN;
import static dev.opsim.engine.contracts.l1rollup.L1Rollup.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsim.evm.state.Log;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint64;

/** OptimismPortal deposits: the TransactionDeposited event byte for byte (protocol-reference 3) and the limits. */
class OptimismPortalDepositTest {
  /** protocol-reference 3: keccak("TransactionDeposited(address,address,uint256,bytes)"). */
  private static final Hash TRANSACTION_DEPOSITED =
      Hash.fromHex("0xb3813568d9991fc951961fcb4c784893574240a28925604d09fc577c55bb7c32");
  private static final String DEPOSIT = "depositTransaction(address,uint256,uint64,bool,bytes)";
  private static final Address L2_TARGET = Address.fromHex("0x00000000000000000000000000000000000b0b00");

  private final L1Rollup rollup = new L1Rollup();
  private final L1Evm evm = rollup.evm;

  @Test
  void selectorIsTheSpecOne() {
    assertEquals("0xe9e05c42", call(DEPOSIT).substring(0, 10));
  }

  @Test
  void eoaDepositEmitsVersionZeroOpaqueData() {
    BigInteger mint = BigInteger.valueOf(3_000_000_000_000L);
    BigInteger value = BigInteger.valueOf(1234);
    Bytes data = Bytes.fromHexString("0xdeadbeef00ff");
    TxResult.Executed deposit = evm.send(USER, rollup.portal, mint, deposit(L2_TARGET, value, 100_000, false, data));
    assertTrue(deposit.success(), L1Evm.revertReason(deposit.output()));
    Log log = single(deposit);
    assertEquals(List.of(TRANSACTION_DEPOSITED, word(USER), word(L2_TARGET), word(0)), log.topics());
    assertEquals(opaque(mint, value, 100_000, false, data), bytesData(log));
    // ABI framing: offset 32, then the length, then the bytes padded to a word.
    assertEquals(BigInteger.valueOf(32), uintAt(log.data(), 0));
    assertEquals(64 + 96, log.data().size(), "79 opaque bytes pad to 96");
    assertEquals(mint, evm.base.accounts().get(rollup.portal).balance, "the minted ETH stays in the portal");
  }

  @Test
  void creationNeedsTheZeroTarget() {
    Bytes initCode = Bytes.fromHexString("0x6000600055");
    assertReverts(evm.send(USER, rollup.portal, BigInteger.ZERO, deposit(L2_TARGET, BigInteger.ZERO, 100_000, true,
        initCode)), "OptimismPortal: must send to address(0) when creating a contract");
    TxResult.Executed creation = evm.send(USER, rollup.portal, BigInteger.ZERO, deposit(Address.ZERO,
        BigInteger.ZERO, 100_000, true, initCode));
    assertTrue(creation.success());
    assertEquals(opaque(BigInteger.ZERO, BigInteger.ZERO, 100_000, true, initCode), bytesData(single(creation)));
  }

  @Test
  void gasLimitMustCoverTheCalldata() {
    Bytes data = Bytes.wrap(new byte[100]);
    long minimum = 100 * 16 + 21_000;
    assertEquals(BigInteger.valueOf(minimum),
        uintAt(evm.call(USER, rollup.portal, call("minimumGasLimit(uint64)", new Uint64(100))), 0));
    assertReverts(evm.send(USER, rollup.portal, BigInteger.ZERO, deposit(L2_TARGET, BigInteger.ZERO, minimum - 1,
        false, data)), "OptimismPortal: gas limit too small");
    assertReverts(evm.send(USER, rollup.portal, BigInteger.ZERO, deposit(L2_TARGET, BigInteger.ZERO, 0, false,
        Bytes.EMPTY)), "OptimismPortal: gas limit too small");
    assertTrue(evm.send(USER, rollup.portal, BigInteger.ZERO, deposit(L2_TARGET, BigInteger.ZERO, minimum, false,
        data)).success());
  }

  @Test
  void dataIsLimitedTo120000Bytes() {
    long gas = 120_001L * 16 + 21_000;
    assertReverts(evm.send(USER, rollup.portal, BigInteger.ZERO, Bytes.fromHexString(deposit(L2_TARGET,
        BigInteger.ZERO, gas, false, Bytes.wrap(new byte[120_001]))), 29_000_000),
        "OptimismPortal: data too large");
    assertTrue(evm.send(USER, rollup.portal, BigInteger.ZERO, Bytes.fromHexString(deposit(L2_TARGET,
        BigInteger.ZERO, gas, false, Bytes.wrap(new byte[120_000]))), 29_000_000).success());
  }

  @Test
  void depositGasPerL1BlockIsCappedByTheResourceLimit() {
    long half = L1Rollup.MAX_RESOURCE_LIMIT / 2;
    assertTrue(evm.send(USER, rollup.portal, BigInteger.ZERO, deposit(L2_TARGET, BigInteger.ZERO, half, false,
        Bytes.EMPTY)).success());
    assertTrue(evm.send(USER, rollup.portal, BigInteger.ZERO, deposit(L2_TARGET, BigInteger.ZERO, half, false,
        Bytes.EMPTY)).success());
    assertReverts(evm.send(USER, rollup.portal, BigInteger.ZERO, deposit(L2_TARGET, BigInteger.ZERO, 21_000, false,
        Bytes.EMPTY)), "ResourceMetering: cannot buy more gas than available gas limit");
    evm.advance(12);
    assertTrue(evm.send(USER, rollup.portal, BigInteger.ZERO, deposit(L2_TARGET, BigInteger.ZERO, 21_000, false,
        Bytes.EMPTY)).success());
    assertReverts(evm.send(USER, rollup.portal, BigInteger.ZERO, deposit(L2_TARGET, BigInteger.ZERO,
        L1Rollup.MAX_RESOURCE_LIMIT + 1, false, Bytes.EMPTY)),
        "ResourceMetering: cannot buy more gas than available gas limit");
  }

  @Test
  void contractDepositorsAreAliased() {
    Address depositor = evm.deploy(DEPLOYER, "PortalDepositor");
    BigInteger mint = BigInteger.valueOf(77);
    TxResult.Executed deposit = evm.send(USER, depositor, mint, call("deposit(address,address,uint64,bytes)",
        address(rollup.portal), address(L2_TARGET), new Uint64(50_000), new DynamicBytes(new byte[] {1, 2})));
    assertTrue(deposit.success(), L1Evm.revertReason(deposit.output()));
    Log log = single(deposit);
    Address aliased = Address.fromHex("0x" + new BigInteger(1, depositor.toArray())
        .add(new BigInteger("1111000000000000000000000000000000001111", 16)).mod(BigInteger.ONE.shiftLeft(160))
        .toString(16));
    assertEquals(aliased, depositor.applyL1ToL2Alias());
    assertEquals(word(aliased), log.topics().get(1));
    assertEquals(opaque(mint, mint, 50_000, false, Bytes.of(1, 2)), bytesData(log));
  }

  @Test
  void sendingEthDepositsToTheSender() {
    BigInteger amount = BigInteger.valueOf(5_000);
    TxResult.Executed deposit = evm.send(USER, rollup.portal, amount, Bytes.EMPTY, 200_000);
    assertTrue(deposit.success());
    Log log = single(deposit);
    assertEquals(List.of(TRANSACTION_DEPOSITED, word(USER), word(USER), word(0)), log.topics());
    assertEquals(opaque(amount, amount, 100_000, false, Bytes.EMPTY), bytesData(log));
    // donateETH takes ETH without a deposit.
    TxResult.Executed donation = evm.send(USER, rollup.portal, amount, call("donateETH()"));
    assertTrue(donation.success());
    assertTrue(donation.logs().isEmpty());
    assertEquals(amount.add(amount), evm.base.accounts().get(rollup.portal).balance);
  }

  @Test
  void depositsContinueWhilePaused() {
    assertTrue(evm.send(GUARDIAN, rollup.superchainConfig, call("pause(string)", new Utf8String("p"))).success());
    assertTrue(evm.send(USER, rollup.portal, BigInteger.ONE, deposit(L2_TARGET, BigInteger.ONE, 21_000, false,
        Bytes.EMPTY)).success());
  }

  @Test
  void l2SenderIsTheDefaultOutsideFinalization() {
    assertEquals(Address.fromHex("0x000000000000000000000000000000000000dEaD"),
        Abi.addressAt(evm.call(USER, rollup.portal, call("l2Sender()")), 0));
    assertEquals(rollup.oracle, Abi.addressAt(evm.call(USER, rollup.portal, call("l2Oracle()")), 0));
    assertEquals(rollup.oracle, Abi.addressAt(evm.call(USER, rollup.portal, call("L2_ORACLE()")), 0));
    assertEquals(rollup.systemConfig, Abi.addressAt(evm.call(USER, rollup.portal, call("systemConfig()")), 0));
    assertEquals(rollup.superchainConfig,
        Abi.addressAt(evm.call(USER, rollup.portal, call("superchainConfig()")), 0));
  }

  private static String deposit(Address to, BigInteger value, long gasLimit, boolean creation, Bytes data) {
    return call(DEPOSIT, address(to), uint(value), new Uint64(gasLimit), new Bool(creation),
        new DynamicBytes(data.toArray()));
  }

  /** abi.encodePacked(uint256 mint, uint256 value, uint64 gasLimit, bool isCreation, bytes data). */
  private static Bytes opaque(BigInteger mint, BigInteger value, long gasLimit, boolean creation, Bytes data) {
    return Bytes.concatenate(word(mint).bytes(), word(value).bytes(), Bytes.wrap(java.nio.ByteBuffer.allocate(8).putLong(gasLimit).array()),
        Bytes.of(creation ? 1 : 0), data);
  }

  private static Log single(TxResult.Executed result) {
    assertEquals(1, result.logs().size());
    return result.logs().get(0);
  }

}
