/**
 * opsim's compiled Solidity: the committed artifacts as class-path resources ({@link dev.opsim.contracts.Artifacts})
 * and, in {@code dev.opsim.contracts.generated}, web3j wrappers generated from their ABIs at build time.
 */
package dev.opsim.contracts;
