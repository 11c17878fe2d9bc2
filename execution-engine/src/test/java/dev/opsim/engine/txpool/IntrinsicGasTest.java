package dev.opsim.engine.txpool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.tx.AccessListEntry;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** Expected values are the EIPs' constants applied by hand (yellow paper g0, EIP-2028, 2930, 3860, 7623). */
class IntrinsicGasTest {
  @Test
  void plainTransferIs21000() {
    assertEquals(21_000, IntrinsicGas.of(Bytes.EMPTY, false, List.of(), 0, true));
  }

  @Test
  void calldataCostsFourPerZeroAndSixteenPerNonzeroByte() {
    assertEquals(21_000 + 2 * 4 + 3 * 16,
        IntrinsicGas.of(Bytes.fromHexString("0x0001ff0002"), false, List.of(), 0, true));
  }

  @Test
  void creationCosts53000PlusInitcodeWordsFromShanghai() {
    byte[] code = new byte[33];
    code[0] = 0x60;
    Bytes data = Bytes.wrap(code);
    long calldata = 32 * 4 + 16;
    assertEquals(53_000 + calldata + 2 * 2, IntrinsicGas.of(data, true, List.of(), 0, true));
    assertEquals(53_000 + calldata, IntrinsicGas.of(data, true, List.of(), 0, false));
  }

  @Test
  void accessListCosts2400PerAddressAnd1900PerKey() {
    List<AccessListEntry> list = List.of(
        new AccessListEntry(Address.ZERO, List.of(Hash.ZERO, Hash.ofLong(1))),
        new AccessListEntry(TestTransactions.TO, List.of()));
    assertEquals(21_000 + 2 * 2_400 + 2 * 1_900, IntrinsicGas.of(Bytes.EMPTY, false, list, 0, true));
  }

  @Test
  void authorizationsCost25000Each() {
    assertEquals(21_000 + 2 * 25_000, IntrinsicGas.of(Bytes.EMPTY, false, List.of(), 2, true));
  }

  @Test
  void floorIsTenPerToken() {
    // 2 zero bytes (1 token each) + 3 nonzero bytes (4 tokens each) = 14 tokens
    assertEquals(21_000 + 10 * 14, IntrinsicGas.floorDataGas(Bytes.fromHexString("0x0001ff0002")));
  }
}
