package dev.opsim.engine.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/**
 * Puts and deletes to apply together by {@link KeyValueStore#write}: all of them or, after a crash or an
 * exception, none. Building a batch touches no store, so one abandoned halfway (an exception while gathering a
 * block's data) simply leaves nothing behind. Operations apply in the order added; a later one on the same key
 * wins. Not thread-safe.
 */
public final class WriteBatch {
  /** One operation; {@code value} is null for a delete. */
  public record Operation(ColumnFamily family, Bytes key, Bytes value) {
    public Operation {
      Objects.requireNonNull(family, "family");
      Objects.requireNonNull(key, "key");
    }

    public boolean isDelete() {
      return value == null;
    }
  }

  private final List<Operation> operations = new ArrayList<>();

  /**
   * Stores {@code value} under {@code key}, both copied so later changes to the caller's arrays do not leak in
   * (with {@code toArray}: Tuweni's {@code copy()} returns the same instance for a whole wrapped array).
   */
  public WriteBatch put(ColumnFamily family, Bytes key, Bytes value) {
    Objects.requireNonNull(value, "value");
    operations.add(new Operation(family, Bytes.wrap(key.toArray()), Bytes.wrap(value.toArray())));
    return this;
  }

  public WriteBatch delete(ColumnFamily family, Bytes key) {
    operations.add(new Operation(family, Bytes.wrap(key.toArray()), null));
    return this;
  }

  public List<Operation> operations() {
    return Collections.unmodifiableList(operations);
  }

  public int size() {
    return operations.size();
  }

  public boolean isEmpty() {
    return operations.isEmpty();
  }
}
