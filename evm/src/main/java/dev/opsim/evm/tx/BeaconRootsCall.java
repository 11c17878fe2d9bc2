package dev.opsim.evm.tx;

import dev.opsim.evm.BlockEnv;
import dev.opsim.evm.CodeCache;
import dev.opsim.evm.Evm;
import dev.opsim.evm.EvmSpec;
import dev.opsim.evm.ExecutionResult;
import dev.opsim.evm.PrecompileRegistry;
import dev.opsim.evm.Tracer;
import dev.opsim.evm.state.JournaledState;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.List;

/**
 * The EIP-4788 system call at the start of a block (Cancun; on OP from Ecotone): SYSTEM_ADDRESS calls the beacon
 * roots contract with the parent beacon block root as the 32-byte input, 30,000,000 gas, value 0, gas price 0.
 * Following go-ethereum {@code core/state_processor.go ProcessBeaconBlockRoot}: no gas is counted against the
 * block, only the contract address is pre-warmed, the call's outcome is ignored, and the state is finalised like
 * after a transaction (EIP-161 clean-up), so SYSTEM_ADDRESS is never left in the state: its nonce and balance are
 * not changed, and geth's zero-value transfer touches it, so an empty account there would be removed. A call to an
 * address without code does nothing (geth calls unconditionally; a missing contract is then a no-op).
 */
public final class BeaconRootsCall {
  /** EIP-4788 BEACON_ROOTS_ADDRESS. */
  public static final Address BEACON_ROOTS_ADDRESS = Address.fromHex("0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02");
  /** EIP-4788 SYSTEM_ADDRESS. */
  public static final Address SYSTEM_ADDRESS = Address.fromHex("0xfffffffffffffffffffffffffffffffffffffffe");
  /** EIP-4788 system call gas. */
  public static final long GAS = 30_000_000L;

  private final EvmSpec spec;
  private final PrecompileRegistry precompiles;
  private final CodeCache codeCache;

  public BeaconRootsCall(EvmSpec spec, PrecompileRegistry precompiles, CodeCache codeCache) {
    this.spec = spec;
    this.precompiles = precompiles;
    this.codeCache = codeCache;
  }

  public ExecutionResult apply(JournaledState state, BlockEnv block, Hash parentBeaconBlockRoot) {
    return apply(state, block, parentBeaconBlockRoot, null);
  }

  /**
   * Runs the system call on {@code state} before the block's first transaction and finishes it as a transaction
   * of its own. Returns the call's outcome (informational; a failure does not invalidate the block).
   */
  public ExecutionResult apply(JournaledState state, BlockEnv block, Hash parentBeaconBlockRoot, Tracer tracer) {
    state.beginTransaction();
    state.warm(BEACON_ROOTS_ADDRESS);
    // geth's Transfer does SubBalance(SYSTEM_ADDRESS, 0), which touches it (EIP-161); our Evm touches only the
    // callee on a zero-value call. Reading it first loads it, so the end-of-transaction clean-up sees it.
    if (state.isEmpty(SYSTEM_ADDRESS)) {
      state.touch(SYSTEM_ADDRESS);
    }
    Evm evm = new Evm(spec, precompiles, codeCache, tracer, state, block, SYSTEM_ADDRESS, BigInteger.ZERO, List.of());
    ExecutionResult result = evm.call(SYSTEM_ADDRESS, BEACON_ROOTS_ADDRESS, BigInteger.ZERO,
        parentBeaconBlockRoot.bytes(), GAS);
    state.finishTransaction();
    return result;
  }
}
