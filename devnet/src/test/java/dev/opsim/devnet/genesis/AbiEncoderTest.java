package dev.opsim.devnet.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.opsim.contracts.AbiEntry;
import dev.opsim.contracts.AbiParameter;
import dev.opsim.protocol.Address;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;

/** Our encoder against web3j's, an independent implementation. */
class AbiEncoderTest {
  private static final Address A = Address.fromHex("0x00000000000000000000000000000000000a11ce");

  private static AbiParameter p(String name, String type, AbiParameter... components) {
    return new AbiParameter(name, type, List.of(components));
  }

  @Test
  void staticArgumentsAndATupleEncodeAsWeb3jDoes() {
    AbiEntry f = new AbiEntry("function", "initialize", List.of(p("_owner", "address"), p("_paused", "bool"),
        p("_hash", "bytes32"), p("_gas", "uint64"),
        p("_config", "tuple", p("a", "uint32"), p("b", "uint8"))), "nonpayable");
    Bytes32 hash = Bytes32.fromHexString("0x" + "ab".repeat(32));
    Bytes ours = AbiEncoder.call(f, List.of(A, true, hash, 30_000_000L, List.of(7L, 3L)));
    String theirs = FunctionEncoder.encode(new Function("initialize", List.of(
        new org.web3j.abi.datatypes.Address(A.toString()), new Bool(true), new org.web3j.abi.datatypes.generated.Bytes32(hash.toArray()),
        new Uint64(BigInteger.valueOf(30_000_000)), new StaticStruct(new Uint32(7), new Uint8(3))), List.of()));
    assertEquals(theirs, ours.toHexString());
  }

  @Test
  void dynamicBytesGoToTheTail() {
    AbiEntry f = new AbiEntry("function", "upgradeToAndCall", List.of(p("_implementation", "address"),
        p("_data", "bytes")), "payable");
    Bytes data = Bytes.fromHexString("0x" + "01".repeat(37));
    String theirs = FunctionEncoder.encode(new Function("upgradeToAndCall", List.of(
        new org.web3j.abi.datatypes.Address(A.toString()), new DynamicBytes(data.toArray())), List.of()));
    assertEquals(theirs, AbiEncoder.call(f, List.of(A, data)).toHexString());
  }

  @Test
  void valuesThatDoNotFitAreRejected() {
    List<AbiParameter> u8 = List.of(p("x", "uint8"));
    assertThrows(IllegalArgumentException.class, () -> AbiEncoder.encode(u8, List.of(256L)));
    assertThrows(IllegalArgumentException.class, () -> AbiEncoder.encode(u8, List.of(-1L)));
    assertThrows(IllegalArgumentException.class, () -> AbiEncoder.encode(List.of(p("a", "address")), List.of(5L)));
    assertThrows(IllegalArgumentException.class, () -> AbiEncoder.encode(List.of(p("a", "uint256[]")),
        List.of(List.of())));
  }

  @Test
  void namedArgumentsIgnoreUnderscoresAndCaseAndBuildTuplesFromComponents() {
    NamedArguments args = new NamedArguments().put(A, "owner").put(5L, "maxResourceLimit");
    assertEquals(List.of(A, List.of(5L)), args.resolve(List.of(p("_owner_", "address"),
        p("_config", "tuple", p("MaxResourceLimit", "uint32"))), "test"));
    DeploymentException missing = assertThrows(DeploymentException.class,
        () -> args.resolve(List.of(p("_unknown", "address")), "X.initialize"));
    assertEquals(true, missing.getMessage().contains("'_unknown'"));
  }
}
