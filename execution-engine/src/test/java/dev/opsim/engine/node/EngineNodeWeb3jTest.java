package dev.opsim.engine.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.engine.blockchain.TestChains;
import dev.opsim.protocol.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthGetProof;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.tx.response.TransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * issue 4, "web3j as the client, over real HTTP": a whole engine ({@link EngineNode}, RocksDB, dev block producer
 * with period 0) driven only through web3j: ProbeToken deployed from its solc artifact with signed EIP-1559
 * transactions, events, calls, reverts, gas estimates, proofs checked by an independent verifier, traces, and a
 * restart on the same datadir. The tests run in order on one chain; the restart is last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineNodeWeb3jTest {
  private static final long CHAIN_ID = 1337;
  private static final long GENESIS_TIME = 1_700_000_000L;
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static final BigInteger TIP = GWEI;
  private static final BigInteger FEE_CAP = GWEI.multiply(BigInteger.valueOf(100));
  private static final BigInteger SUPPLY = BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(1_000_000));
  private static final BigInteger SENT = BigInteger.valueOf(1_234);
  private static final BigInteger STORE_KEY = BigInteger.valueOf(42);
  private static final BigInteger STORED = BigInteger.valueOf(777);
  private static final String ALICE = "0x00000000000000000000000000000000000a11ce";
  /** ProbeToken's storage layout (the artifact's storageLayout): value at slot 2, balanceOf at slot 1. */
  private static final BigInteger VALUE_SLOT = BigInteger.TWO;
  private static final BigInteger BALANCE_OF_SLOT = BigInteger.ONE;
  /** keccak(rlp("")): the root of an empty trie. */
  private static final String EMPTY_TRIE_ROOT = Numeric.toHexString(Hash.sha3(new byte[] {(byte) 0x80}));
  private static final String EMPTY_CODE_HASH = Numeric.toHexString(Hash.sha3(new byte[0]));
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Event TRANSFER = new Event("Transfer", List.of(
      new TypeReference<Address>(true) {}, new TypeReference<Address>(true) {}, new TypeReference<Uint256>() {}));
  private static final Event STORED_EVENT = new Event("Stored", List.of(
      new TypeReference<Address>(true) {}, new TypeReference<Uint256>(true) {}, new TypeReference<Uint256>() {}));

  private final Credentials dev = Credentials.create(Numeric.toHexString(TestChains.DEV_KEY));
  private EngineConfig config;
  private EngineNode node;
  private Web3j web3;
  private RawTransactionManager txManager;
  private TransactionReceiptProcessor receipts;
  private JsonNode artifact;

  private TransactionReceipt deployReceipt;
  private TransactionReceipt transferReceipt;
  private TransactionReceipt storeReceipt;
  private String contract;

  @BeforeAll
  void startAndDeploy(@TempDir Path tmp) throws Exception {
    Path genesis = tmp.resolve("genesis.json");
    Files.writeString(genesis, TestChains.genesisJson(CHAIN_ID, false, GENESIS_TIME));
    config = new EngineConfig(genesis, tmp.resolve("datadir"), "127.0.0.1", 0, 0, Optional.empty(),
        OptionalLong.of(0));
    start();
    try (InputStream in = getClass().getResourceAsStream("/solidity/ProbeToken.json")) {
      artifact = JSON.readTree(in);
    }
    String constructorArgs = FunctionEncoder.encodeConstructor(List.of(new Uint256(SUPPLY)));
    deployReceipt = send("", artifact.get("bytecode").asText() + constructorArgs, BigInteger.valueOf(2_000_000));
    contract = deployReceipt.getContractAddress();
    transferReceipt = send(contract, FunctionEncoder.encode(transferCall(ALICE, SENT)), BigInteger.valueOf(100_000));
    storeReceipt = send(contract, FunctionEncoder.encode(storeCall(STORE_KEY, STORED)), BigInteger.valueOf(100_000));
  }

  @AfterAll
  void stop() {
    if (web3 != null) {
      web3.shutdown();
    }
    if (node != null) {
      node.close();
    }
  }

  private void start() throws EngineStartException {
    node = EngineNode.start(config, InstantSource.fixed(Instant.ofEpochSecond(GENESIS_TIME)));
    web3 = Web3j.build(new HttpService(node.httpUri().toString()));
    txManager = new RawTransactionManager(web3, dev, CHAIN_ID);
    receipts = new PollingTransactionReceiptProcessor(web3, 20, 500);
  }

  /** Signs and sends an EIP-1559 transaction from the dev key ({@code to} "" deploys) and waits for its receipt. */
  private TransactionReceipt send(String to, String data, BigInteger gas) throws Exception {
    EthSendTransaction sent = txManager.sendEIP1559Transaction(CHAIN_ID, TIP, FEE_CAP, gas, to, data,
        BigInteger.ZERO, to.isEmpty());
    assertFalse(sent.hasError(), () -> "eth_sendRawTransaction: " + sent.getError().getMessage());
    return receipts.waitForTransactionReceipt(sent.getTransactionHash());
  }

  @Test
  @Order(1)
  void deploysProbeTokenFromItsArtifactWithAnEip1559Transaction() throws Exception {
    assertTrue(deployReceipt.isStatusOK());
    assertNull(deployReceipt.getTo());
    // CREATE address = keccak(rlp([sender, nonce]))[12:], the deployment being the dev key's first transaction.
    byte[] created = Hash.sha3(RlpEncoder.encode(new RlpList(
        RlpString.create(Numeric.hexStringToByteArray(dev.getAddress())), RlpString.create(0))));
    assertEquals(Numeric.toHexString(created).substring(26), contract.substring(2).toLowerCase());
    assertEquals(artifact.get("deployedBytecode").asText(),
        web3.ethGetCode(contract, DefaultBlockParameterName.LATEST).send().getCode());
    assertEquals("0x", web3.ethGetCode(contract,
        DefaultBlockParameter.valueOf(deployReceipt.getBlockNumber().subtract(BigInteger.ONE))).send().getCode());

    var tx = web3.ethGetTransactionByHash(deployReceipt.getTransactionHash()).send().getTransaction().orElseThrow();
    assertEquals("0x2", tx.getType());
    assertEquals(CHAIN_ID, tx.getChainId());
    assertEquals(dev.getAddress(), tx.getFrom());
    assertEquals(BigInteger.ONE, deployReceipt.getBlockNumber());
    assertEquals(BigInteger.TWO, transferReceipt.getBlockNumber());
    assertEquals(BigInteger.valueOf(3), storeReceipt.getBlockNumber());
  }

  @Test
  @Order(2)
  void receiptsCarryTheTransferAndStoredEvents() throws Exception {
    assertTrue(transferReceipt.isStatusOK());
    assertEquals(1, transferReceipt.getLogs().size());
    Log transfer = transferReceipt.getLogs().get(0);
    assertEquals(contract, transfer.getAddress());
    assertEquals(EventEncoder.encode(TRANSFER), transfer.getTopics().get(0));
    assertEquals(dev.getAddress(), indexed(transfer, 1, Address.class).getValue());
    assertEquals(ALICE, indexed(transfer, 2, Address.class).getValue());
    assertEquals(SENT, nonIndexed(transfer, TRANSFER).get(0).getValue());

    assertTrue(storeReceipt.isStatusOK());
    assertEquals(1, storeReceipt.getLogs().size());
    Log stored = storeReceipt.getLogs().get(0);
    assertEquals(EventEncoder.encode(STORED_EVENT), stored.getTopics().get(0));
    assertEquals(dev.getAddress(), indexed(stored, 1, Address.class).getValue());
    assertEquals(STORE_KEY, indexed(stored, 2, Uint256.class).getValue());
    assertEquals(STORED, nonIndexed(stored, STORED_EVENT).get(0).getValue());
    assertEquals(storeReceipt.getTransactionHash(), stored.getTransactionHash());
    assertEquals(storeReceipt.getBlockHash(), stored.getBlockHash());

    // Receipt details a wallet reads: type, fees, and a logs bloom holding the log's address and topics.
    assertEquals("0x2", storeReceipt.getType());
    assertEquals(storeReceipt.getGasUsed(), storeReceipt.getCumulativeGasUsed());
    BigInteger baseFee = web3.ethGetBlockByHash(storeReceipt.getBlockHash(), false).send().getBlock()
        .getBaseFeePerGas();
    assertEquals(baseFee.add(TIP), Numeric.decodeQuantity(storeReceipt.getEffectiveGasPrice()));
    byte[] bloom = Numeric.hexStringToByteArray(storeReceipt.getLogsBloom());
    assertTrue(inBloom(bloom, Numeric.hexStringToByteArray(contract)));
    for (String topic : stored.getTopics()) {
      assertTrue(inBloom(bloom, Numeric.hexStringToByteArray(topic)), topic);
    }
    assertFalse(inBloom(bloom, Numeric.hexStringToByteArray(ALICE)));

    // The constructor's mint is a Transfer from the zero address.
    Log mint = deployReceipt.getLogs().get(0);
    assertEquals("0x0000000000000000000000000000000000000000", indexed(mint, 1, Address.class).getValue());
    assertEquals(SUPPLY, nonIndexed(mint, TRANSFER).get(0).getValue());
  }

  @Test
  @Order(3)
  void getLogsFiltersByAddressAndTopics() throws Exception {
    String transferTopic = EventEncoder.encode(TRANSFER);
    List<Log> transfers = logs(new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameter.valueOf(
        storeReceipt.getBlockNumber()), contract).addSingleTopic(transferTopic));
    assertEquals(List.of(deployReceipt.getBlockNumber(), transferReceipt.getBlockNumber()),
        transfers.stream().map(Log::getBlockNumber).toList());

    // Transfers to Alice: topic 2 is her address, left-padded to 32 bytes.
    List<Log> toAlice = logs(new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST,
        contract).addSingleTopic(transferTopic).addNullTopic().addSingleTopic("0x" + TypeEncoder.encode(new Address(ALICE))));
    assertEquals(1, toAlice.size());
    assertEquals(transferReceipt.getTransactionHash(), toAlice.get(0).getTransactionHash());
    assertEquals(transferReceipt.getLogs().get(0).getData(), toAlice.get(0).getData());

    // Either event (an OR in position 0), in the store's block only.
    List<Log> either = logs(new EthFilter(DefaultBlockParameter.valueOf(storeReceipt.getBlockNumber()),
        DefaultBlockParameter.valueOf(storeReceipt.getBlockNumber()), contract)
        .addOptionalTopics(transferTopic, EventEncoder.encode(STORED_EVENT)));
    assertEquals(1, either.size());
    assertEquals(storeReceipt.getLogs().get(0).getTopics(), either.get(0).getTopics());

    // By block hash (EIP-234).
    List<Log> byHash = logs(new EthFilter(transferReceipt.getBlockHash(), contract));
    assertEquals(1, byHash.size());
    assertEquals(transferReceipt.getLogs().get(0).getTopics(), byHash.get(0).getTopics());
    assertEquals(transferReceipt.getLogs().get(0).getLogIndex(), byHash.get(0).getLogIndex());

    // Another address has no logs.
    assertEquals(List.of(), logs(new EthFilter(DefaultBlockParameterName.EARLIEST,
        DefaultBlockParameterName.LATEST, ALICE)));
  }

  @Test
  @Order(4)
  void callsReadLatestAndOlderState() throws Exception {
    Function balanceOfAlice = new Function("balanceOf", List.of(new Address(ALICE)),
        List.of(new TypeReference<Uint256>() {}));
    Function value = new Function("value", List.of(), List.of(new TypeReference<Uint256>() {}));
    DefaultBlockParameter afterDeploy = DefaultBlockParameter.valueOf(deployReceipt.getBlockNumber());
    DefaultBlockParameter afterTransfer = DefaultBlockParameter.valueOf(transferReceipt.getBlockNumber());

    assertEquals(SENT, callUint(balanceOfAlice, DefaultBlockParameterName.LATEST));
    assertEquals(BigInteger.ZERO, callUint(balanceOfAlice, afterDeploy));
    assertEquals(SENT, callUint(balanceOfAlice, afterTransfer));
    assertEquals(STORED, callUint(value, DefaultBlockParameterName.LATEST));
    assertEquals(BigInteger.ZERO, callUint(value, afterTransfer));
    Function devBalance = new Function("balanceOf", List.of(new Address(dev.getAddress())),
        List.of(new TypeReference<Uint256>() {}));
    assertEquals(SUPPLY, callUint(devBalance, afterDeploy));
    assertEquals(SUPPLY.subtract(SENT), callUint(devBalance, DefaultBlockParameterName.LATEST));
  }

  @Test
  @Order(5)
  void revertedCallsGiveErrorCode3WithTheRevertData() throws Exception {
    EthCall custom = call(FunctionEncoder.encode(new Function("fail", List.of(new Uint256(7)), List.of())),
        DefaultBlockParameterName.LATEST);
    assertTrue(custom.hasError());
    assertEquals(3, custom.getError().getCode());
    // geth only spells out Error(string) and Panic(uint256); a custom error is plain "execution reverted".
    assertEquals("execution reverted", custom.getError().getMessage());
    // The custom error Nope(7): its selector, then the ABI-encoded code.
    String nope = Numeric.toHexString(Hash.sha3("Nope(uint256)".getBytes()), 0, 4, true)
        + TypeEncoder.encode(new Uint256(7));
    assertEquals(nope, errorData(custom));

    EthCall reason = call(FunctionEncoder.encode(new Function("failWithReason", List.of(), List.of())),
        DefaultBlockParameterName.LATEST);
    assertTrue(reason.hasError());
    assertEquals(3, reason.getError().getCode());
    assertEquals("execution reverted: probe says no", reason.getError().getMessage());
    // Error(string), as Solidity encodes a revert reason.
    assertEquals(FunctionEncoder.encode(new Function("Error", List.of(new Utf8String("probe says no")), List.of())),
        errorData(reason));
    assertTrue(reason.isReverted());
    assertEquals("execution reverted: probe says no", reason.getRevertReason());
  }

  @Test
  @Order(6)
  void estimatesGasAndAStoreSentWithTheEstimateSucceeds() throws Exception {
    EthEstimateGas ether = web3.ethEstimateGas(Transaction.createEtherTransaction(dev.getAddress(), null, null,
        null, ALICE, BigInteger.ONE)).send();
    assertFalse(ether.hasError());
    assertEquals(BigInteger.valueOf(21_000), ether.getAmountUsed());

    // A store to a fresh key: the estimate is exactly enough (gas used without refunds is the same here).
    String freshStore = FunctionEncoder.encode(storeCall(BigInteger.valueOf(43), BigInteger.valueOf(5)));
    BigInteger estimate = estimate(freshStore);
    TransactionReceipt fresh = send(contract, freshStore, estimate);
    assertTrue(fresh.isStatusOK());
    assertTrue(fresh.getGasUsed().compareTo(estimate) <= 0);

    // Clearing both slots earns a refund: gas used is below what the transaction needs, and the estimate must
    // be the need (sending with gas = gas used would run out).
    String clearing = FunctionEncoder.encode(storeCall(BigInteger.valueOf(43), BigInteger.ZERO));
    BigInteger clearingEstimate = estimate(clearing);
    TransactionReceipt cleared = send(contract, clearing, clearingEstimate);
    assertTrue(cleared.isStatusOK());
    assertTrue(cleared.getGasUsed().compareTo(clearingEstimate) < 0,
        () -> "refund expected: used " + cleared.getGasUsed() + " of " + clearingEstimate);

    // A reverting transaction has no estimate: the error carries the revert like eth_call.
    EthEstimateGas failing = web3.ethEstimateGas(Transaction.createEthCallTransaction(dev.getAddress(), contract,
        FunctionEncoder.encode(new Function("fail", List.of(new Uint256(7)), List.of())))).send();
    assertTrue(failing.hasError());
    assertEquals(3, failing.getError().getCode());
    assertEquals(Numeric.toHexString(Hash.sha3("Nope(uint256)".getBytes()), 0, 4, true)
        + TypeEncoder.encode(new Uint256(7)), errorData(failing));
  }

  @Test
  @Order(7)
  void proofsVerifyAgainstTheBlockStateRootIndependently() throws Exception {
    BigInteger number = storeReceipt.getBlockNumber();
    EthBlock.Block block = web3.ethGetBlockByNumber(DefaultBlockParameter.valueOf(number), false).send().getBlock();
    byte[] stateRoot = Numeric.hexStringToByteArray(block.getStateRoot());
    String at = Numeric.toHexStringWithPrefix(number);

    String aliceBalanceSlot = Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(
        TypeEncoder.encode(new Address(ALICE)) + TypeEncoder.encode(new Uint256(BALANCE_OF_SLOT)))));
    String valueSlot = Numeric.toHexStringWithPrefixZeroPadded(VALUE_SLOT, 64);
    String unusedSlot = Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(99), 64);
    EthGetProof.Proof proof = web3.ethGetProof(contract, List.of(valueSlot, aliceBalanceSlot, unusedSlot), at)
        .send().getProof();
    List<RlpType> account = accountFromProof(stateRoot, contract, proof);
    assertEquals(BigInteger.ONE, asUint(account.get(0))); // EIP-161: a created contract starts at nonce 1
    assertEquals(BigInteger.ZERO, asUint(account.get(1)));
    assertEquals(proof.getStorageHash(), Numeric.toHexString(((RlpString) account.get(2)).getBytes()));
    String codeHash = Numeric.toHexString(Hash.sha3(Numeric.hexStringToByteArray(
        artifact.get("deployedBytecode").asText())));
    assertEquals(codeHash, Numeric.toHexString(((RlpString) account.get(3)).getBytes()));
    assertEquals(codeHash, proof.getCodeHash());
    assertEquals(BigInteger.ONE, Numeric.decodeQuantity(proof.getNonce()));

    byte[] storageRoot = Numeric.hexStringToByteArray(proof.getStorageHash());
    Map<String, BigInteger> expected = Map.of(valueSlot, STORED, aliceBalanceSlot, SENT, unusedSlot,
        BigInteger.ZERO);
    assertEquals(3, proof.getStorageProof().size());
    for (EthGetProof.StorageProof slot : proof.getStorageProof()) {
      BigInteger key = Numeric.toBigInt(slot.getKey());
      String keyHex = Numeric.toHexStringWithPrefixZeroPadded(key, 64);
      Optional<byte[]> leaf = MerkleProofVerifier.verify(storageRoot, Numeric.hexStringToByteArray(keyHex),
          slot.getProof());
      // A slot's leaf holds rlp(value with no leading zeros); zero values are not in the trie.
      BigInteger proven = leaf.map(v -> asUint(RlpDecoder.decode(v).getValues().get(0))).orElse(BigInteger.ZERO);
      assertEquals(expected.get(keyHex), proven, keyHex);
      assertEquals(proven, Numeric.decodeQuantity(slot.getValue()), keyHex);
    }

    // An EOA: the dev key, with the nonce and balance eth_getTransactionCount / eth_getBalance give at the block.
    EthGetProof.Proof eoa = web3.ethGetProof(dev.getAddress(), List.of(), at).send().getProof();
    List<RlpType> devAccount = accountFromProof(stateRoot, dev.getAddress(), eoa);
    BigInteger nonce = web3.ethGetTransactionCount(dev.getAddress(), DefaultBlockParameter.valueOf(number)).send()
        .getTransactionCount();
    assertEquals(BigInteger.valueOf(3), nonce);
    assertEquals(nonce, asUint(devAccount.get(0)));
    assertEquals(web3.ethGetBalance(dev.getAddress(), DefaultBlockParameter.valueOf(number)).send().getBalance(),
        asUint(devAccount.get(1)));
    assertEquals(EMPTY_TRIE_ROOT, Numeric.toHexString(((RlpString) devAccount.get(2)).getBytes()));
    assertEquals(EMPTY_CODE_HASH, Numeric.toHexString(((RlpString) devAccount.get(3)).getBytes()));
    assertEquals(EMPTY_TRIE_ROOT, eoa.getStorageHash());
    assertEquals(EMPTY_CODE_HASH, eoa.getCodeHash());

    // The verifier is not a yes-machine: one flipped byte in a node, or another root, is refused.
    List<String> tampered = new ArrayList<>(eoa.getAccountProof());
    byte[] last = Numeric.hexStringToByteArray(tampered.getLast());
    last[last.length - 1] ^= 1;
    tampered.set(tampered.size() - 1, Numeric.toHexString(last));
    assertThrows(AssertionError.class, () -> MerkleProofVerifier.verify(stateRoot,
        Numeric.hexStringToByteArray(dev.getAddress()), tampered));
    assertThrows(AssertionError.class, () -> MerkleProofVerifier.verify(Hash.sha3(stateRoot),
        Numeric.hexStringToByteArray(dev.getAddress()), eoa.getAccountProof()));

    // An account that does not exist: the proof shows its absence.
    EthGetProof.Proof absent = web3.ethGetProof(ALICE, List.of(), at).send().getProof();
    assertEquals(Optional.empty(), MerkleProofVerifier.verify(stateRoot,
        Numeric.hexStringToByteArray(ALICE), absent.getAccountProof()));
    assertEquals(BigInteger.ZERO, absent.getBalance());
  }

  @Test
  @Order(8)
  void tracesTheStoreTransactionWithBothTracers() throws Exception {
    JsonNode structs = trace(storeReceipt.getTransactionHash(), Map.of());
    assertFalse(structs.get("failed").asBoolean());
    assertEquals(storeReceipt.getGasUsed().longValueExact(), structs.get("gas").asLong());
    List<String> ops = structs.get("structLogs").valueStream().map(l -> l.get("op").asText()).toList();
    assertEquals(2, ops.stream().filter("SSTORE"::equals).count(), ops::toString);
    assertEquals(1, ops.stream().filter("LOG3"::equals).count(), ops::toString);
    assertEquals("STOP", ops.getLast());

    JsonNode call = trace(storeReceipt.getTransactionHash(), Map.of("tracer", "callTracer"));
    assertEquals("CALL", call.get("type").asText());
    assertEquals(contract, call.get("to").asText());
    assertEquals(dev.getAddress(), call.get("from").asText());
    assertEquals(storeReceipt.getGasUsed(), Numeric.decodeQuantity(call.get("gasUsed").asText()));
    assertEquals(FunctionEncoder.encode(storeCall(STORE_KEY, STORED)), call.get("input").asText());
  }

  @Test
  @Order(100)
  void restartOnTheSameDatadirKeepsTheChainAndBuildsOnIt() throws Exception {
    EthBlock.Block before = web3.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
    String valueBefore = web3.ethGetStorageAt(contract, VALUE_SLOT, DefaultBlockParameterName.LATEST).send()
        .getData();
    // The dev producer makes each block head, safe and finalized at once.
    assertEquals(before.getHash(), web3.ethGetBlockByNumber(DefaultBlockParameterName.SAFE, false).send().getBlock()
        .getHash());
    assertEquals(before.getHash(), web3.ethGetBlockByNumber(DefaultBlockParameterName.FINALIZED, false).send()
        .getBlock().getHash());
    web3.shutdown();
    node.close();
    node = null;

    start();
    EthBlock.Block after = web3.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
    assertEquals(before.getNumber(), after.getNumber());
    assertEquals(before.getHash(), after.getHash());
    assertEquals(before.getStateRoot(), after.getStateRoot());
    assertEquals(before.getHash(), web3.ethGetBlockByNumber(DefaultBlockParameterName.SAFE, false).send().getBlock()
        .getHash());
    assertEquals(before.getHash(), web3.ethGetBlockByNumber(DefaultBlockParameterName.FINALIZED, false).send()
        .getBlock().getHash());
    assertEquals(valueBefore, web3.ethGetStorageAt(contract, VALUE_SLOT, DefaultBlockParameterName.LATEST).send()
        .getData());
    assertEquals(artifact.get("deployedBytecode").asText(),
        web3.ethGetCode(contract, DefaultBlockParameterName.LATEST).send().getCode());
    assertEquals(storeReceipt.getTransactionHash(), web3.ethGetTransactionReceipt(storeReceipt.getTransactionHash())
        .send().getTransactionReceipt().orElseThrow().getTransactionHash());

    TransactionReceipt next = send(contract, FunctionEncoder.encode(storeCall(STORE_KEY, BigInteger.valueOf(9))),
        BigInteger.valueOf(100_000));
    assertTrue(next.isStatusOK());
    assertEquals(before.getNumber().add(BigInteger.ONE), next.getBlockNumber());
    EthBlock.Block built = web3.ethGetBlockByHash(next.getBlockHash(), false).send().getBlock();
    assertEquals(before.getHash(), built.getParentHash());
    assertEquals(BigInteger.valueOf(9), callUint(new Function("value", List.of(),
        List.of(new TypeReference<Uint256>() {})), DefaultBlockParameterName.LATEST));
  }

  @Test
  @Order(9)
  void depositTransactionsAreRefusedOverRpc(@TempDir Path opDir) throws Exception {
    // 0x7e || rlp([sourceHash, from, to, mint, value, gas, isSystemTx, data]) (protocol-reference 2), built with
    // web3j's encoder.
    byte[] body = RlpEncoder.encode(new RlpList(
        RlpString.create(Hash.sha3("source".getBytes())),
        RlpString.create(Numeric.hexStringToByteArray(dev.getAddress())),
        RlpString.create(Numeric.hexStringToByteArray(ALICE)),
        RlpString.create(BigInteger.TEN.pow(18)),
        RlpString.create(BigInteger.ONE),
        RlpString.create(BigInteger.valueOf(100_000)),
        RlpString.create(new byte[0]),
        RlpString.create(new byte[0])));
    byte[] deposit = new byte[body.length + 1];
    deposit[0] = 0x7e;
    System.arraycopy(body, 0, deposit, 1, body.length);
    String raw = Numeric.toHexString(deposit);

    Path genesis = opDir.resolve("genesis.json");
    Files.writeString(genesis, TestChains.genesisJson(901, true, GENESIS_TIME));
    EngineConfig opConfig = new EngineConfig(genesis, opDir.resolve("datadir"), "127.0.0.1", 0, 0,
        Optional.empty(), OptionalLong.empty());
    try (EngineNode op = EngineNode.start(opConfig, InstantSource.fixed(Instant.ofEpochSecond(GENESIS_TIME)))) {
      Web3j opWeb3 = Web3j.build(new HttpService(op.httpUri().toString()));
      try {
        EthSendTransaction sent = opWeb3.ethSendRawTransaction(raw).send();
        assertTrue(sent.hasError(), "a deposit was accepted over eth_sendRawTransaction");
        // geth's ErrTxTypeNotSupported, as op-geth answers.
        assertEquals(-32000, sent.getError().getCode());
        assertTrue(sent.getError().getMessage().startsWith("transaction type not supported"),
            sent.getError().getMessage());
        assertNotNull(sent.getError().getMessage());
        assertNull(sent.getTransactionHash());
        assertEquals(Optional.empty(), opWeb3.ethGetTransactionByHash(Numeric.toHexString(Hash.sha3(deposit)))
            .send().getTransaction());
        assertEquals(0, op.pool().size());
      } finally {
        opWeb3.shutdown();
      }
    }
    // The L1 engine refuses it too (an unknown type there).
    EthSendTransaction onL1 = web3.ethSendRawTransaction(raw).send();
    assertTrue(onL1.hasError());
    assertTrue(onL1.getError().getMessage().startsWith("transaction type not supported"),
        onL1.getError().getMessage());
  }

  /** Yellow Paper 4.4.1: three bits, each from a pair of the first six bytes of keccak(item), mod 2048. */
  private static boolean inBloom(byte[] bloom, byte[] item) {
    byte[] hash = Hash.sha3(item);
    for (int i = 0; i < 6; i += 2) {
      int bit = (((hash[i] & 0xff) << 8) | (hash[i + 1] & 0xff)) & 2047;
      if ((bloom[255 - bit / 8] & (1 << (bit % 8))) == 0) {
        return false;
      }
    }
    return true;
  }

  private static Function transferCall(String to, BigInteger amount) {
    return new Function("transfer", List.of(new Address(to), new Uint256(amount)), List.of());
  }

  private static Function storeCall(BigInteger key, BigInteger value) {
    return new Function("store", List.of(new Uint256(key), new Uint256(value)), List.of());
  }

  private static <T extends Type<?>> T indexed(Log log, int topic, Class<T> type) {
    @SuppressWarnings("unchecked")
    T value = (T) FunctionReturnDecoder.decodeIndexedValue(log.getTopics().get(topic), TypeReference.create(type));
    return value;
  }

  @SuppressWarnings("rawtypes")
  private static List<Type> nonIndexed(Log log, Event event) {
    return FunctionReturnDecoder.decode(log.getData(), event.getNonIndexedParameters());
  }

  private List<Log> logs(EthFilter filter) throws IOException {
    EthLog result = web3.ethGetLogs(filter).send();
    assertFalse(result.hasError(), () -> "eth_getLogs: " + result.getError().getMessage());
    return result.getLogs().stream().map(r -> (Log) r.get()).toList();
  }

  private EthCall call(String data, DefaultBlockParameter block) throws IOException {
    return web3.ethCall(Transaction.createEthCallTransaction(dev.getAddress(), contract, data), block).send();
  }

  private BigInteger callUint(Function function, DefaultBlockParameter block) throws IOException {
    EthCall result = call(FunctionEncoder.encode(function), block);
    assertFalse(result.hasError(), () -> "eth_call: " + result.getError().getMessage());
    @SuppressWarnings("rawtypes")
    List<Type> decoded = FunctionReturnDecoder.decode(result.getValue(), function.getOutputParameters());
    return (BigInteger) decoded.get(0).getValue();
  }

  private BigInteger estimate(String data) throws IOException {
    EthEstimateGas result = web3.ethEstimateGas(Transaction.createEthCallTransaction(dev.getAddress(), contract,
        data)).send();
    assertFalse(result.hasError(), () -> "eth_estimateGas: " + result.getError().getMessage());
    return result.getAmountUsed();
  }

  /** The account's RLP fields [nonce, balance, storageRoot, codeHash], proven from the state root. */
  private static List<RlpType> accountFromProof(byte[] stateRoot, String address, EthGetProof.Proof proof) {
    assertEquals(address.toLowerCase(), proof.getAddress().toLowerCase());
    byte[] leaf = MerkleProofVerifier.verify(stateRoot, Numeric.hexStringToByteArray(address),
        proof.getAccountProof()).orElseThrow(() -> new AssertionError("account " + address + " proven absent"));
    List<RlpType> fields = ((RlpList) RlpDecoder.decode(leaf).getValues().get(0)).getValues();
    assertEquals(4, fields.size());
    assertEquals(Numeric.decodeQuantity(proof.getNonce()), asUint(fields.get(0)));
    assertEquals(proof.getBalance(), asUint(fields.get(1)));
    assertEquals(proof.getStorageHash(), Numeric.toHexString(((RlpString) fields.get(2)).getBytes()));
    assertEquals(proof.getCodeHash(), Numeric.toHexString(((RlpString) fields.get(3)).getBytes()));
    return fields;
  }

  private static BigInteger asUint(RlpType item) {
    byte[] bytes = ((RlpString) item).getBytes();
    // Canonical RLP integers have no leading zero byte.
    assertTrue(bytes.length == 0 || bytes[0] != 0, "non-canonical integer " + Hex.encode(bytes));
    return new BigInteger(1, bytes);
  }

  /** web3j keeps an error's data as the raw JSON it received; the engine must send a JSON string of hex. */
  private static String errorData(Response<?> response) throws IOException {
    JsonNode data = JSON.readTree(response.getError().getData());
    assertTrue(data.isTextual(), () -> "error data is not a JSON string: " + data);
    return data.asText();
  }

  private JsonNode trace(String txHash, Map<String, Object> options) throws IOException {
    AnyResponse response = new Request<>("debug_traceTransaction", List.of(txHash, options),
        new HttpService(node.httpUri().toString()), AnyResponse.class).send();
    assertFalse(response.hasError(), () -> "debug_traceTransaction: " + response.getError().getMessage());
    return JSON.valueToTree(response.getResult());
  }

  /** A JSON-RPC response whose result web3j leaves as plain maps and lists (web3j has no debug_* types). */
  public static final class AnyResponse extends Response<Object> {}
}
