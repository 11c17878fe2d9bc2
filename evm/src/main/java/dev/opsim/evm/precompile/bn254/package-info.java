/**
 * The alt_bn128 (BN254) precompiles of EIP-196 and EIP-197 with EIP-1108 gas. {@link
 * dev.opsim.evm.precompile.bn254.Bn254Precompiles} is the entry point and {@link
 * dev.opsim.evm.precompile.bn254.Bn254Result} its outcome; the rest is the arithmetic they need, package-private:
 * F_p in Montgomery form on four 64-bit limbs ({@code Fp}), the tower F_p² → F_p⁶ → F_p¹², G1 and the G2 twist
 * in Jacobian coordinates with the G2 subgroup check, and the optimal ate pairing ({@code Pairing}). No BigInteger
 * on any per-call path; it only derives constants at class initialisation.
 */
package dev.opsim.evm.precompile.bn254;
