package dev.opsim.protocol.tx;

import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.rlp.RLPReader;
import org.apache.tuweni.rlp.RLPWriter;

/** One EIP-2930 access list entry: {@code [address, [storageKey, ...]]}. */
public record AccessListEntry(Address address, List<Hash> storageKeys) {
  public AccessListEntry {
    Objects.requireNonNull(address, "address");
    storageKeys = List.copyOf(storageKeys);
  }

  public static List<AccessListEntry> readList(RLPReader reader, String field) {
    return Rlp.readList(reader, field, entry -> {
      if (!entry.nextIsList()) {
        throw new Rlp.FieldException(field + " entry must be a list");
      }
      return entry.readList(fields -> {
        Address address = Rlp.readAddress(fields, field + " address");
        List<Hash> keys = Rlp.readList(fields, field + " storage keys", key -> Rlp.readHash(key, "storage key"));
        if (!fields.isComplete()) {
          throw new Rlp.FieldException(field + " entry has more than 2 elements");
        }
        return new AccessListEntry(address, keys);
      });
    });
  }

  public static void writeList(RLPWriter writer, List<AccessListEntry> entries) {
    writer.writeList(entries, (w, entry) -> w.writeList(fields -> {
      fields.writeValue(entry.address().bytes());
      fields.writeList(entry.storageKeys(), (k, key) -> k.writeValue(key.bytes()));
    }));
  }
}
