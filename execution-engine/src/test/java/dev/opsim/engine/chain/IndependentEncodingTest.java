package dev.opsim.engine.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsim.engine.trie.MerklePatriciaTrie;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

/** Header and withdrawal encodings checked against an independent RLP encoder (web3j), field by field. */
class IndependentEncodingTest {
  @Property(tries = 200)
  void headerEncodingMatches(@ForAll("headers") BlockHeader h) {
    List<RlpType> fields = new ArrayList<>(List.of(
        RlpString.create(h.parentHash().toArray()), RlpString.create(h.ommersHash().toArray()),
        RlpString.create(h.coinbase().toArray()), RlpString.create(h.stateRoot().toArray()),
        RlpString.create(h.transactionsRoot().toArray()), RlpString.create(h.receiptsRoot().toArray()),
        RlpString.create(h.logsBloom().bytes().toArray()), uint(h.difficulty()), uint(h.number()),
        uint(h.gasLimit()), uint(h.gasUsed()), uint(h.timestamp()), RlpString.create(h.extraData().toArray()),
        RlpString.create(h.mixHash().toArray()), RlpString.create(nonceBytes(h.nonce()))));
    h.baseFeePerGas().ifPresent(fee -> fields.add(uint(fee)));
    h.withdrawalsRoot().ifPresent(root -> fields.add(RlpString.create(root.toArray())));
    h.blobGasUsed().ifPresent(v -> fields.add(uint(v)));
    h.excessBlobGas().ifPresent(v -> fields.add(uint(v)));
    h.parentBeaconBlockRoot().ifPresent(root -> fields.add(RlpString.create(root.toArray())));
    h.requestsHash().ifPresent(hash -> fields.add(RlpString.create(hash.toArray())));
    assertArrayEquals(RlpEncoder.encode(new RlpList(fields)), h.encode().toArray());
  }

  @Property(tries = 200)
  void withdrawalEncodingMatches(@ForAll("withdrawals") ValidatorWithdrawal w) {
    byte[] expected = RlpEncoder.encode(new RlpList(uint(w.index()), uint(w.validatorIndex()),
        RlpString.create(w.address().toArray()), uint(w.amountGwei())));
    assertArrayEquals(expected, w.encode().toArray());
  }

  @Test
  void noWithdrawalsHaveTheEmptyRoot() {
    // protocol-reference 6.4: the empty-list root 0x56e81f…b421 from Canyon
    assertEquals(MerklePatriciaTrie.EMPTY_ROOT, BlockRoots.withdrawalsRoot(List.of()));
    assertEquals("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421",
        MerklePatriciaTrie.EMPTY_ROOT.toString());
  }

  @Provide
  Arbitrary<BlockHeader> headers() {
    return ChainArbitraries.headers();
  }

  @Provide
  Arbitrary<ValidatorWithdrawal> withdrawals() {
    return ChainArbitraries.withdrawals();
  }

  private static byte[] nonceBytes(long nonce) {
    byte[] out = new byte[8];
    for (int i = 7; i >= 0; i--) {
      out[i] = (byte) nonce;
      nonce >>>= 8;
    }
    return out;
  }

  private static RlpString uint(long value) {
    return uint(new BigInteger(Long.toUnsignedString(value)));
  }

  private static RlpString uint(BigInteger value) {
    if (value.signum() == 0) {
      return RlpString.create(new byte[0]);
    }
    byte[] raw = value.toByteArray();
    if (raw[0] == 0) {
      byte[] trimmed = new byte[raw.length - 1];
      System.arraycopy(raw, 1, trimmed, 0, trimmed.length);
      return RlpString.create(trimmed);
    }
    return RlpString.create(raw);
  }
}
