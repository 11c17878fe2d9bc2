package dev.opsim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AddressTest {
  @Test
  void aliasesAnL1ContractAddressAsTheSpecSays() {
    // protocol-reference 1.2: alias = address + 0x1111000000000000000000000000000000001111 (mod 2^160)
    Address l1 = Address.fromHex("0x1111111111111111111111111111111111111111");
    assertEquals(Address.fromHex("0x2222111111111111111111111111111111112222"), l1.applyL1ToL2Alias());
    Address high = Address.fromHex("0xffffffffffffffffffffffffffffffffffffffff");
    assertEquals(Address.fromHex("0x1111000000000000000000000000000000001110"), high.applyL1ToL2Alias());
  }

  @Property
  void undoAliasInvertsAlias(@ForAll @Size(20) byte[] raw) {
    Address a = Address.wrap(raw);
    assertEquals(a, a.applyL1ToL2Alias().undoL1ToL2Alias());
  }

  @Test
  void fixturesAreFound() {
    assertEquals("fixtures", Fixtures.root().getFileName().toString());
  }
}
