package dev.opsim.engine.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.opsim.protocol.DecodeException;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.tuweni.bytes.Bytes;

/** Round trips of every chain codec, and fuzzing of every decoder: a value or DecodeException, nothing else. */
class ChainCodecPropertiesTest {
  @FunctionalInterface
  interface Decoder {
    Object decode(Bytes bytes) throws DecodeException;
  }

  @Property(tries = 300)
  void headerRoundTripsInEveryShape(@ForAll("headers") BlockHeader header) throws DecodeException {
    Bytes encoded = header.encode();
    BlockHeader decoded = BlockHeader.decode(encoded);
    assertEquals(header, decoded);
    assertEquals(encoded, decoded.encode());
    assertEquals(header.hash(), decoded.hash());
  }

  @Property(tries = 50)
  void everyShapeHasItsFieldCount(@ForAll HeaderShape shape, @ForAll @IntRange(max = 1000) int seed) {
    BlockHeader header = ChainArbitraries.headers(shape).generator(1000).next(new Random(seed)).value();
    assertEquals(shape, header.shape());
    assertEquals(shape.fieldCount(), countListItems(header.encode()));
  }

  @Property(tries = 300)
  void receiptRoundTrips(@ForAll("receipts") Receipt receipt) throws DecodeException {
    Bytes encoded = receipt.encode();
    Receipt decoded = Receipt.decode(encoded);
    assertEquals(encoded, decoded.encode());
    if (receipt.encodesDepositFields() || receipt.depositNonce().isEmpty()) {
      assertEquals(receipt, decoded);
    } else {
      // a pre-Canyon deposit nonce is an RPC-only value, not part of the consensus encoding
      assertEquals(receipt.type(), decoded.type());
      assertEquals(java.util.OptionalLong.empty(), decoded.depositNonce());
    }
  }

  @Property(tries = 200)
  void withdrawalRoundTrips(@ForAll("withdrawals") ValidatorWithdrawal withdrawal) throws DecodeException {
    assertEquals(withdrawal, ValidatorWithdrawal.decode(withdrawal.encode()));
  }

  @Property(tries = 200)
  void blockRoundTrips(@ForAll("blocks") Block block) throws DecodeException {
    Bytes encoded = block.encode();
    Block decoded = Block.decode(encoded);
    assertEquals(block, decoded);
    assertEquals(encoded, decoded.encode());
  }

  @Property(tries = 500)
  void decodersTakeRandomBytes(@ForAll("anyBytes") Bytes input) {
    for (Decoder decoder : decoders()) {
      decodeOrReject(decoder, input);
    }
  }

  @Property(tries = 500)
  void decodersTakeMutatedHeaders(@ForAll("headers") BlockHeader header, @ForAll("mutations") Mutation mutation) {
    decodeOrReject(BlockHeader::decode, mutation.apply(header.encode()));
    decodeOrReject(HoloceneExtraData::decode, mutation.apply(header.extraData()));
    decodeOrReject(JovianExtraData::decode, mutation.apply(header.extraData()));
  }

  @Property(tries = 500)
  void decodersTakeMutatedReceipts(@ForAll("receipts") Receipt receipt, @ForAll("mutations") Mutation mutation) {
    decodeOrReject(Receipt::decode, mutation.apply(receipt.encode()));
  }

  @Property(tries = 300)
  void decodersTakeMutatedBlocks(@ForAll("blocks") Block block, @ForAll("mutations") Mutation mutation) {
    decodeOrReject(Block::decode, mutation.apply(block.encode()));
  }

  @Property(tries = 300)
  void decodersTakeMutatedWithdrawals(@ForAll("withdrawals") ValidatorWithdrawal withdrawal,
      @ForAll("mutations") Mutation mutation) {
    decodeOrReject(ValidatorWithdrawal::decode, mutation.apply(withdrawal.encode()));
  }

  @Property(tries = 100)
  void truncatedHeadersAreRejected(@ForAll("headers") BlockHeader header, @ForAll @IntRange(min = 1) int cut) {
    Bytes encoded = header.encode();
    Bytes truncated = encoded.slice(0, encoded.size() - 1 - cut % encoded.size());
    assertThrows(DecodeException.class, () -> BlockHeader.decode(truncated));
  }

  @Property(tries = 100)
  void trailingBytesAreRejected(@ForAll("headers") BlockHeader header) {
    assertThrows(DecodeException.class, () -> BlockHeader.decode(Bytes.concatenate(header.encode(), Bytes.of(0))));
  }

  private static Decoder[] decoders() {
    return new Decoder[] {BlockHeader::decode, Receipt::decode, Block::decode, ValidatorWithdrawal::decode,
        HoloceneExtraData::decode, JovianExtraData::decode};
  }

  private static void decodeOrReject(Decoder decoder, Bytes input) {
    try {
      decoder.decode(input);
    } catch (DecodeException expected) {
      // the only allowed failure
    }
  }

  private static int countListItems(Bytes list) {
    return org.apache.tuweni.rlp.RLP.decodeList(list, reader -> {
      int n = 0;
      while (!reader.isComplete()) {
        reader.skipNext();
        n++;
      }
      return n;
    });
  }

  /** One change to an encoding: flip a bit, truncate, extend, or overwrite a byte. */
  record Mutation(int kind, int position, int value) {
    Bytes apply(Bytes input) {
      byte[] b = input.toArray();
      if (b.length == 0) {
        return Bytes.of((byte) value);
      }
      int pos = Math.floorMod(position, b.length);
      return switch (kind) {
        case 0 -> {
          b[pos] ^= (byte) (1 << (value & 7));
          yield Bytes.wrap(b);
        }
        case 1 -> Bytes.wrap(b, 0, pos);
        case 2 -> Bytes.concatenate(Bytes.wrap(b), Bytes.of((byte) value));
        default -> {
          b[pos] = (byte) value;
          yield Bytes.wrap(b);
        }
      };
    }
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers(),
        Arbitraries.integers().between(0, 255)).as(Mutation::new);
  }

  @Provide
  Arbitrary<Bytes> anyBytes() {
    return Arbitraries.oneOf(ChainArbitraries.bytes(300),
        ChainArbitraries.bytes(300).map(b -> Bytes.concatenate(Bytes.fromHexString("0xf90200"), b)),
        ChainArbitraries.bytes(60).map(b -> Bytes.concatenate(Bytes.fromHexString("0x7ef840"), b)));
  }

  @Provide
  Arbitrary<BlockHeader> headers() {
    return ChainArbitraries.headers();
  }

  @Provide
  Arbitrary<Receipt> receipts() {
    return ChainArbitraries.receipts();
  }

  @Provide
  Arbitrary<ValidatorWithdrawal> withdrawals() {
    return ChainArbitraries.withdrawals();
  }

  @Provide
  Arbitrary<Block> blocks() {
    return ChainArbitraries.blocks();
  }
}
