package dev.opsim.devnet.genesis;

import dev.opsim.protocol.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.MnemonicUtils;

/** The devnet accounts: BIP-32 {@code m/44'/60'/0'/0/i} of the standard test mnemonic (what Hardhat and anvil use). */
public final class DevAccounts {
  public static final String MNEMONIC = "test test test test test test test test test test test junk";
  public static final int COUNT = 10;
  /** Each dev account's starting balance on both chains: 10,000 ETH. */
  public static final BigInteger BALANCE = BigInteger.TEN.pow(22);

  /** One dev account: its index, address and private key. */
  public record DevAccount(int index, Address address, Bytes32 privateKey) {}

  private DevAccounts() {}

  /** The first {@value #COUNT} accounts of {@link #MNEMONIC}. */
  public static List<DevAccount> derive() {
    return derive(MNEMONIC, COUNT);
  }

  public static List<DevAccount> derive(String mnemonic, int count) {
    Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(mnemonic, ""));
    int hardened = Bip32ECKeyPair.HARDENED_BIT;
    List<DevAccount> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Bip32ECKeyPair key = Bip32ECKeyPair.deriveKeyPair(master, new int[] {44 | hardened, 60 | hardened,
          hardened, 0, i});
      out.add(new DevAccount(i, Address.fromHex("0x" + Keys.getAddress(key.getPublicKey())),
          Bytes32.leftPad(org.apache.tuweni.bytes.Bytes.wrap(unsigned(key.getPrivateKey())))));
    }
    return List.copyOf(out);
  }

  private static byte[] unsigned(BigInteger value) {
    byte[] raw = value.toByteArray();
    if (raw.length > 32) {
      byte[] out = new byte[32];
      System.arraycopy(raw, raw.length - 32, out, 0, 32);
      return out;
    }
    return raw;
  }
}
