package dev.opsim.engine.chain;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Log;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.apache.tuweni.bytes.Bytes;

/** Generators for chain values: every header shape, receipts of every kind, blocks. */
final class ChainArbitraries {
  private ChainArbitraries() {}

  static Arbitrary<Hash> hashes() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash::wrap);
  }

  static Arbitrary<Address> addresses() {
    return Arbitraries.bytes().array(byte[].class).ofSize(20).map(Address::wrap);
  }

  static Arbitrary<Bytes> bytes(int maxSize) {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxSize).map(Bytes::wrap);
  }

  /** uint64 values with the edges (0, small, 2^63-1, 2^64-1) well represented. */
  static Arbitrary<Long> uint64() {
    return Arbitraries.oneOf(Arbitraries.of(0L, 1L, 127L, 128L, 255L, 256L, Long.MAX_VALUE, -1L),
        Arbitraries.longs(), Arbitraries.longs().between(0, 1L << 32));
  }

  static Arbitrary<BigInteger> uint256() {
    return Arbitraries.oneOf(Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.shiftLeft(256).subtract(
        BigInteger.ONE)), Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(256).subtract(
        BigInteger.ONE)));
  }

  static Arbitrary<LogsBloom> blooms() {
    return Arbitraries.oneOf(Arbitraries.just(LogsBloom.EMPTY),
        Arbitraries.bytes().array(byte[].class).ofSize(LogsBloom.SIZE).map(b -> new LogsBloom(Bytes.wrap(b))));
  }

  static Arbitrary<BlockHeader> headers() {
    return Arbitraries.of(HeaderShape.values()).flatMap(ChainArbitraries::headers);
  }

  static Arbitrary<BlockHeader> headers(HeaderShape shape) {
    Arbitrary<List<Object>> mandatory = Combinators.combine(List.of(
        hashes().map(Object.class::cast), hashes().map(Object.class::cast), addresses().map(Object.class::cast),
        hashes().map(Object.class::cast), hashes().map(Object.class::cast), hashes().map(Object.class::cast),
        blooms().map(Object.class::cast), uint256().map(Object.class::cast), uint64().map(Object.class::cast),
        uint64().map(Object.class::cast), uint64().map(Object.class::cast), uint64().map(Object.class::cast),
        bytes(40).map(Object.class::cast), hashes().map(Object.class::cast), uint64().map(Object.class::cast)))
        .as(list -> list);
    Arbitrary<List<Object>> optional = Combinators.combine(List.of(
        uint256().map(Object.class::cast), hashes().map(Object.class::cast), uint64().map(Object.class::cast),
        uint64().map(Object.class::cast), hashes().map(Object.class::cast), hashes().map(Object.class::cast)))
        .as(list -> list);
    return Combinators.combine(mandatory, optional).as((m, o) -> new BlockHeader(
        (Hash) m.get(0), (Hash) m.get(1), (Address) m.get(2), (Hash) m.get(3), (Hash) m.get(4), (Hash) m.get(5),
        (LogsBloom) m.get(6), (BigInteger) m.get(7), (Long) m.get(8), (Long) m.get(9), (Long) m.get(10),
        (Long) m.get(11), (Bytes) m.get(12), (Hash) m.get(13), (Long) m.get(14),
        shape.has(HeaderShape.LONDON) ? Optional.of((BigInteger) o.get(0)) : Optional.empty(),
        shape.has(HeaderShape.SHANGHAI) ? Optional.of((Hash) o.get(1)) : Optional.empty(),
        shape.has(HeaderShape.CANCUN) ? OptionalLong.of((Long) o.get(2)) : OptionalLong.empty(),
        shape.has(HeaderShape.CANCUN) ? OptionalLong.of((Long) o.get(3)) : OptionalLong.empty(),
        shape.has(HeaderShape.CANCUN) ? Optional.of((Hash) o.get(4)) : Optional.empty(),
        shape.has(HeaderShape.PRAGUE) ? Optional.of((Hash) o.get(5)) : Optional.empty()));
  }

  static Arbitrary<Log> logs() {
    return Combinators.combine(addresses(), hashes().list().ofMaxSize(4), bytes(80)).as(Log::new);
  }

  /** Receipts as the builder makes them: non-deposits without deposit fields, deposits with 0, 1 or 2. */
  static Arbitrary<Receipt> receipts() {
    Arbitrary<Integer> types = Arbitraries.of(0, 1, 2, 3, 4, 0x7e);
    return Combinators.combine(types, Arbitraries.of(true, false), uint64(), logs().list().ofMaxSize(3),
        uint64(), Arbitraries.integers().between(0, 2)).as((type, success, gas, logs, nonce, depositFields) -> {
          if (type != 0x7e || depositFields == 0) {
            return new Receipt(type, success, gas, LogsBloom.of(logs), logs, OptionalLong.empty(),
                OptionalLong.empty());
          }
          return Receipt.deposit(success, gas, logs, OptionalLong.of(nonce), depositFields == 2);
        });
  }

  static Arbitrary<ValidatorWithdrawal> withdrawals() {
    return Combinators.combine(uint64(), uint64(), addresses(), uint64()).as(ValidatorWithdrawal::new);
  }

  /** A transaction envelope: a legacy RLP list or a typed payload (type byte, then arbitrary bytes). */
  static Arbitrary<Bytes> transactions() {
    Arbitrary<Bytes> legacy = bytes(60).list().ofMaxSize(4).map(items -> dev.opsim.protocol.tx.Rlp.encodeList(w -> {
      for (Bytes item : items) {
        w.writeValue(item);
      }
    }));
    Arbitrary<Bytes> typed = Combinators.combine(Arbitraries.integers().between(0, 0x7f), bytes(100))
        .as((type, body) -> Bytes.concatenate(Bytes.of(type), body));
    return Arbitraries.oneOf(legacy, typed.map(b -> Bytes.wrap(b.toArray())));
  }

  static Arbitrary<Block> blocks() {
    return Combinators.combine(headers(), transactions().list().ofMaxSize(5), withdrawals().list().ofMaxSize(3))
        .as((header, txs, ws) -> new Block(header, txs,
            header.withdrawalsRoot().isPresent() ? Optional.of(ws) : Optional.empty()));
  }
}
