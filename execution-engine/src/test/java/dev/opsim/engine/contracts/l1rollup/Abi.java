package dev.opsim.engine.contracts.l1rollup;

import dev.opsim.evm.state.Log;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.StaticStruct;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * ABI helpers for the tests: calldata from a written-out signature (selector computed here, arguments encoded by
 * web3j), words, event topics.
 */
final class Abi {
  private Abi() {}

  static String call(String signature, Type<?>... args) {
    String selector = Keccak.hash(Bytes.wrap(signature.getBytes(StandardCharsets.UTF_8))).bytes().slice(0, 4)
        .toHexString();
    return selector + FunctionEncoder.encodeConstructor(List.of(args));
  }

  static Hash topic(String eventSignature) {
    return Keccak.hash(Bytes.wrap(eventSignature.getBytes(StandardCharsets.UTF_8)));
  }

  static org.web3j.abi.datatypes.Address address(Address a) {
    return new org.web3j.abi.datatypes.Address(a.toString());
  }

  static Uint256 uint(long value) {
    return new Uint256(BigInteger.valueOf(value));
  }

  static Uint256 uint(BigInteger value) {
    return new Uint256(value);
  }

  static org.web3j.abi.datatypes.generated.Bytes32 bytes32(Bytes32 value) {
    return new org.web3j.abi.datatypes.generated.Bytes32(value.toArray());
  }

  static org.web3j.abi.datatypes.generated.Bytes32 bytes32(Hash value) {
    return bytes32(value.bytes());
  }

  static Hash word(long value) {
    return Hash.wrap(Bytes32.leftPad(Bytes.ofUnsignedLong(value)));
  }

  static Hash word(BigInteger value) {
    return Hash.wrap(Bytes32.leftPad(Bytes.wrap(value.toByteArray()).trimLeadingZeros()));
  }

  static Hash word(Address value) {
    return Hash.wrap(value.toWord());
  }

  static BigInteger uintAt(Bytes output, int wordIndex) {
    return new BigInteger(1, output.slice(wordIndex * 32, 32).toArrayUnsafe());
  }

  static Address addressAt(Bytes output, int wordIndex) {
    return Address.wrap(output.slice(wordIndex * 32 + 12, 20));
  }

  /** The inner bytes of log data that ABI-encodes one {@code bytes} value. */
  static Bytes bytesData(Log log) {
    Bytes data = log.data();
    int length = uintAt(data, 1).intValueExact();
    return data.slice(64, length);
  }

  /** A withdrawal transaction as the portal's tuple (uint256,address,address,uint256,uint256,bytes). */
  record Withdrawal(BigInteger nonce, Address sender, Address target, BigInteger value, BigInteger gasLimit,
      Bytes data) {
    DynamicStruct struct() {
      return new DynamicStruct(new Uint256(nonce), address(sender), address(target), new Uint256(value),
          new Uint256(gasLimit), new DynamicBytes(data.toArray()));
    }

    /** keccak256(abi.encode(nonce, sender, target, value, gasLimit, data)) (protocol-reference 8.2). */
    Hash hash() {
      return Keccak.hash(Bytes.fromHexString(FunctionEncoder.encodeConstructor(List.of(new Uint256(nonce),
          address(sender), address(target), new Uint256(value), new Uint256(gasLimit),
          new DynamicBytes(data.toArray())))));
    }

    /** sentMessages[hash]'s slot: keccak256(hash ++ uint256(0)). */
    Bytes32 storageSlot() {
      return Keccak.hash(Bytes.concatenate(hash().bytes(), Bytes32.ZERO)).bytes();
    }
  }

  /** The output root preimage (protocol-reference 8.3) as the portal's tuple. */
  record OutputRootProof(Hash stateRoot, Hash messagePasserStorageRoot, Hash latestBlockhash) {
    StaticStruct struct() {
      return new StaticStruct(bytes32(Bytes32.ZERO), bytes32(stateRoot), bytes32(messagePasserStorageRoot),
          bytes32(latestBlockhash));
    }

    Hash outputRoot() {
      return Keccak.hash(Bytes.concatenate(Bytes32.ZERO, stateRoot.bytes(), messagePasserStorageRoot.bytes(),
          latestBlockhash.bytes()));
    }
  }
}
