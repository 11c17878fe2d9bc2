package dev.opsim.protocol.tx;

import dev.opsim.protocol.Address;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.rlp.RLPReader;
import org.apache.tuweni.rlp.RLPWriter;

/**
 * One EIP-7702 authorization tuple: {@code [chain_id, address, nonce, y_parity, r, s]}. {@code yParity} is a
 * uint8 on the wire (go-ethereum decodes it as one), so values up to 255 round-trip; only 0 and 1 can be valid.
 */
public record SetCodeAuthorization(
    BigInteger chainId, Address address, long nonce, int yParity, BigInteger r, BigInteger s) {
  public SetCodeAuthorization {
    Rlp.checkUint256(chainId, "chainId");
    Objects.requireNonNull(address, "address");
    if (yParity < 0 || yParity > 255) {
      throw new IllegalArgumentException("yParity is a uint8, got " + yParity);
    }
    Rlp.checkUint256(r, "r");
    Rlp.checkUint256(s, "s");
  }

  public static List<SetCodeAuthorization> readList(RLPReader reader, String field) {
    return Rlp.readList(reader, field, entry -> {
      if (!entry.nextIsList()) {
        throw new Rlp.FieldException(field + " entry must be a list");
      }
      return entry.readList(fields -> {
        SetCodeAuthorization auth = new SetCodeAuthorization(
            Rlp.readUint256(fields, "authorization chainId"),
            Rlp.readAddress(fields, "authorization address"),
            Rlp.readUint64(fields, "authorization nonce"),
            Rlp.readUint(fields, "authorization yParity", 8).intValueExact(),
            Rlp.readUint256(fields, "authorization r"),
            Rlp.readUint256(fields, "authorization s"));
        if (!fields.isComplete()) {
          throw new Rlp.FieldException(field + " entry has more than 6 elements");
        }
        return auth;
      });
    });
  }

  public static void writeList(RLPWriter writer, List<SetCodeAuthorization> entries) {
    writer.writeList(entries, (w, auth) -> w.writeList(fields -> {
      Rlp.writeUint(fields, auth.chainId());
      fields.writeValue(auth.address().bytes());
      Rlp.writeUint64(fields, auth.nonce());
      Rlp.writeUint(fields, BigInteger.valueOf(auth.yParity()));
      Rlp.writeUint(fields, auth.r());
      Rlp.writeUint(fields, auth.s());
    }));
  }
}
