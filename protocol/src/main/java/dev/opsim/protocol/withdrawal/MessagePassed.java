package dev.opsim.protocol.withdrawal;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The L2ToL1MessagePasser's {@code MessagePassed(uint256 indexed nonce, address indexed sender, address indexed
 * target, uint256 value, uint256 gasLimit, bytes data, bytes32 withdrawalHash)} event (protocol-reference 8.1):
 * the withdrawal it records and the hash the contract stated. The decoder does not insist that the stated hash
 * matches the fields; {@link #hashMatches()} tells (a mismatch means the log did not come from the real contract).
 */
public record MessagePassed(Withdrawal withdrawal, Hash withdrawalHash) {
  public static final Hash TOPIC =
      Hash.fromHex("0x02a52367d10742d8032712c1bb8e0144ff1ec5ffda1ed7d70bb05a2744955054");
  private static final int TOPIC_COUNT = 4;
  private static final int HEAD_WORDS = 4;

  public MessagePassed {
    if (withdrawal == null || withdrawalHash == null) {
      throw new IllegalArgumentException("withdrawal and withdrawalHash must not be null");
    }
  }

  /** The event the message passer emits for {@code withdrawal}, with the hash it computes. */
  public static MessagePassed of(Withdrawal withdrawal) {
    return new MessagePassed(withdrawal, withdrawal.hash());
  }

  public boolean hashMatches() {
    return withdrawal.hash().equals(withdrawalHash);
  }

  public List<Hash> topics() {
    return List.of(
        TOPIC,
        new Hash(Abi.uint256(withdrawal.nonce())),
        new Hash(withdrawal.sender().toWord()),
        new Hash(withdrawal.target().toWord()));
  }

  /** {@code abi.encode(value, gasLimit, data, withdrawalHash)}. */
  public Bytes data() {
    return Bytes.concatenate(
        Abi.uint256(withdrawal.value()),
        Abi.uint256(withdrawal.gasLimit()),
        Abi.uint256(HEAD_WORDS * Abi.WORD),
        withdrawalHash.bytes(),
        Abi.bytesTail(withdrawal.data()));
  }

  /**
   * Decodes a log's topics and data. Requires exactly four topics with {@link #TOPIC} first, address topics with
   * clean upper bytes, and canonical ABI data (offset 0x80, exact length, zero padding). The emitting address is
   * the caller's to check.
   */
  public static MessagePassed decode(List<Hash> topics, Bytes data) throws DecodeException {
    if (topics == null || data == null) {
      throw new DecodeException("MessagePassed log has null topics or data");
    }
    if (topics.size() != TOPIC_COUNT) {
      throw new DecodeException("MessagePassed log has " + topics.size() + " topics, expected " + TOPIC_COUNT);
    }
    for (int i = 0; i < TOPIC_COUNT; i++) {
      if (topics.get(i) == null) {
        throw new DecodeException("MessagePassed topic " + i + " is null");
      }
    }
    if (!TOPIC.equals(topics.get(0))) {
      throw new DecodeException("topic 0 is " + topics.get(0) + ", not MessagePassed");
    }
    BigInteger nonce = Abi.toUint(topics.get(1).bytes());
    Address sender = Abi.toAddress(topics.get(2).bytes(), "MessagePassed topic 2 (sender)");
    Address target = Abi.toAddress(topics.get(3).bytes(), "MessagePassed topic 3 (target)");
    AbiReader in = new AbiReader(data, 0, "MessagePassed data");
    BigInteger value = in.uint256(0);
    BigInteger gasLimit = in.uint256(1);
    Bytes32 statedHash = in.word(3);
    Bytes payload = in.trailingBytes(2, HEAD_WORDS);
    return new MessagePassed(new Withdrawal(nonce, sender, target, value, gasLimit, payload), new Hash(statedHash));
  }
}
