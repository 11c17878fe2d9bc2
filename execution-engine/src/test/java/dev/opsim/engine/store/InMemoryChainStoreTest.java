package dev.opsim.engine.store;

class InMemoryChainStoreTest extends ChainStoreContract {
  @Override
  protected KeyValueStore openKeyValueStore() {
    return new InMemoryKeyValueStore();
  }
}
