// Hardhat 2.29.1 in-process network used only as a host for its Rust EVM (EDR) by run-peers.mjs.
// Cancun, not the default Osaka: EIP-7825 caps a transaction at 2^24 gas, the cases use up to 1e9.
module.exports = {
  networks: {
    hardhat: {
      hardfork: 'cancun',
      chainId: 1,
      blockGasLimit: 1_000_000_000,
      gas: 1_000_000_000,
      initialBaseFeePerGas: 1,
      allowUnlimitedContractSize: false,
      loggingEnabled: false,
    },
  },
};
