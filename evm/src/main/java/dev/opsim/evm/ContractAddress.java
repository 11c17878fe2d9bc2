package dev.opsim.evm;

import dev.opsim.protocol.Address;

/** Public access to the contract address rules for the transaction layer. */
public final class ContractAddress {
  private ContractAddress() {}

  /** keccak(rlp([sender, nonce]))[12:]. */
  public static Address createAddress(Address sender, long nonce) {
    return CallOps.createAddress(sender, nonce);
  }

  /** EIP-1014 CREATE2 address. */
  public static Address create2Address(Address sender, byte[] salt, byte[] initCode) {
    return CallOps.create2Address(sender, salt, initCode);
  }
}
