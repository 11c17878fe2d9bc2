package dev.opsim.engine.node;

import dev.opsim.engine.state.TrieState;
import dev.opsim.engine.txpool.TxPoolState;
import dev.opsim.evm.state.AccountInfo;
import dev.opsim.protocol.Address;
import java.math.BigInteger;

/** The tx pool's view of the head state: nonces and balances read from the head's trie. */
final class HeadPoolState implements TxPoolState {
  private final TrieState state;

  HeadPoolState(TrieState state) {
    this.state = state;
  }

  @Override
  public synchronized long nonce(Address address) {
    AccountInfo account = state.account(address);
    return account == null ? 0 : account.nonce();
  }

  @Override
  public synchronized BigInteger balance(Address address) {
    AccountInfo account = state.account(address);
    return account == null ? BigInteger.ZERO : account.balance();
  }
}
