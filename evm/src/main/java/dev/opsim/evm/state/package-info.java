/**
 * The world state as the EVM sees it: a journaled write layer ({@link dev.opsim.evm.state.JournaledState}) over a
 * read-only base ({@link dev.opsim.evm.state.BaseState}, implemented by the engine on the trie and by
 * {@link dev.opsim.evm.state.InMemoryBaseState} for tests); changes are read out as
 * {@link dev.opsim.evm.state.AccountChange}s.
 */
package dev.opsim.evm.state;
