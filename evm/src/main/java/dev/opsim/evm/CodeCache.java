package dev.opsim.evm;

import dev.opsim.protocol.Hash;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;

/** Analysed code by code hash, least recently used evicted; one per {@link Evm}. Not thread-safe. */
public final class CodeCache {
  private final Map<Hash, Code> entries;

  public CodeCache(int capacity) {
    this.entries = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Hash, Code> eldest) {
        return size() > capacity;
      }
    };
  }

  public Code get(Hash codeHash, Bytes code) {
    Code c = entries.get(codeHash);
    if (c == null) {
      c = new Code(code.toArrayUnsafe());
      entries.put(codeHash, c);
    }
    return c;
  }
}
