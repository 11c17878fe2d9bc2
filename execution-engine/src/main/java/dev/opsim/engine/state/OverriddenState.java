package dev.opsim.engine.state;

import dev.opsim.evm.state.AccountInfo;
import dev.opsim.evm.state.BaseState;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.units.bigints.UInt256;

/**
 * A base state with per-account overrides, as eth_call's state-override set describes them (geth
 * {@code StateOverride}): balance, nonce and code replace the account's; {@code state} replaces its whole storage,
 * {@code stateDiff} only the given slots. Nothing is written anywhere.
 */
public final class OverriddenState implements BaseState {
  /** One account's overrides; empty fields keep the base value. */
  public record AccountOverrides(Optional<BigInteger> balance, OptionalLong nonce, Optional<Bytes> code,
      Optional<Map<UInt256, UInt256>> state, Map<UInt256, UInt256> stateDiff) {}

  private final BaseState base;
  private final Map<Address, AccountOverrides> overrides;
  private final Map<Hash, Bytes> codes = new HashMap<>();

  public OverriddenState(BaseState base, Map<Address, AccountOverrides> overrides) {
    this.base = base;
    this.overrides = Map.copyOf(overrides);
    for (AccountOverrides o : this.overrides.values()) {
      o.code().ifPresent(c -> codes.put(Keccak.hash(c), c));
    }
  }

  @Override
  public AccountInfo account(Address address) {
    AccountInfo account = base.account(address);
    AccountOverrides o = overrides.get(address);
    if (o == null) {
      return account;
    }
    long nonce = o.nonce().orElse(account == null ? 0 : account.nonce());
    BigInteger balance = o.balance().orElse(account == null ? BigInteger.ZERO : account.balance());
    Hash codeHash = o.code().map(c -> c.isEmpty() ? AccountInfo.EMPTY_CODE_HASH : Keccak.hash(c))
        .orElse(account == null ? AccountInfo.EMPTY_CODE_HASH : account.codeHash());
    boolean hasStorage = o.state().map(s -> !s.isEmpty())
        .orElse((account != null && account.hasStorage()) || !o.stateDiff().isEmpty());
    return new AccountInfo(nonce, balance, codeHash, hasStorage);
  }

  @Override
  public UInt256 storage(Address address, UInt256 key) {
    AccountOverrides o = overrides.get(address);
    if (o != null) {
      if (o.state().isPresent()) {
        return o.state().get().getOrDefault(key, UInt256.ZERO);
      }
      UInt256 diff = o.stateDiff().get(key);
      if (diff != null) {
        return diff;
      }
    }
    return base.storage(address, key);
  }

  @Override
  public Bytes code(Hash codeHash) {
    Bytes overridden = codes.get(codeHash);
    return overridden != null ? overridden : base.code(codeHash);
  }
}
