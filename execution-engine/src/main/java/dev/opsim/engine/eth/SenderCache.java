package dev.opsim.engine.eth;

import dev.opsim.engine.txpool.TransactionSigning;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Senders of signed transactions, recovered once (secp256k1 recovery costs far more than the JSON around it) and
 * kept for the most recently used hashes. A signature that recovers nothing gives the zero address, which is what
 * geth prints ({@code from, _ := types.Sender(...)}).
 */
final class SenderCache {
  private final BigInteger chainId;
  private final Map<Hash, Address> recent;

  SenderCache(long chainId, int capacity) {
    this.chainId = BigInteger.valueOf(chainId);
    this.recent = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Hash, Address> eldest) {
        return size() > capacity;
      }
    };
  }

  Address sender(BlockTransaction tx) {
    return switch (tx) {
      case BlockTransaction.Deposit d -> d.tx().from();
      case BlockTransaction.Signed s -> {
        synchronized (recent) {
          Address known = recent.get(s.hash());
          if (known != null) {
            yield known;
          }
        }
        Address recovered = switch (TransactionSigning.recoverSender(s.tx(), chainId, true)) {
          case TransactionSigning.Recovery.Sender found -> found.address();
          case TransactionSigning.Recovery.Failed failed -> Address.ZERO;
        };
        synchronized (recent) {
          recent.put(s.hash(), recovered);
        }
        yield recovered;
      }
    };
  }
}
