package dev.opsim.engine.store;

import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/** Delegates to a real store but can be told to fail the next write, as a full disk or I/O error would. */
final class FlakyKeyValueStore implements KeyValueStore {
  private final KeyValueStore delegate;
  private boolean failNextWrite;

  FlakyKeyValueStore(KeyValueStore delegate) {
    this.delegate = delegate;
  }

  void failNextWrite() {
    failNextWrite = true;
  }

  @Override
  public Optional<Bytes> get(ColumnFamily family, Bytes key) {
    return delegate.get(family, key);
  }

  @Override
  public void scan(ColumnFamily family, Bytes fromInclusive, Bytes toExclusive, EntryVisitor visitor) {
    delegate.scan(family, fromInclusive, toExclusive, visitor);
  }

  @Override
  public void write(WriteBatch batch) {
    if (failNextWrite) {
      failNextWrite = false;
      throw new StoreException("injected write failure");
    }
    delegate.write(batch);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
