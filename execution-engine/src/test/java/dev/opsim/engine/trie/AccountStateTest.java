package dev.opsim.engine.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class AccountStateTest {

  @Provide
  Arbitrary<AccountState> accounts() {
    Arbitrary<Long> nonces = Arbitraries.longs();
    Arbitrary<BigInteger> balances = Arbitraries.bigIntegers()
        .between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
    Arbitrary<Hash> hashes = Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash::wrap);
    return Combinators.combine(nonces, balances, hashes, hashes).as(AccountState::new);
  }

  @Test
  void emptyAccountEncodingHandWorked() throws DecodeException {
    // RLP([0x80, 0x80, 0xa0 ++ emptyRoot, 0xa0 ++ emptyCodeHash]): payload 1 + 1 + 33 + 33 = 68 = 0x44 bytes,
    // so a long list header f8 44.
    Bytes expected = Bytes.concatenate(Bytes.fromHexString("0xf8448080a0"),
        MerklePatriciaTrie.EMPTY_ROOT.bytes(), Bytes.of(0xa0), Keccak.hash(new byte[0]).bytes());
    assertEquals(expected, AccountState.EMPTY.encode());
    assertEquals(AccountState.EMPTY, AccountState.decode(expected));
    assertEquals(Keccak.hash(new byte[0]), AccountState.EMPTY_CODE_HASH);
    assertTrue(AccountState.EMPTY.isEmpty());
  }

  @Test
  void nonceAndBalanceAreMinimalBigEndian() {
    // nonce 1 is the byte 0x01 itself, balance 256 is 0x82 0x01 0x00: payload 1 + 3 + 66 = 70 = 0x46.
    AccountState a = AccountState.EMPTY.withNonce(1).withBalance(BigInteger.valueOf(0x0100));
    assertEquals(Bytes.fromHexString("0xf84601820100"), a.encode().slice(0, 6));
    // nonce 2^64 - 1 (unsigned) is 0x88 and eight 0xff: payload 9 + 1 + 66 = 76 = 0x4c.
    AccountState max = AccountState.EMPTY.withNonce(-1L);
    assertEquals(Bytes.fromHexString("0xf84c88ffffffffffffffff80"), max.encode().slice(0, 12));
  }

  @Test
  void rejectsBalancesOutsideUint256() {
    assertThrows(IllegalArgumentException.class, () -> AccountState.EMPTY.withBalance(BigInteger.ONE.negate()));
    assertThrows(IllegalArgumentException.class,
        () -> AccountState.EMPTY.withBalance(BigInteger.ONE.shiftLeft(256)));
  }

  /** A list header (from the independent test encoder) around the given payload. */
  private static String list(String payloadHex) {
    byte[] payload = Bytes.fromHexString(payloadHex).toArray();
    return Bytes.wrap(RefRlp.encode(List.of(new RefRlp.Raw(payload)))).toHexString();
  }

  @Test
  void rejectsNonCanonicalEncodings() {
    String hashes = "a0" + MerklePatriciaTrie.EMPTY_ROOT.toString().substring(2)
        + "a0" + AccountState.EMPTY_CODE_HASH.toString().substring(2);
    String valid = list("8080" + hashes);
    List<String> bad = List.of(
        list("820001" + "80" + hashes), // nonce with a leading zero byte
        list("8101" + "80" + hashes), // a byte below 0x80 wrapped in a string header
        list("80" + "a1" + "01" + "00".repeat(32) + hashes), // balance of 33 bytes
        list("89" + "01" + "00".repeat(8) + "80" + hashes), // nonce of 9 bytes
        list("8080" + hashes + "80"), // five items
        list("8080" + hashes.substring(0, 66)), // three items
        list("8080" + hashes.substring(0, 66) + "9f" + hashes.substring(70)), // 31-byte code hash
        list("8080c0" + hashes.substring(66)), // a list where the storage root belongs
        valid + "00", // a trailing byte
        valid.substring(0, valid.length() - 4), // truncated
        "0xf90044" + valid.substring(6), // long-form length with a leading zero byte
        "0x8a" + "00".repeat(10), // a string, not a list
        "0x");
    for (String hex : bad) {
      assertThrows(DecodeException.class, () -> AccountState.decode(Bytes.fromHexString(hex)), hex);
    }
    assertThrows(DecodeException.class, () -> AccountState.decode(null));
    try {
      assertEquals(AccountState.EMPTY, AccountState.decode(Bytes.fromHexString(valid)));
    } catch (DecodeException e) {
      fail(e);
    }
  }

  @Property(tries = 300)
  void roundTrips(@ForAll("accounts") AccountState account) throws DecodeException {
    assertEquals(account, AccountState.decode(account.encode()));
  }

  @Property(tries = 500)
  void randomBytesGiveAnAccountOrDecodeException(@ForAll @Size(max = 120) byte[] garbage) {
    decodeOrDecodeException(Bytes.wrap(garbage));
  }

  @Property(tries = 500)
  void mutatedEncodingsGiveAnAccountOrDecodeException(
      @ForAll("accounts") AccountState account, @ForAll @IntRange(min = 0, max = 200) int at,
      @ForAll @IntRange(min = 0, max = 255) int value, @ForAll @IntRange(min = 0, max = 2) int mutation) {
    byte[] bytes = account.encode().toArray();
    int i = at % bytes.length;
    Bytes mutated = switch (mutation) {
      case 0 -> {
        bytes[i] = (byte) value;
        yield Bytes.wrap(bytes);
      }
      case 1 -> Bytes.wrap(bytes, 0, i);
      default -> Bytes.concatenate(Bytes.wrap(bytes), Bytes.of(value));
    };
    decodeOrDecodeException(mutated);
  }

  private static void decodeOrDecodeException(Bytes bytes) {
    try {
      AccountState decoded = AccountState.decode(bytes);
      assertEquals(bytes, decoded.encode(), "only the canonical encoding is accepted");
    } catch (DecodeException expected) {
      // fine
    } catch (RuntimeException e) {
      fail("unchecked exception from the decoder: " + e, e);
    }
  }

  @Test
  void accountTrieStoresAccountsUnderHashedAddresses() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    AccountTrie accounts = new AccountTrie(store);
    Address a = Address.fromHex("0x4200000000000000000000000000000000000016");
    AccountState state = AccountState.EMPTY.withNonce(3).withBalance(BigInteger.TEN);
    accounts.put(a, state);
    assertEquals(Optional.of(state), accounts.get(a));
    assertEquals(Optional.empty(), accounts.get(Address.ZERO));
    SecureTrie raw = new SecureTrie(new InMemoryNodeStore());
    raw.put(a.bytes(), state.encode());
    assertEquals(raw.rootHash(), accounts.rootHash());
    Hash root = accounts.commit();
    assertEquals(Optional.of(state), new AccountTrie(store, root).get(a));
    accounts.delete(a);
    assertEquals(MerklePatriciaTrie.EMPTY_ROOT, accounts.rootHash());
  }
}
