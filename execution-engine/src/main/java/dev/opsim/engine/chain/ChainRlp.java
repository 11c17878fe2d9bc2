package dev.opsim.engine.chain;

import dev.opsim.protocol.tx.Rlp;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.rlp.RLPException;
import org.apache.tuweni.rlp.RLPReader;

/** RLP reading helpers for nested structures, on top of the strict readers of {@link Rlp}. */
final class ChainRlp {
  private ChainRlp() {}

  /** Reads a nested list that {@code body} must consume entirely. */
  static <T> T readStruct(RLPReader reader, String field, Function<RLPReader, T> body) {
    if (reader.isComplete()) {
      throw new Rlp.FieldException("missing field " + field);
    }
    try {
      if (!reader.nextIsList()) {
        throw new Rlp.FieldException(field + " must be an RLP list, found a string");
      }
      return reader.readList(list -> {
        T value = body.apply(list);
        if (!list.isComplete()) {
          throw new Rlp.FieldException(field + " has more elements than expected");
        }
        return value;
      });
    } catch (RLPException e) {
      throw new Rlp.FieldException(field + ": " + e.getMessage());
    }
  }

  /** A byte string of exactly {@code size} bytes. */
  static Bytes readFixed(RLPReader reader, String field, int size) {
    Bytes value = Rlp.readBytes(reader, field);
    if (value.size() != size) {
      throw new Rlp.FieldException(field + " must be " + size + " bytes, got " + value.size());
    }
    return value;
  }
}
