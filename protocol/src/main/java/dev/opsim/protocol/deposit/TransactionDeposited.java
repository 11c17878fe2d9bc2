package dev.opsim.protocol.deposit;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Log;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The portal's {@code TransactionDeposited(address indexed from, address indexed to, uint256 indexed version,
 * bytes opaqueData)} event, version 0 (protocol-reference 3). {@code from} is the L2 sender exactly as the portal
 * emitted it (already aliased when the depositor was a contract); {@code to} is topic 2 as emitted, which the
 * deposit ignores when {@code isCreation}.
 */
public record TransactionDeposited(
    Address from,
    Address to,
    BigInteger mint,
    BigInteger value,
    long gasLimit,
    boolean isCreation,
    Bytes data) {

  /** {@code keccak("TransactionDeposited(address,address,uint256,bytes)")}. */
  public static final Hash TOPIC =
      Hash.fromHex("0xb3813568d9991fc951961fcb4c784893574240a28925604d09fc577c55bb7c32");
  public static final Hash VERSION_0 = Hash.ZERO;
  /** mint(32) ++ value(32) ++ gasLimit(8) ++ isCreation(1), before the calldata. */
  private static final int OPAQUE_FIXED_BYTES = 73;
  private static final int WORD = 32;

  public TransactionDeposited {
    if (from == null || to == null || data == null) {
      throw new IllegalArgumentException("event fields must not be null");
    }
    if (mint == null || mint.signum() < 0 || mint.bitLength() > 256) {
      throw new IllegalArgumentException("mint must be a uint256, got " + mint);
    }
    if (value == null || value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException("value must be a uint256, got " + value);
    }
    data = Bytes.wrap(data.toArray());
  }

  /**
   * The event a portal emits for {@code depositTransaction(to, value, gasLimit, isCreation, data)} called by
   * {@code caller} with {@code msg.value = mint}: the L2 sender is the caller, aliased (protocol-reference 1.2)
   * when the caller is a contract. The portal reverts a creation whose {@code to} is not zero; so does this.
   */
  public static TransactionDeposited fromPortalCall(
      Address caller, boolean callerIsContract, Address to, BigInteger mint, BigInteger value, long gasLimit,
      boolean isCreation, Bytes data) {
    if (isCreation && !to.equals(Address.ZERO)) {
      throw new IllegalArgumentException("a creation deposit must have to == address(0), got " + to);
    }
    Address sender = callerIsContract ? caller.applyL1ToL2Alias() : caller;
    return new TransactionDeposited(sender, to, mint, value, gasLimit, isCreation, data);
  }

  /** The event that produces {@code tx} (a user deposit: not a system tx); a creation gets a zero {@code to}. */
  public static TransactionDeposited of(DepositTx tx) {
    if (tx.isSystemTx()) {
      throw new IllegalArgumentException("system deposits do not come from TransactionDeposited events");
    }
    return new TransactionDeposited(tx.from(), tx.to().orElse(Address.ZERO), tx.mint(), tx.value(), tx.gas(),
        tx.isCreation(), tx.data());
  }

  /**
   * Whether derivation should treat {@code log} as a deposit event: emitted by the configured deposit contract with
   * the event's topic 0. Other logs are skipped; a matching log that fails {@link #fromLog} is malformed.
   */
  public static boolean isDepositEvent(Log log, Address depositContract) {
    return log.address().equals(depositContract) && !log.topics().isEmpty() && log.topics().get(0).equals(TOPIC);
  }

  /**
   * Decodes a deposit log with op-node's rules ({@code UnmarshalDepositLogEvent}): emitted by
   * {@code depositContract}; exactly 4 topics; topic 0 is {@link #TOPIC}; topic 3 (version) is 0; the data is the
   * ABI encoding of one {@code bytes}: a multiple of 32 bytes, at least 64, offset word exactly 32, length word
   * within the data and with minimal padding; and the opaque data at least 73 bytes. Addresses are the low 20
   * bytes of topics 1 and 2.
   */
  public static TransactionDeposited fromLog(Log log, Address depositContract) throws DecodeException {
    if (!log.address().equals(depositContract)) {
      throw new DecodeException("deposit log: emitted by " + log.address() + ", not the deposit contract "
          + depositContract);
    }
    List<Hash> topics = log.topics();
    if (topics.size() != 4) {
      throw new DecodeException("deposit log: expected 4 topics (event, from, to, version), got " + topics.size());
    }
    if (!topics.get(0).equals(TOPIC)) {
      throw new DecodeException("deposit log: topic 0 is " + topics.get(0) + ", not TransactionDeposited");
    }
    if (!topics.get(3).equals(VERSION_0)) {
      throw new DecodeException("deposit log: unsupported deposit version " + topics.get(3) + " (topic 3)");
    }
    Bytes data = log.data();
    int size = data.size();
    if (size < 2 * WORD) {
      throw new DecodeException("deposit log: data is " + size + " bytes, too short for offset and length words");
    }
    if (size % WORD != 0) {
      throw new DecodeException("deposit log: data is " + size + " bytes, not a multiple of 32");
    }
    BigInteger offset = data.slice(0, WORD).toUnsignedBigInteger();
    if (!offset.equals(BigInteger.valueOf(WORD))) {
      throw new DecodeException("deposit log: opaqueData offset word (data[0..32)) is " + offset + ", expected 32");
    }
    BigInteger declared = data.slice(WORD, WORD).toUnsignedBigInteger();
    long available = size - 2L * WORD;
    // The content must fit, and padding must be minimal: 32 more content bytes would not fit.
    if (declared.compareTo(BigInteger.valueOf(available)) > 0) {
      throw new DecodeException("deposit log: opaqueData length word (data[32..64)) is " + declared + " but only "
          + available + " bytes follow");
    }
    int length = declared.intValueExact();
    if (length + WORD <= available) {
      throw new DecodeException("deposit log: opaqueData of " + length + " bytes is followed by " + (available - length)
          + " bytes of padding (more than 31)");
    }
    if (length < OPAQUE_FIXED_BYTES) {
      throw new DecodeException("deposit log: opaqueData is " + length + " bytes, at least 73 expected");
    }
    Bytes opaque = data.slice(2 * WORD, length);
    return new TransactionDeposited(
        Address.fromWord(topics.get(1).bytes()),
        Address.fromWord(topics.get(2).bytes()),
        opaque.slice(0, WORD).toUnsignedBigInteger(),
        opaque.slice(WORD, WORD).toUnsignedBigInteger(),
        opaque.slice(2 * WORD, 8).toLong(),
        opaque.get(72) != 0,
        opaque.slice(OPAQUE_FIXED_BYTES));
  }

  /**
   * The deposit derivation makes of this event found at block-wide {@code logIndex} of L1 block
   * {@code l1BlockHash}: source hash domain 0, no {@code to} for a creation, never a system tx.
   */
  public DepositTx toDepositTx(Hash l1BlockHash, long logIndex) {
    return new DepositTx(SourceHash.userDeposit(l1BlockHash, logIndex), from,
        isCreation ? Optional.empty() : Optional.of(to), mint, value, gasLimit, false, data);
  }

  /** {@link #fromLog} then {@link #toDepositTx}: a deposit log as derivation reads it. */
  public static DepositTx decodeDeposit(Log log, Address depositContract, Hash l1BlockHash, long logIndex)
      throws DecodeException {
    return fromLog(log, depositContract).toDepositTx(l1BlockHash, logIndex);
  }

  /** The log the portal at {@code depositContract} emits for this event (data padded to a 32-byte multiple). */
  public Log toLog(Address depositContract) {
    int length = OPAQUE_FIXED_BYTES + data.size();
    int padded = (length + WORD - 1) / WORD * WORD;
    ByteBuffer out = ByteBuffer.allocate(2 * WORD + padded);
    out.put(Bytes32.leftPad(Bytes.of(WORD)).toArrayUnsafe());
    out.put(Bytes32.leftPad(Bytes.ofUnsignedInt(length)).toArrayUnsafe());
    out.put(uint256Word(mint));
    out.put(uint256Word(value));
    out.putLong(gasLimit);
    out.put((byte) (isCreation ? 1 : 0));
    out.put(data.toArrayUnsafe());
    return new Log(depositContract, List.of(TOPIC, new Hash(from.toWord()), new Hash(to.toWord()), VERSION_0),
        Bytes.wrap(out.array()));
  }

  private static byte[] uint256Word(BigInteger value) {
    return Bytes32.leftPad(Bytes.wrap(value.toByteArray()).trimLeadingZeros()).toArrayUnsafe();
  }
}
