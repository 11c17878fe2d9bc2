package dev.opsim.protocol.tx;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apache.tuweni.bytes.Bytes;

/** jqwik generators for transactions, shared by the tx and batch tests. */
public final class TxArbitraries {
  private static final BigInteger MAX_UINT256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private TxArbitraries() {}

  public static Arbitrary<Long> uint64() {
    return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(0, 300),
        Arbitraries.of(0L, 1L, 127L, 128L, -1L, Long.MIN_VALUE, Long.MAX_VALUE));
  }

  public static Arbitrary<BigInteger> uint256() {
    return Arbitraries.oneOf(
        Arbitraries.bigIntegers().between(BigInteger.ZERO, MAX_UINT256),
        Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(1_000_000)),
        Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(127), BigInteger.valueOf(128),
            MAX_UINT256));
  }

  public static Arbitrary<Bytes> bytes(int maxSize) {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxSize).map(Bytes::wrap);
  }

  public static Arbitrary<Bytes> data() {
    // sizes around 55/56 cross the RLP short/long string boundary
    return Arbitraries.oneOf(bytes(80), bytes(300), Arbitraries.of(Bytes.of(0), Bytes.of(0x7f), Bytes.of(0x80)));
  }

  public static Arbitrary<Address> address() {
    return Arbitraries.bytes().array(byte[].class).ofSize(Address.SIZE).map(Address::wrap);
  }

  public static Arbitrary<Address> optionalAddress() {
    return address().injectNull(0.2);
  }

  public static Arbitrary<Hash> hash() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash::wrap);
  }

  public static Arbitrary<List<AccessListEntry>> accessList() {
    Arbitrary<AccessListEntry> entry = Combinators.combine(address(), hash().list().ofMaxSize(3))
        .as(AccessListEntry::new);
    return entry.list().ofMaxSize(3);
  }

  public static Arbitrary<List<SetCodeAuthorization>> authorizations() {
    Arbitrary<SetCodeAuthorization> auth = Combinators.combine(
            uint256(), address(), uint64(), Arbitraries.integers().between(0, 255), uint256(), uint256())
        .as(SetCodeAuthorization::new);
    return auth.list().ofMaxSize(3);
  }

  /** Signature values (v, r, s); {@code v} any uint256, as decoding does not judge it. */
  public record Sig(BigInteger v, BigInteger r, BigInteger s) {}

  public static Arbitrary<Sig> anySig() {
    return Combinators.combine(uint256(), uint256(), uint256()).as(Sig::new);
  }

  /** A signature a span batch can carry for {@code type} on chain {@code chainId}. */
  public static Arbitrary<Sig> spanSig(int type, BigInteger chainId) {
    Arbitrary<BigInteger> v = type == Transaction.LEGACY_TYPE
        ? Combinators.combine(Arbitraries.integers().between(0, 1), Arbitraries.of(true, false))
            .as((y, isProtected) -> LegacyTx.vFor(y, isProtected ? Optional.of(chainId) : Optional.empty()))
        : Arbitraries.of(BigInteger.ZERO, BigInteger.ONE);
    return Combinators.combine(v, uint256(), uint256()).as(Sig::new);
  }

  private record Common(long nonce, long gas, Address to, BigInteger value, Bytes data) {}

  private static Arbitrary<Common> common(Arbitrary<Address> to) {
    return Combinators.combine(uint64(), uint64(), to, uint256(), data()).as(Common::new);
  }

  public static Arbitrary<LegacyTx> legacy(Arbitrary<Sig> sigs) {
    return Combinators.combine(common(optionalAddress()), uint256(), sigs)
        .as((c, gasPrice, sig) -> new LegacyTx(
            c.nonce(), gasPrice, c.gas(), c.to(), c.value(), c.data(), sig.v(), sig.r(), sig.s()));
  }

  public static Arbitrary<AccessListTx> accessListTx(Arbitrary<BigInteger> chainIds, Arbitrary<Sig> sigs) {
    return Combinators.combine(chainIds, common(optionalAddress()), uint256(), accessList(), sigs)
        .as((chainId, c, gasPrice, list, sig) -> new AccessListTx(
            chainId, c.nonce(), gasPrice, c.gas(), c.to(), c.value(), c.data(), list, sig.v(), sig.r(), sig.s()));
  }

  public static Arbitrary<DynamicFeeTx> dynamicFeeTx(Arbitrary<BigInteger> chainIds, Arbitrary<Sig> sigs) {
    return Combinators.combine(chainIds, common(optionalAddress()), uint256(), uint256(), accessList(), sigs)
        .as((chainId, c, tip, feeCap, list, sig) -> new DynamicFeeTx(chainId, c.nonce(), tip, feeCap, c.gas(),
            c.to(), c.value(), c.data(), list, sig.v(), sig.r(), sig.s()));
  }

  public static Arbitrary<BlobTx> blobTx() {
    return Combinators.combine(uint256(), common(address()), uint256(), uint256(), accessList(), uint256(),
            hash().list().ofMaxSize(4), anySig())
        .as((chainId, c, tip, feeCap, list, blobFee, hashes, sig) -> new BlobTx(chainId, c.nonce(), tip, feeCap,
            c.gas(), c.to(), c.value(), c.data(), list, blobFee, hashes, sig.v(), sig.r(), sig.s()));
  }

  public static Arbitrary<SetCodeTx> setCodeTx(Arbitrary<BigInteger> chainIds, Arbitrary<Sig> sigs) {
    return Combinators.combine(chainIds, common(address()), uint256(), uint256(), accessList(), authorizations(),
            sigs)
        .as((chainId, c, tip, feeCap, list, auths, sig) -> new SetCodeTx(chainId, c.nonce(), tip, feeCap, c.gas(),
            c.to(), c.value(), c.data(), list, auths, sig.v(), sig.r(), sig.s()));
  }

  /** Any transaction of any type with any field values. */
  public static Arbitrary<Transaction> anyTransaction() {
    return Arbitraries.oneOf(legacy(anySig()), accessListTx(uint256(), anySig()), dynamicFeeTx(uint256(), anySig()),
        blobTx(), setCodeTx(uint256(), anySig()));
  }

  /** A transaction a span batch can carry for L2 chain {@code chainId} (types 0, 1, 2, 4 with valid v). */
  public static Arbitrary<Transaction> spanTransaction(BigInteger chainId) {
    Arbitrary<BigInteger> chain = Arbitraries.just(chainId);
    return Arbitraries.oneOf(
        legacy(spanSig(Transaction.LEGACY_TYPE, chainId)),
        accessListTx(chain, spanSig(Transaction.ACCESS_LIST_TYPE, chainId)),
        dynamicFeeTx(chain, spanSig(Transaction.DYNAMIC_FEE_TYPE, chainId)),
        setCodeTx(chain, spanSig(Transaction.SET_CODE_TYPE, chainId)));
  }
}
