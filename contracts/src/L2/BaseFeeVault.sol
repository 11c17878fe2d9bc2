// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { FeeVault } from "./FeeVault.sol";

/// @notice The vault of the L2 base fees (not burned on L2) (predeploy Predeploys.BASE_FEE_VAULT, protocol-reference 7.6).
contract BaseFeeVault is FeeVault {
    string public constant version = "1.5.0-opsim";

    constructor(address _recipient, uint256 _minWithdrawalAmount, WithdrawalNetwork _withdrawalNetwork)
        FeeVault(_recipient, _minWithdrawalAmount, _withdrawalNetwork)
    { }
}
