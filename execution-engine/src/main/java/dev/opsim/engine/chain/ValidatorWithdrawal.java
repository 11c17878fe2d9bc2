package dev.opsim.engine.chain;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import dev.opsim.protocol.tx.Rlp;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLPReader;
import org.apache.tuweni.rlp.RLPWriter;

/**
 * An EIP-4895 beacon-chain validator withdrawal carried in an L1 block body: {@code rlp([index, validatorIndex,
 * address, amount])}, amount in gwei. Not an OP L2→L1 withdrawal (protocol-reference 8); OP blocks carry an empty
 * list of these from Canyon (protocol-reference 6.4).
 */
public record ValidatorWithdrawal(long index, long validatorIndex, Address address, long amountGwei) {
  public ValidatorWithdrawal {
    if (address == null) {
      throw new IllegalArgumentException("withdrawal address is null");
    }
  }

  public Bytes encode() {
    return Rlp.encodeList(this::writeFields);
  }

  void writeFields(RLPWriter w) {
    Rlp.writeUint64(w, index);
    Rlp.writeUint64(w, validatorIndex);
    w.writeValue(address.bytes());
    Rlp.writeUint64(w, amountGwei);
  }

  static ValidatorWithdrawal read(RLPReader list) {
    return new ValidatorWithdrawal(
        Rlp.readUint64(list, "withdrawal index"),
        Rlp.readUint64(list, "withdrawal validatorIndex"),
        Rlp.readAddress(list, "withdrawal address"),
        Rlp.readUint64(list, "withdrawal amount"));
  }

  public static ValidatorWithdrawal decode(Bytes encoded) throws DecodeException {
    return Rlp.decodeList(encoded, "withdrawal", ValidatorWithdrawal::read);
  }
}
