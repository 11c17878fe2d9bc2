// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { CrossDomainMessenger } from "../universal/CrossDomainMessenger.sol";
import { AddressAliasHelper } from "../libraries/AddressAliasHelper.sol";
import { Predeploys } from "../libraries/Predeploys.sol";

/// @notice What the L2 messenger uses of the L2ToL1MessagePasser predeploy (protocol-reference 8.1).
interface IMessengerMessagePasser {
    function initiateWithdrawal(address _target, uint256 _gasLimit, bytes memory _data) external payable;
}

/// @notice The L2 side of the messengers, predeploy 0x4200…0007 (protocol-reference 9.3, 9.5): sends through
///         withdrawals, relays deposits sent by the aliased L1CrossDomainMessenger.
contract L2CrossDomainMessenger is CrossDomainMessenger {
    string public constant version = "2.1.1";

    constructor() {
        initialize(CrossDomainMessenger(address(0)));
    }

    /// @notice Sets the L1 messenger (run on the predeploy's proxy).
    function initialize(CrossDomainMessenger _l1CrossDomainMessenger) public initializer {
        __CrossDomainMessenger_init(_l1CrossDomainMessenger);
    }

    /// @notice Legacy getter of `otherMessenger`.
    function l1CrossDomainMessenger() public view returns (CrossDomainMessenger) {
        return otherMessenger;
    }

    function _sendMessage(address _to, uint64 _gasLimit, uint256 _value, bytes memory _data) internal override {
        IMessengerMessagePasser(Predeploys.L2_TO_L1_MESSAGE_PASSER).initiateWithdrawal{ value: _value }(
            _to, _gasLimit, _data
        );
    }

    /// @notice Deposits from a contract arrive from its alias (protocol-reference 1.2).
    function _isOtherMessenger() internal view override returns (bool) {
        return AddressAliasHelper.undoL1ToL2Alias(msg.sender) == address(otherMessenger);
    }

    function _isUnsafeTarget(address _target) internal view override returns (bool) {
        return _target == address(this) || _target == Predeploys.L2_TO_L1_MESSAGE_PASSER;
    }
}
