package dev.opsim.protocol.withdrawal;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;

/**
 * A cross-domain messenger message (protocol-reference 9.2): the arguments of {@code relayMessage}. The version
 * sits in the top 16 bits of {@code nonce} (see {@link VersionedNonce}) and picks the encoding, as the
 * contracts' {@code Encoding.encodeCrossDomainMessage} and {@code Hashing.hashCrossDomainMessage} do:
 *
 * <ul>
 *   <li>v0, legacy: {@code relayMessage(address target, address sender, bytes message, uint256 nonce)},
 *       selector {@code 0xcbd4ece9}; value and gas limit are not part of it;
 *   <li>v1: {@code relayMessage(uint256 nonce, address sender, address target, uint256 value,
 *       uint256 minGasLimit, bytes message)}, selector {@code 0xd764ad0b}.
 * </ul>
 *
 * The message hash is keccak of that calldata, selector included. Versions above 1 do not exist (relays revert).
 */
public record CrossDomainMessage(
    BigInteger nonce, Address sender, Address target, BigInteger value, BigInteger gasLimit, Bytes data) {
  public static final Bytes RELAY_MESSAGE_V0_SELECTOR = Bytes.fromHexString("0xcbd4ece9");
  public static final Bytes RELAY_MESSAGE_V1_SELECTOR = Bytes.fromHexString("0xd764ad0b");
  private static final int SELECTOR_SIZE = 4;
  private static final int V0_HEAD_WORDS = 4;
  private static final int V1_HEAD_WORDS = 6;

  public CrossDomainMessage {
    Abi.requireUint256("nonce", nonce);
    Abi.requireUint256("value", value);
    Abi.requireUint256("gasLimit", gasLimit);
    if (sender == null || target == null || data == null) {
      throw new IllegalArgumentException("sender, target and data must not be null");
    }
    int version = VersionedNonce.versionOf(nonce);
    if (version > VersionedNonce.VERSION_CURRENT) {
      throw new IllegalArgumentException("unknown cross-domain message version " + version);
    }
    data = Bytes.wrap(data.toArray());
  }

  public int version() {
    return VersionedNonce.versionOf(nonce);
  }

  /** The calldata of this message's own version. */
  public Bytes encode() {
    return version() == VersionedNonce.VERSION_LEGACY ? encodeV0() : encodeV1();
  }

  /** The hash of this message's own version. */
  public Hash hash() {
    return Keccak.hash(encode());
  }

  /** Legacy calldata; the relay also checks this hash for version-0 messages (9.5 step 1). */
  public Bytes encodeV0() {
    return Bytes.concatenate(
        RELAY_MESSAGE_V0_SELECTOR,
        target.toWord(),
        sender.toWord(),
        Abi.uint256(V0_HEAD_WORDS * Abi.WORD),
        Abi.uint256(nonce),
        Abi.bytesTail(data));
  }

  public Hash hashV0() {
    return Keccak.hash(encodeV0());
  }

  /** Current calldata; its hash keys {@code successfulMessages} and {@code failedMessages} for every version. */
  public Bytes encodeV1() {
    return Bytes.concatenate(
        RELAY_MESSAGE_V1_SELECTOR,
        Abi.uint256(nonce),
        sender.toWord(),
        target.toWord(),
        Abi.uint256(value),
        Abi.uint256(gasLimit),
        Abi.uint256(V1_HEAD_WORDS * Abi.WORD),
        Abi.bytesTail(data));
  }

  public Hash hashV1() {
    return Keccak.hash(encodeV1());
  }

  /**
   * Parses canonical {@code relayMessage} calldata of either version. v0 calldata gives value and gas limit 0
   * and must carry a version-0 nonce; v1 calldata may carry a version-0 or version-1 nonce (that is how legacy
   * messages are relayed). Non-canonical ABI (other offsets, dirty address or padding bytes, trailing data) is
   * rejected.
   */
  public static CrossDomainMessage decode(Bytes calldata) throws DecodeException {
    if (calldata == null || calldata.size() < SELECTOR_SIZE) {
      throw new DecodeException("relayMessage calldata is shorter than a selector");
    }
    Bytes selector = calldata.slice(0, SELECTOR_SIZE);
    if (selector.equals(RELAY_MESSAGE_V0_SELECTOR)) {
      return decodeV0(new AbiReader(calldata, SELECTOR_SIZE, "relayMessage v0"));
    }
    if (selector.equals(RELAY_MESSAGE_V1_SELECTOR)) {
      return decodeV1(new AbiReader(calldata, SELECTOR_SIZE, "relayMessage v1"));
    }
    throw new DecodeException("unknown relayMessage selector " + selector.toHexString() + " at offset 0");
  }

  private static CrossDomainMessage decodeV0(AbiReader in) throws DecodeException {
    Address target = in.address(0, "target");
    Address sender = in.address(1, "sender");
    BigInteger nonce = in.uint256(3);
    Bytes data = in.trailingBytes(2, V0_HEAD_WORDS);
    int version = VersionedNonce.versionOf(nonce);
    if (version != VersionedNonce.VERSION_LEGACY) {
      throw new DecodeException("relayMessage v0: nonce at offset 100 has version " + version + ", expected 0");
    }
    return new CrossDomainMessage(nonce, sender, target, BigInteger.ZERO, BigInteger.ZERO, data);
  }

  private static CrossDomainMessage decodeV1(AbiReader in) throws DecodeException {
    BigInteger nonce = in.uint256(0);
    Address sender = in.address(1, "sender");
    Address target = in.address(2, "target");
    BigInteger value = in.uint256(3);
    BigInteger gasLimit = in.uint256(4);
    Bytes data = in.trailingBytes(5, V1_HEAD_WORDS);
    int version = VersionedNonce.versionOf(nonce);
    if (version > VersionedNonce.VERSION_CURRENT) {
      throw new DecodeException("relayMessage v1: nonce at offset 4 has unsupported version " + version);
    }
    return new CrossDomainMessage(nonce, sender, target, value, gasLimit, data);
  }
}
