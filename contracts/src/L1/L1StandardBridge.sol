// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { StandardBridge } from "../universal/StandardBridge.sol";
import { ICrossDomainMessenger } from "../universal/ICrossDomainMessenger.sol";
import { Predeploys } from "../libraries/Predeploys.sol";

/// @notice The pause switch the L1 bridge reads (SuperchainConfig, or the L1 messenger's own `paused()`).
interface IBridgePauseSource {
    function paused() external view returns (bool);
}

/// @notice The L1 standard bridge (protocol-reference 9.6): deposits ETH and ERC-20 tokens to L2 and pays out
///         finalized withdrawals, with the legacy deposit/withdrawal API and events beside the generic ones.
contract L1StandardBridge is StandardBridge {
    string public constant version = "2.2.1";

    /// @notice Where the pause is read from (the messenger's `paused()` when unset).
    IBridgePauseSource public superchainConfig;
    /// @notice Recorded for tools that read it (no custom gas token here).
    address public systemConfig;

    event ETHDepositInitiated(address indexed from, address indexed to, uint256 amount, bytes extraData);
    event ETHWithdrawalFinalized(address indexed from, address indexed to, uint256 amount, bytes extraData);
    event ERC20DepositInitiated(
        address indexed l1Token,
        address indexed l2Token,
        address indexed from,
        address to,
        uint256 amount,
        bytes extraData
    );
    event ERC20WithdrawalFinalized(
        address indexed l1Token,
        address indexed l2Token,
        address indexed from,
        address to,
        uint256 amount,
        bytes extraData
    );

    constructor() {
        initialize(ICrossDomainMessenger(address(0)), IBridgePauseSource(address(0)), address(0));
    }

    /// @notice OP's `initialize(ICrossDomainMessenger, ISuperchainConfig, ISystemConfig)`.
    function initialize(ICrossDomainMessenger _messenger, IBridgePauseSource _superchainConfig, address _systemConfig)
        public
        initializer
    {
        superchainConfig = _superchainConfig;
        systemConfig = _systemConfig;
        __StandardBridge_init(_messenger, StandardBridge(payable(Predeploys.L2_STANDARD_BRIDGE)));
    }

    /// @notice Withdrawals are not paid out while the SuperchainConfig (or, without one, the messenger) is paused.
    function paused() public view override returns (bool) {
        if (address(superchainConfig) != address(0)) {
            return superchainConfig.paused();
        }
        return IBridgePauseSource(address(messenger)).paused();
    }

    /// @notice Plain ETH sent here is deposited to the sender's address on L2.
    receive() external payable override onlyEOA {
        _initiateBridgeETH(msg.sender, msg.sender, msg.value, RECEIVE_DEFAULT_GAS_LIMIT, bytes(""));
    }

    function depositETH(uint32 _minGasLimit, bytes calldata _extraData) external payable onlyEOA {
        _initiateBridgeETH(msg.sender, msg.sender, msg.value, _minGasLimit, _extraData);
    }

    function depositETHTo(address _to, uint32 _minGasLimit, bytes calldata _extraData) external payable {
        _initiateBridgeETH(msg.sender, _to, msg.value, _minGasLimit, _extraData);
    }

    function depositERC20(
        address _l1Token,
        address _l2Token,
        uint256 _amount,
        uint32 _minGasLimit,
        bytes calldata _extraData
    ) external virtual onlyEOA {
        _initiateBridgeERC20(_l1Token, _l2Token, msg.sender, msg.sender, _amount, _minGasLimit, _extraData);
    }

    function depositERC20To(
        address _l1Token,
        address _l2Token,
        address _to,
        uint256 _amount,
        uint32 _minGasLimit,
        bytes calldata _extraData
    ) external virtual {
        _initiateBridgeERC20(_l1Token, _l2Token, msg.sender, _to, _amount, _minGasLimit, _extraData);
    }

    /// @notice Legacy name of `finalizeBridgeETH`.
    function finalizeETHWithdrawal(address _from, address _to, uint256 _amount, bytes calldata _extraData)
        external
        payable
    {
        finalizeBridgeETH(_from, _to, _amount, _extraData);
    }

    /// @notice Legacy name of `finalizeBridgeERC20`.
    function finalizeERC20Withdrawal(
        address _l1Token,
        address _l2Token,
        address _from,
        address _to,
        uint256 _amount,
        bytes calldata _extraData
    ) external {
        finalizeBridgeERC20(_l1Token, _l2Token, _from, _to, _amount, _extraData);
    }

    /// @notice Legacy getter of `otherBridge`.
    function l2TokenBridge() external view returns (address) {
        return address(otherBridge);
    }

    function _emitETHBridgeInitiated(address _from, address _to, uint256 _amount, bytes memory _extraData)
        internal
        override
    {
        emit ETHDepositInitiated(_from, _to, _amount, _extraData);
        super._emitETHBridgeInitiated(_from, _to, _amount, _extraData);
    }

    function _emitETHBridgeFinalized(address _from, address _to, uint256 _amount, bytes memory _extraData)
        internal
        override
    {
        emit ETHWithdrawalFinalized(_from, _to, _amount, _extraData);
        super._emitETHBridgeFinalized(_from, _to, _amount, _extraData);
    }

    function _emitERC20BridgeInitiated(
        address _localToken,
        address _remoteToken,
        address _from,
        address _to,
        uint256 _amount,
        bytes memory _extraData
    ) internal override {
        emit ERC20DepositInitiated(_localToken, _remoteToken, _from, _to, _amount, _extraData);
        super._emitERC20BridgeInitiated(_localToken, _remoteToken, _from, _to, _amount, _extraData);
    }

    function _emitERC20BridgeFinalized(
        address _localToken,
        address _remoteToken,
        address _from,
        address _to,
        uint256 _amount,
        bytes memory _extraData
    ) internal override {
        emit ERC20WithdrawalFinalized(_localToken, _remoteToken, _from, _to, _amount, _extraData);
        super._emitERC20BridgeFinalized(_localToken, _remoteToken, _from, _to, _amount, _extraData);
    }
}
