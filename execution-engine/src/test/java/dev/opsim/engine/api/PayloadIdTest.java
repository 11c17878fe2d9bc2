package dev.opsim.engine.api;

import static dev.opsim.engine.api.EngineTestData.attributes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.opsim.engine.chain.ValidatorWithdrawal;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** Payload ids as op-geth derives them (miner/payload_building.go BuildPayloadArgs.Id, protocol-reference 6.2). */
class PayloadIdTest {

  private static final Hash PARENT = Hash.ofLong(0x1234);

  @Test
  void idIsSha256OfTheFieldsInOpGethsLayoutWithTheVersionFirst() throws Exception {
    PayloadAttributes a = attributes(310);
    // The byte layout written out by hand from op-geth's Id(): parent, timestamp u64, random, recipient,
    // rlp(withdrawals) = 0xc0 for [], beacon root, noTxPool byte, tx count u64, tx hashes, gasLimit u64,
    // eip1559Params.
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.write(PARENT.toArray());
    in.write(Bytes.fromHexString("0x0000000000000136").toArrayUnsafe());
    in.write(Hash.ofLong(3).toArray());
    in.write(Address.fromHex("0x4200000000000000000000000000000000000011").toArray());
    in.write(0xc0);
    in.write(EngineTestData.BEACON_ROOT.toArray());
    in.write(1);
    in.write(Bytes.fromHexString("0x0000000000000002").toArrayUnsafe());
    in.write(Keccak.hash(EngineTestData.deposit(1)).toArray());
    in.write(Keccak.hash(EngineTestData.deposit(2)).toArray());
    in.write(Bytes.fromHexString("0x0000000001c9c380").toArrayUnsafe());
    in.write(Bytes.fromHexString("0x000000fa00000006").toArrayUnsafe());
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.toByteArray());
    digest[0] = 3;
    assertEquals(Bytes.wrap(digest, 0, 8), PayloadId.of(3, PARENT, a).bytes());
    assertEquals(3, PayloadId.of(3, PARENT, a).version());
  }

  @Test
  void withoutOpFieldsTheIdCoversOnlyTheL1Fields() throws Exception {
    PayloadAttributes a = new PayloadAttributes(1, Hash.ofLong(1), Address.ZERO, Optional.empty(), Optional.empty(),
        List.of(), false, OptionalLong.empty(), Optional.empty(), OptionalLong.empty());
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.write(PARENT.toArray());
    in.write(Bytes.fromHexString("0x0000000000000001").toArrayUnsafe());
    in.write(Hash.ofLong(1).toArray());
    in.write(new byte[20]);
    in.write(0xc0); // geth's rlp of a nil withdrawals slice is the empty list too
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.toByteArray());
    digest[0] = 2;
    assertEquals(Bytes.wrap(digest, 0, 8), PayloadId.of(2, PARENT, a).bytes());
  }

  @Test
  void everyFieldChangesTheId() {
    PayloadAttributes base = attributes(310);
    List<PayloadAttributes> variants = List.of(
        base,
        new PayloadAttributes(311, base.prevRandao(), base.suggestedFeeRecipient(), base.withdrawals(),
            base.parentBeaconBlockRoot(), base.transactions(), true, base.gasLimit(), base.eip1559Params(),
            base.minBaseFee()),
        new PayloadAttributes(310, Hash.ofLong(4), base.suggestedFeeRecipient(), base.withdrawals(),
            base.parentBeaconBlockRoot(), base.transactions(), true, base.gasLimit(), base.eip1559Params(),
            base.minBaseFee()),
        new PayloadAttributes(310, base.prevRandao(), Address.ZERO, base.withdrawals(),
            base.parentBeaconBlockRoot(), base.transactions(), true, base.gasLimit(), base.eip1559Params(),
            base.minBaseFee()),
        new PayloadAttributes(310, base.prevRandao(), base.suggestedFeeRecipient(),
            Optional.of(List.of(new ValidatorWithdrawal(1, 2, Address.ZERO, 3))),
            base.parentBeaconBlockRoot(), base.transactions(), true, base.gasLimit(), base.eip1559Params(),
            base.minBaseFee()),
        new PayloadAttributes(310, base.prevRandao(), base.suggestedFeeRecipient(), base.withdrawals(),
            Optional.of(Hash.ZERO), base.transactions(), true, base.gasLimit(), base.eip1559Params(),
            base.minBaseFee()),
        new PayloadAttributes(310, base.prevRandao(), base.suggestedFeeRecipient(), base.withdrawals(),
            base.parentBeaconBlockRoot(), base.transactions().subList(0, 1), true, base.gasLimit(),
            base.eip1559Params(), base.minBaseFee()),
        new PayloadAttributes(310, base.prevRandao(), base.suggestedFeeRecipient(), base.withdrawals(),
            base.parentBeaconBlockRoot(), base.transactions(), false, base.gasLimit(), base.eip1559Params(),
            base.minBaseFee()),
        new PayloadAttributes(310, base.prevRandao(), base.suggestedFeeRecipient(), base.withdrawals(),
            base.parentBeaconBlockRoot(), base.transactions(), true, OptionalLong.of(1), base.eip1559Params(),
            base.minBaseFee()),
        new PayloadAttributes(310, base.prevRandao(), base.suggestedFeeRecipient(), base.withdrawals(),
            base.parentBeaconBlockRoot(), base.transactions(), true, base.gasLimit(),
            Optional.of(Bytes.fromHexString("0x0000000000000000")), base.minBaseFee()),
        new PayloadAttributes(310, base.prevRandao(), base.suggestedFeeRecipient(), base.withdrawals(),
            base.parentBeaconBlockRoot(), base.transactions(), true, base.gasLimit(), base.eip1559Params(),
            OptionalLong.of(1)));
    Set<PayloadId> ids = new HashSet<>();
    variants.forEach(v -> ids.add(PayloadId.of(3, PARENT, v)));
    ids.add(PayloadId.of(3, Hash.ZERO, base));
    assertEquals(variants.size() + 1, ids.size());
    assertEquals(PayloadId.of(3, PARENT, base), PayloadId.of(3, PARENT, attributes(310)), "deterministic");
    assertNotEquals(PayloadId.of(2, PARENT, base), PayloadId.of(3, PARENT, base));
  }

  @Test
  void hexForm() throws Exception {
    PayloadId id = PayloadId.fromHex("0x03421ee50df45cac");
    assertEquals("0x03421ee50df45cac", id.toString());
    assertEquals(3, id.version());
    assertThrows(DecodeException.class, () -> PayloadId.fromHex("0x03421ee50df45c"));
    assertThrows(DecodeException.class, () -> PayloadId.fromHex("03421ee50df45cac"));
    assertThrows(DecodeException.class, () -> PayloadId.fromHex("0x03421ee50df45caz"));
  }
}
