/**
 * The alt_bn128 (BN254) precompiles of EIP-196 and EIP-197 with EIP-1108 gas: {@link
 * dev.opsim.evm.precompile.bn254.Bn254Precompiles} is the entry point; the rest is the curve arithmetic it needs
 * (F_p in Montgomery form on four 64-bit limbs, the F_p² / F_p⁶ / F_p¹² tower, G1, the G2 twist with its subgroup
 * check, and the optimal ate pairing), kept package-private.
 */
package dev.opsim.evm.precompile.bn254;
