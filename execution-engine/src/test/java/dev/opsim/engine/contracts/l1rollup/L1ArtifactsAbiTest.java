package dev.opsim.engine.contracts.l1rollup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The L1 contracts' ABIs: each interface in src/L1/interfaces is implemented by its contract (same functions with
 * the same outputs, same events), and the contracts carry the OP Stack entry points tools call.
 */
class L1ArtifactsAbiTest {
  @Test
  void interfacesMatchTheirContracts() {
    check("IOptimismPortal", "OptimismPortal");
    check("IL2OutputOracle", "L2OutputOracle");
    check("ISystemConfig", "SystemConfig");
    check("ISuperchainConfig", "SuperchainConfig");
  }

  @Test
  void opStackEntryPointsArePresent() {
    Set<String> portal = entries(L1Evm.artifact("OptimismPortal").get("abi"));
    for (String entry : Set.of(
        "function depositTransaction(address,uint256,uint64,bool,bytes)->()",
        "function proveWithdrawalTransaction((uint256,address,address,uint256,uint256,bytes),uint256,"
            + "(bytes32,bytes32,bytes32,bytes32),bytes[])->()",
        "function finalizeWithdrawalTransaction((uint256,address,address,uint256,uint256,bytes))->()",
        "function l2Sender()->(address)",
        "function provenWithdrawals(bytes32)->(bytes32,uint128,uint128)",
        "function finalizedWithdrawals(bytes32)->(bool)",
        "event TransactionDeposited(address,address,uint256,bytes)",
        "event WithdrawalProven(bytes32,address,address)",
        "event WithdrawalFinalized(bytes32,bool)")) {
      assertTrue(portal.contains(entry), "OptimismPortal lacks " + entry + " in " + portal);
    }
    Set<String> oracle = entries(L1Evm.artifact("L2OutputOracle").get("abi"));
    assertTrue(oracle.contains("function getL2Output(uint256)->((bytes32,uint128,uint128))"), oracle.toString());
    assertTrue(oracle.contains("event OutputProposed(bytes32,uint256,uint256,uint256)"));
    Set<String> config = entries(L1Evm.artifact("SystemConfig").get("abi"));
    assertTrue(config.contains("event ConfigUpdate(uint256,uint8,bytes)"), config.toString());
    assertTrue(config.contains("function scalar()->(uint256)"));
  }

  private static void check(String iface, String contract) {
    Set<String> wanted = entries(L1Evm.artifact(iface).get("abi"));
    Set<String> have = entries(L1Evm.artifact(contract).get("abi"));
    for (String entry : wanted) {
      assertTrue(have.contains(entry), contract + " lacks " + iface + "'s " + entry);
    }
  }

  /** "function name(types)->(outputs)" and "event name(types)" for each ABI entry. */
  static Set<String> entries(JsonNode abi) {
    Set<String> out = new TreeSet<>();
    for (JsonNode entry : abi) {
      String type = entry.path("type").asText();
      if (!type.equals("function") && !type.equals("event")) {
        continue;
      }
      String signature = type + " " + entry.path("name").asText() + "(" + types(entry.path("inputs")) + ")";
      out.add(type.equals("function") ? signature + "->(" + types(entry.path("outputs")) + ")" : signature);
    }
    return out;
  }

  private static String types(JsonNode params) {
    StringBuilder out = new StringBuilder();
    for (JsonNode param : params) {
      if (out.length() > 0) {
        out.append(',');
      }
      String type = param.path("type").asText();
      if (type.startsWith("tuple")) {
        out.append('(').append(types(param.path("components"))).append(')').append(type.substring(5));
      } else {
        out.append(type);
      }
    }
    return out.toString();
  }
}
