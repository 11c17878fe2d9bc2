package dev.opsim.devnet.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsim.devnet.genesis.DevAccounts.DevAccount;
import dev.opsim.evm.crypto.Secp256k1;
import dev.opsim.protocol.Address;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevAccountsTest {
  /** The well-known Hardhat / anvil accounts of "test test ... junk" (their documentation lists them). */
  private static final List<String> KNOWN = List.of(
      "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
      "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
      "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65", "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
      "0x976EA74026E726554dB657fA54763abd0C3a0aa9", "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955",
      "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f", "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720");

  @Test
  void theFirstTenAccountsAreTheWellKnownOnes() {
    List<DevAccount> accounts = DevAccounts.derive();
    assertEquals(10, accounts.size());
    for (int i = 0; i < KNOWN.size(); i++) {
      assertEquals(i, accounts.get(i).index());
      assertEquals(Address.fromHex(KNOWN.get(i)), accounts.get(i).address(), "account " + i);
    }
    assertEquals("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
        accounts.get(0).privateKey().toHexString());
  }

  @Test
  void eachKeySignsForItsAddress() {
    for (DevAccount a : DevAccounts.derive()) {
      assertEquals(a.address(), Secp256k1.addressOf(a.privateKey().toArray()), "account " + a.index());
    }
  }
}
