package dev.opsim.engine.store;

class InMemoryKeyValueStoreTest extends KeyValueStoreContract {
  @Override
  protected KeyValueStore open() {
    return new InMemoryKeyValueStore();
  }
}
