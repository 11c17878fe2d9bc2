// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { CrossDomainMessenger } from "../universal/CrossDomainMessenger.sol";
import { Predeploys } from "../libraries/Predeploys.sol";

/// @notice What the L1 messenger uses of the OptimismPortal (the portal itself is another contract's concern).
interface IMessengerPortal {
    function depositTransaction(address _to, uint256 _value, uint64 _gasLimit, bool _isCreation, bytes memory _data)
        external
        payable;
    function l2Sender() external view returns (address);
    function paused() external view returns (bool);
}

/// @notice The pause switch of the SuperchainConfig, as the L1 messenger reads it.
interface IMessengerPauseSource {
    function paused() external view returns (bool);
}

/// @notice The L1 side of the messengers (protocol-reference 9.3, 9.5): sends through portal deposits to the
///         L2CrossDomainMessenger predeploy, relays withdrawals the portal finalizes.
contract L1CrossDomainMessenger is CrossDomainMessenger {
    string public constant version = "2.4.1";

    /// @notice Where the pause is read from (the portal's when unset).
    IMessengerPauseSource public superchainConfig;
    IMessengerPortal public portal;
    /// @notice Recorded for tools that read it; the messenger does not call it (no custom gas token here).
    address public systemConfig;

    constructor() {
        initialize(IMessengerPauseSource(address(0)), IMessengerPortal(address(0)), address(0));
    }

    /// @notice OP's `initialize(ISuperchainConfig, IOptimismPortal, ISystemConfig)`.
    function initialize(IMessengerPauseSource _superchainConfig, IMessengerPortal _portal, address _systemConfig)
        public
        initializer
    {
        superchainConfig = _superchainConfig;
        portal = _portal;
        systemConfig = _systemConfig;
        __CrossDomainMessenger_init(CrossDomainMessenger(Predeploys.L2_CROSS_DOMAIN_MESSENGER));
    }

    /// @notice Legacy getter of `portal`.
    function PORTAL() external view returns (IMessengerPortal) {
        return portal;
    }

    /// @notice Relays are refused while the SuperchainConfig (or, without one, the portal) is paused
    ///         (protocol-reference 12.4).
    function paused() public view override returns (bool) {
        if (address(superchainConfig) != address(0)) {
            return superchainConfig.paused();
        }
        return portal.paused();
    }

    function _sendMessage(address _to, uint64 _gasLimit, uint256 _value, bytes memory _data) internal override {
        portal.depositTransaction{ value: _value }(_to, _value, _gasLimit, false, _data);
    }

    function _isOtherMessenger() internal view override returns (bool) {
        return msg.sender == address(portal) && portal.l2Sender() == address(otherMessenger);
    }

    function _isUnsafeTarget(address _target) internal view override returns (bool) {
        return _target == address(this) || _target == address(portal);
    }
}
