// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { FeeVault } from "./FeeVault.sol";

/// @notice The vault of the priority fees, the block coinbase (predeploy Predeploys.SEQUENCER_FEE_WALLET,
///         protocol-reference 7.6).
contract SequencerFeeVault is FeeVault {
    string public constant version = "1.5.0-opsim";

    constructor(address _recipient, uint256 _minWithdrawalAmount, WithdrawalNetwork _withdrawalNetwork)
        FeeVault(_recipient, _minWithdrawalAmount, _withdrawalNetwork)
    { }

    /// @notice Legacy name of RECIPIENT.
    function l1FeeWallet() public view returns (address) {
        return RECIPIENT;
    }
}
