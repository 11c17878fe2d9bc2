package dev.opsim.engine.chain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.opsim.engine.genesis.ChainConfig;
import dev.opsim.engine.genesis.OptimismParams;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.config.Fork;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One named case per header rule, each with the passing and the failing side. */
class HeaderValidatorTest {
  private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);

  /** Ethereum with every fork through Cancun at genesis, post-merge. */
  static final ChainConfig L1 = new ChainConfig(BigInteger.ONE, OptionalLong.of(0), OptionalLong.of(0),
      OptionalLong.of(0), OptionalLong.empty(), Optional.of(BigInteger.ZERO), Optional.empty());

  /** OP with Bedrock … Granite at genesis, Holocene at time 2000, Isthmus at 3000. */
  static final ChainConfig OP = new ChainConfig(BigInteger.valueOf(901), OptionalLong.of(0), OptionalLong.of(0),
      OptionalLong.of(0), OptionalLong.of(3000), Optional.of(BigInteger.ZERO), Optional.of(new OptimismParams(
          OptionalLong.of(0), Map.of(Fork.REGOLITH, 0L, Fork.CANYON, 0L, Fork.DELTA, 0L, Fork.ECOTONE, 0L,
              Fork.FJORD, 0L, Fork.GRANITE, 0L, Fork.HOLOCENE, 2000L, Fork.ISTHMUS, 3000L),
          6, 50, OptionalLong.of(250))));

  /** A mutable header for building cases. */
  static final class H {
    Hash parentHash = Hash.ZERO;
    Hash ommersHash = BlockHeader.EMPTY_OMMERS_HASH;
    BigInteger difficulty = BigInteger.ZERO;
    long number = 100;
    long gasLimit = 30_000_000;
    long gasUsed = 15_000_000;
    long timestamp = 1000;
    Bytes extraData = Bytes.EMPTY;
    long nonce = 0;
    Optional<BigInteger> baseFee = Optional.of(GWEI);
    Optional<Hash> withdrawalsRoot = Optional.of(BlockRoots.withdrawalsRoot(java.util.List.of()));
    OptionalLong blobGasUsed = OptionalLong.of(0);
    OptionalLong excessBlobGas = OptionalLong.of(0);
    Optional<Hash> beaconRoot = Optional.of(Hash.ZERO);
    Optional<Hash> requestsHash = Optional.empty();

    BlockHeader build() {
      return new BlockHeader(parentHash, ommersHash, Address.ZERO, Hash.ZERO, Hash.ZERO, Hash.ZERO, LogsBloom.EMPTY,
          difficulty, number, gasLimit, gasUsed, timestamp, extraData, Hash.ZERO, nonce, baseFee, withdrawalsRoot,
          blobGasUsed, excessBlobGas, beaconRoot, requestsHash);
    }

    /** A child that passes: next number, later time, same gas limit, the expected base fee and blob values. */
    H child(ChainConfig config) {
      BlockHeader parent = build();
      H c = new H();
      c.parentHash = parent.hash();
      c.number = number + 1;
      c.timestamp = timestamp + 2;
      c.gasLimit = gasLimit;
      c.gasUsed = 0;
      c.extraData = extraData;
      try {
        c.baseFee = Optional.of(new HeaderValidator(config).expectedBaseFee(parent, c.timestamp));
      } catch (HeaderValidationException e) {
        throw new AssertionError(e);
      }
      if (!config.isOptimism()) {
        c.excessBlobGas = OptionalLong.of(BlobGas.excessBlobGas(excessBlobGas.getAsLong(), blobGasUsed.getAsLong()));
      }
      return c;
    }
  }

  private static void passes(ChainConfig config, H parent, UnaryOperator<H> change) {
    H child = change.apply(parent.child(config));
    assertDoesNotThrow(() -> new HeaderValidator(config).validate(parent.build(), child.build()));
  }

  private static void fails(ChainConfig config, H parent, HeaderRule rule, UnaryOperator<H> change) {
    H child = change.apply(parent.child(config));
    HeaderValidationException e = assertThrows(HeaderValidationException.class,
        () -> new HeaderValidator(config).validate(parent.build(), child.build()));
    assertEquals(rule, e.rule(), e.getMessage());
  }

  private static H set(H h, java.util.function.Consumer<H> change) {
    change.accept(h);
    return h;
  }

  @Nested
  class Ethereum {
    @Test
    void parentHash() {
      passes(L1, new H(), c -> c);
      fails(L1, new H(), HeaderRule.PARENT_HASH, c -> set(c, x -> x.parentHash = Hash.ofLong(1)));
    }

    @Test
    void number() {
      fails(L1, new H(), HeaderRule.NUMBER, c -> set(c, x -> x.number += 1));
      fails(L1, new H(), HeaderRule.NUMBER, c -> set(c, x -> x.number -= 1));
    }

    @Test
    void timestamp() {
      passes(L1, new H(), c -> set(c, x -> x.timestamp = 1001));
      fails(L1, new H(), HeaderRule.TIMESTAMP, c -> set(c, x -> x.timestamp = 1000));
      fails(L1, new H(), HeaderRule.TIMESTAMP, c -> set(c, x -> x.timestamp = 999));
    }

    @Test
    void forkFields() {
      fails(L1, new H(), HeaderRule.FORK_FIELDS, c -> set(c, x -> {
        x.blobGasUsed = OptionalLong.empty();
        x.excessBlobGas = OptionalLong.empty();
        x.beaconRoot = Optional.empty();
      }));
      fails(L1, new H(), HeaderRule.FORK_FIELDS, c -> set(c, x -> x.requestsHash = Optional.of(Hash.ZERO)));
    }

    @Test
    void extraData() {
      passes(L1, new H(), c -> set(c, x -> x.extraData = Bytes.wrap(new byte[32])));
      fails(L1, new H(), HeaderRule.EXTRA_DATA, c -> set(c, x -> x.extraData = Bytes.wrap(new byte[33])));
    }

    @Test
    void gasLimitChange() {
      // bound = 30M / 1024 = 29296; the change must be strictly smaller
      passes(L1, new H(), c -> set(c, x -> x.gasLimit = 30_000_000 + 29_295));
      passes(L1, new H(), c -> set(c, x -> x.gasLimit = 30_000_000 - 29_295));
      fails(L1, new H(), HeaderRule.GAS_LIMIT_CHANGE, c -> set(c, x -> x.gasLimit = 30_000_000 + 29_296));
      fails(L1, new H(), HeaderRule.GAS_LIMIT_CHANGE, c -> set(c, x -> x.gasLimit = 30_000_000 - 29_296));
    }

    @Test
    void gasLimitMin() {
      H parent = set(new H(), p -> {
        p.gasLimit = 5002;
        p.gasUsed = 0;
      });
      passes(L1, parent, c -> set(c, x -> x.gasLimit = 5000));
      fails(L1, parent, HeaderRule.GAS_LIMIT_MIN, c -> set(c, x -> x.gasLimit = 4999));
    }

    @Test
    void gasLimitMax() {
      fails(L1, new H(), HeaderRule.GAS_LIMIT_MAX, c -> set(c, x -> x.gasLimit = Long.MIN_VALUE));
    }

    @Test
    void gasUsed() {
      passes(L1, new H(), c -> set(c, x -> x.gasUsed = x.gasLimit));
      fails(L1, new H(), HeaderRule.GAS_USED, c -> set(c, x -> x.gasUsed = x.gasLimit + 1));
    }

    @Test
    void baseFee() {
      fails(L1, new H(), HeaderRule.BASE_FEE, c -> set(c, x -> x.baseFee = Optional.of(x.baseFee.get().add(
          BigInteger.ONE))));
    }

    @Test
    void baseFeeFollowsTheParentsUsage() throws HeaderValidationException {
      H parent = set(new H(), p -> p.gasUsed = 30_000_000);
      // full parent: +1/8 (geth TestCalcBaseFee scaled): 1 gwei * 15M / 15M / 8
      assertEquals(BigInteger.valueOf(1_125_000_000L),
          new HeaderValidator(L1).expectedBaseFee(parent.build(), 1002));
    }

    @Test
    void londonTransition() {
      ChainConfig londonAt101 = new ChainConfig(BigInteger.ONE, OptionalLong.of(101), OptionalLong.empty(),
          OptionalLong.empty(), OptionalLong.empty(), Optional.of(BigInteger.ZERO), Optional.empty());
      H parent = set(new H(), p -> {
        p.baseFee = Optional.empty();
        p.withdrawalsRoot = Optional.empty();
        p.blobGasUsed = OptionalLong.empty();
        p.excessBlobGas = OptionalLong.empty();
        p.beaconRoot = Optional.empty();
      });
      H child = new H();
      child.parentHash = parent.build().hash();
      child.number = 101;
      child.timestamp = 1002;
      child.gasLimit = 60_000_000;
      child.withdrawalsRoot = Optional.empty();
      child.blobGasUsed = OptionalLong.empty();
      child.excessBlobGas = OptionalLong.empty();
      child.beaconRoot = Optional.empty();
      assertDoesNotThrow(() -> new HeaderValidator(londonAt101).validate(parent.build(), child.build()),
          "the first London block: base fee 1 gwei, gas limit judged against the doubled parent limit");
      child.baseFee = Optional.of(BigInteger.TWO);
      HeaderValidationException e = assertThrows(HeaderValidationException.class,
          () -> new HeaderValidator(londonAt101).validate(parent.build(), child.build()));
      assertEquals(HeaderRule.BASE_FEE, e.rule());
    }

    @Test
    void difficulty() {
      fails(L1, new H(), HeaderRule.DIFFICULTY, c -> set(c, x -> x.difficulty = BigInteger.ONE));
    }

    @Test
    void nonce() {
      fails(L1, new H(), HeaderRule.NONCE, c -> set(c, x -> x.nonce = 1));
    }

    @Test
    void ommersHash() {
      fails(L1, new H(), HeaderRule.OMMERS_HASH, c -> set(c, x -> x.ommersHash = Hash.ZERO));
    }

    @Test
    void blobGasUsed() {
      passes(L1, new H(), c -> set(c, x -> x.blobGasUsed = OptionalLong.of(BlobGas.MAX_BLOB_GAS_PER_BLOCK)));
      fails(L1, new H(), HeaderRule.BLOB_GAS_USED,
          c -> set(c, x -> x.blobGasUsed = OptionalLong.of(BlobGas.MAX_BLOB_GAS_PER_BLOCK + BlobGas.GAS_PER_BLOB)));
      fails(L1, new H(), HeaderRule.BLOB_GAS_USED, c -> set(c, x -> x.blobGasUsed = OptionalLong.of(100)));
    }

    @Test
    void excessBlobGas() {
      H parent = set(new H(), p -> {
        p.excessBlobGas = OptionalLong.of(400_000);
        p.blobGasUsed = OptionalLong.of(BlobGas.GAS_PER_BLOB * 4);
      });
      passes(L1, parent, c -> set(c, x -> x.excessBlobGas = OptionalLong.of(400_000 + BlobGas.GAS_PER_BLOB)));
      fails(L1, parent, HeaderRule.EXCESS_BLOB_GAS, c -> set(c, x -> x.excessBlobGas = OptionalLong.of(400_000)));
    }
  }

  /** OP with everything through Holocene at genesis and Jovian at time 5000. */
  static final ChainConfig JOVIAN = new ChainConfig(BigInteger.valueOf(901), OptionalLong.of(0), OptionalLong.of(0),
      OptionalLong.of(0), OptionalLong.empty(), Optional.of(BigInteger.ZERO), Optional.of(new OptimismParams(
          OptionalLong.of(0), Map.of(Fork.REGOLITH, 0L, Fork.CANYON, 0L, Fork.DELTA, 0L, Fork.ECOTONE, 0L,
              Fork.FJORD, 0L, Fork.GRANITE, 0L, Fork.HOLOCENE, 0L, Fork.JOVIAN, 5000L),
          6, 50, OptionalLong.of(250))));

  @Nested
  class Jovian {
    private H jovianParent(long minBaseFee) {
      return set(new H(), p -> {
        p.timestamp = 5000;
        p.gasUsed = 0;
        p.blobGasUsed = OptionalLong.of(30_000_000);
        p.extraData = new JovianExtraData(new Eip1559Params(2, 100), minBaseFee).encode();
      });
    }

    @Test
    void daFootprintCountsInTheBaseFee() throws HeaderValidationException {
      // 7.1: gasUsed replaced by max(gasUsed, blobGasUsed) = 30M; target 15M: +1 gwei * 15M / 15M / 100
      assertEquals(BigInteger.valueOf(1_010_000_000L),
          new HeaderValidator(JOVIAN).expectedBaseFee(jovianParent(0).build(), 5002));
    }

    @Test
    void minBaseFeeIsAFloor() throws HeaderValidationException {
      assertEquals(BigInteger.valueOf(2_000_000_000L),
          new HeaderValidator(JOVIAN).expectedBaseFee(jovianParent(2_000_000_000L).build(), 5002));
    }

    @Test
    void extraDataIsTheVersionOneEncoding() {
      passes(JOVIAN, jovianParent(0), c -> c);
      fails(JOVIAN, jovianParent(0), HeaderRule.EXTRA_DATA,
          c -> set(c, x -> x.extraData = HoloceneExtraData.encode(new Eip1559Params(6, 250))));
    }

    @Test
    void blobGasUsedIsTheFootprintButExcessStaysZero() {
      passes(JOVIAN, jovianParent(0), c -> set(c, x -> x.blobGasUsed = OptionalLong.of(12_345)));
      fails(JOVIAN, jovianParent(0), HeaderRule.EXCESS_BLOB_GAS, c -> set(c, x -> x.excessBlobGas = OptionalLong.of(1)));
    }
  }

  @Nested
  class Optimism {
    @Test
    void gasLimitIsNotBoundByTheParent() {
      passes(OP, new H(), c -> set(c, x -> x.gasLimit = 60_000_000));
      passes(OP, new H(), c -> set(c, x -> x.gasLimit = 1000));
      fails(OP, new H(), HeaderRule.GAS_LIMIT_MAX, c -> set(c, x -> x.gasLimit = -1));
    }

    @Test
    void canyonDenominatorIsUsed() throws HeaderValidationException {
      H parent = set(new H(), p -> p.gasUsed = 30_000_000);
      // target 5M, full block: +1 gwei * 25M / 5M / 250
      assertEquals(BigInteger.valueOf(1_020_000_000L),
          new HeaderValidator(OP).expectedBaseFee(parent.build(), 1002));
    }

    @Test
    void preCanyonDenominatorIsUsed() throws HeaderValidationException {
      ChainConfig bedrockOnly = new ChainConfig(BigInteger.TEN, OptionalLong.of(0), OptionalLong.empty(),
          OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), Optional.of(new OptimismParams(
              OptionalLong.of(0), Map.of(Fork.REGOLITH, 0L), 6, 50, OptionalLong.of(250))));
      H parent = set(new H(), p -> {
        p.gasUsed = 30_000_000;
        p.withdrawalsRoot = Optional.empty();
        p.blobGasUsed = OptionalLong.empty();
        p.excessBlobGas = OptionalLong.empty();
        p.beaconRoot = Optional.empty();
      });
      assertEquals(BigInteger.valueOf(1_100_000_000L),
          new HeaderValidator(bedrockOnly).expectedBaseFee(parent.build(), 1002));
    }

    @Test
    void holoceneBaseFeeUsesTheParentsExtraData() throws HeaderValidationException {
      H parent = set(new H(), p -> {
        p.timestamp = 2000;
        p.gasUsed = 30_000_000;
        p.extraData = HoloceneExtraData.encode(new Eip1559Params(2, 100));
      });
      // target 15M, full block: +1 gwei * 15M / 15M / 100
      assertEquals(BigInteger.valueOf(1_010_000_000L),
          new HeaderValidator(OP).expectedBaseFee(parent.build(), 2002));
    }

    @Test
    void extraDataBeforeHolocene() {
      passes(OP, new H(), c -> set(c, x -> x.extraData = Bytes.wrap(new byte[32])));
      fails(OP, new H(), HeaderRule.EXTRA_DATA, c -> set(c, x -> x.extraData = Bytes.wrap(new byte[33])));
    }

    @Test
    void extraDataFromHolocene() {
      H parent = set(new H(), p -> {
        p.timestamp = 2000;
        p.extraData = HoloceneExtraData.encode(new Eip1559Params(6, 250));
      });
      passes(OP, parent, c -> c);
      fails(OP, parent, HeaderRule.EXTRA_DATA, c -> set(c, x -> x.extraData = Bytes.EMPTY));
      fails(OP, parent, HeaderRule.EXTRA_DATA,
          c -> set(c, x -> x.extraData = Bytes.fromHexString("0x01000000fa00000006")));
    }

    @Test
    void blobFieldsAreZero() {
      fails(OP, new H(), HeaderRule.BLOB_GAS_USED, c -> set(c, x -> x.blobGasUsed = OptionalLong.of(
          BlobGas.GAS_PER_BLOB)));
      fails(OP, new H(), HeaderRule.EXCESS_BLOB_GAS, c -> set(c, x -> x.excessBlobGas = OptionalLong.of(1)));
    }

    @Test
    void isthmusRequestsHash() {
      H parent = set(new H(), p -> {
        p.timestamp = 3000;
        p.extraData = HoloceneExtraData.encode(new Eip1559Params(6, 250));
        p.requestsHash = Optional.of(HeaderValidator.EMPTY_REQUESTS_HASH);
      });
      passes(OP, parent, c -> set(c, x -> x.requestsHash = Optional.of(HeaderValidator.EMPTY_REQUESTS_HASH)));
      fails(OP, parent, HeaderRule.REQUESTS_HASH, c -> set(c, x -> x.requestsHash = Optional.of(Hash.ZERO)));
      fails(OP, parent, HeaderRule.FORK_FIELDS, c -> set(c, x -> x.requestsHash = Optional.empty()));
    }
  }
}
