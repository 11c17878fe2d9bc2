package dev.opsim.engine.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthChainId;
import org.web3j.protocol.core.methods.response.EthGetBalance;
import org.web3j.protocol.core.methods.response.Web3ClientVersion;
import org.web3j.protocol.http.HttpService;

/** web3j, a real client, against the server over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonRpcServerWeb3jTest {

  private static final String ADDRESS = "0x" + "11".repeat(20);

  private JsonRpcServer server;
  private Web3j web3;

  @BeforeAll
  void start() {
    server = TestServers.start(RpcServerConfig.defaults(0), TestServers.sampleMethods());
    web3 = Web3j.build(new HttpService(server.uri().toString()));
  }

  @AfterAll
  void stop() {
    web3.shutdown();
    server.close();
  }

  @Test
  void clientVersionChainIdAndNetVersion() throws Exception {
    assertEquals(TestServers.CLIENT_VERSION, web3.web3ClientVersion().send().getWeb3ClientVersion());
    assertEquals(BigInteger.valueOf(901), web3.ethChainId().send().getChainId());
    assertEquals("901", web3.netVersion().send().getNetVersion());
  }

  @Test
  void balanceWithParams() throws Exception {
    EthGetBalance balance = web3.ethGetBalance(ADDRESS, DefaultBlockParameterName.LATEST).send();
    assertFalse(balance.hasError());
    assertEquals(new BigInteger("1000000000000000000"), balance.getBalance());
  }

  @Test
  void batchOfCalls() throws Exception {
    BatchResponse batch = web3.newBatch()
        .add(web3.web3ClientVersion())
        .add(web3.ethChainId())
        .add(web3.ethGetBalance("0x12", DefaultBlockParameterName.LATEST))
        .send();
    List<? extends Response<?>> responses = batch.getResponses();
    assertEquals(3, responses.size());
    assertEquals(TestServers.CLIENT_VERSION, ((Web3ClientVersion) responses.get(0)).getWeb3ClientVersion());
    assertEquals(BigInteger.valueOf(901), ((EthChainId) responses.get(1)).getChainId());
    assertEquals(-32602, responses.get(2).getError().getCode());
  }

  @Test
  void revertedCallCarriesCodeThreeAndTheRevertData() throws Exception {
    EthCall call = web3.ethCall(Transaction.createEthCallTransaction(ADDRESS, ADDRESS, "0x"),
        DefaultBlockParameterName.LATEST).send();
    assertTrue(call.hasError());
    assertEquals(3, call.getError().getCode());
    // web3j hands over error.data as raw JSON text: it must be a plain string (geth style), not an object.
    var data = TestServers.json(call.getError().getData());
    assertTrue(data.isTextual(), call.getError().getData());
    assertTrue(data.textValue().startsWith("0x08c379a0"), data.textValue());
    assertEquals("execution reverted: no", call.getError().getMessage());
  }

  @Test
  void unknownMethodIsAnErrorNotAnException() throws Exception {
    var response = new Request<>("eth_nope", List.of(),
        new HttpService(server.uri().toString()), Web3ClientVersion.class).send();
    assertEquals(-32601, response.getError().getCode());
  }
}
