/**
 * OP Stack transaction rules over the EVM: deposited transactions ({@link dev.opsim.evm.op.DepositProcessor},
 * protocol-reference 2.4) and the L1 fee parameters held by the L1Block predeploy
 * ({@link dev.opsim.evm.op.L1BlockStorage}, protocol-reference 4.7, 7.2). Normal L2 transactions go through
 * {@link dev.opsim.evm.tx.TransactionProcessor} with {@link dev.opsim.evm.tx.FeeRules#optimism}.
 */
package dev.opsim.evm.op;
