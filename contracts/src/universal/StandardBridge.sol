// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { ICrossDomainMessenger } from "./ICrossDomainMessenger.sol";
import { MessagingInitializable } from "./CrossDomainMessenger.sol";
import { IOptimismMintableERC20, ILegacyMintableERC20 } from "./IOptimismMintableERC20.sol";
import { SafeCall } from "../libraries/SafeCall.sol";

/// @notice The ERC-20 calls the bridge makes on native (escrowed) tokens.
interface IBridgedERC20 {
    function transfer(address _to, uint256 _amount) external returns (bool);
    function transferFrom(address _from, address _to, uint256 _amount) external returns (bool);
}

/// @notice ETH and ERC-20 bridging shared by both chains (protocol-reference 9.6): native tokens are escrowed in
///         `deposits`, OptimismMintableERC20 tokens are burnt on the way out and minted on the way in; the other
///         bridge is reached through the messengers.
abstract contract StandardBridge is MessagingInitializable {
    /// @notice Gas limit of the message sent by `receive()`.
    uint32 internal constant RECEIVE_DEFAULT_GAS_LIMIT = 200_000;

    // Layout of the OP StandardBridge: the initialiser at slot 0, legacy spacers, then deposits at slot 2.
    bytes30 private spacer_0_2_30;
    address private spacer_1_0_20;
    /// @notice Escrowed amount of a native local token bridged to a remote token.
    mapping(address => mapping(address => uint256)) public deposits;
    ICrossDomainMessenger public messenger;
    StandardBridge public otherBridge;
    uint256[45] private __gap;

    event ETHBridgeInitiated(address indexed from, address indexed to, uint256 amount, bytes extraData);
    event ETHBridgeFinalized(address indexed from, address indexed to, uint256 amount, bytes extraData);
    event ERC20BridgeInitiated(
        address indexed localToken,
        address indexed remoteToken,
        address indexed from,
        address to,
        uint256 amount,
        bytes extraData
    );
    event ERC20BridgeFinalized(
        address indexed localToken,
        address indexed remoteToken,
        address indexed from,
        address to,
        uint256 amount,
        bytes extraData
    );

    /// @notice Bridging to the sender's own address on the other chain only makes sense for an EOA (a contract's
    ///         address is not its own there).
    modifier onlyEOA() {
        require(msg.sender.code.length == 0, "StandardBridge: function can only be called from an EOA");
        _;
    }

    modifier onlyOtherBridge() {
        require(
            msg.sender == address(messenger) && messenger.xDomainMessageSender() == address(otherBridge),
            "StandardBridge: function can only be called from the other bridge"
        );
        _;
    }

    function __StandardBridge_init(ICrossDomainMessenger _messenger, StandardBridge _otherBridge)
        internal
        onlyInitializing
    {
        messenger = _messenger;
        otherBridge = _otherBridge;
    }

    receive() external payable virtual;

    /// @notice Legacy getter of `messenger`.
    function MESSENGER() external view returns (ICrossDomainMessenger) {
        return messenger;
    }

    /// @notice Legacy getter of `otherBridge`.
    function OTHER_BRIDGE() external view returns (StandardBridge) {
        return otherBridge;
    }

    /// @notice Whether finalisations are refused; only the L1 bridge can be paused.
    function paused() public view virtual returns (bool) {
        return false;
    }

    function bridgeETH(uint32 _minGasLimit, bytes calldata _extraData) public payable onlyEOA {
        _initiateBridgeETH(msg.sender, msg.sender, msg.value, _minGasLimit, _extraData);
    }

    function bridgeETHTo(address _to, uint32 _minGasLimit, bytes calldata _extraData) public payable {
        _initiateBridgeETH(msg.sender, _to, msg.value, _minGasLimit, _extraData);
    }

    function bridgeERC20(
        address _localToken,
        address _remoteToken,
        uint256 _amount,
        uint32 _minGasLimit,
        bytes calldata _extraData
    ) public virtual onlyEOA {
        _initiateBridgeERC20(_localToken, _remoteToken, msg.sender, msg.sender, _amount, _minGasLimit, _extraData);
    }

    function bridgeERC20To(
        address _localToken,
        address _remoteToken,
        address _to,
        uint256 _amount,
        uint32 _minGasLimit,
        bytes calldata _extraData
    ) public virtual {
        _initiateBridgeERC20(_localToken, _remoteToken, msg.sender, _to, _amount, _minGasLimit, _extraData);
    }

    /// @notice Pays out ETH bridged from the other chain; the messenger delivers the ETH with the call.
    function finalizeBridgeETH(address _from, address _to, uint256 _amount, bytes calldata _extraData)
        public
        payable
        onlyOtherBridge
    {
        require(paused() == false, "StandardBridge: paused");
        require(msg.value == _amount, "StandardBridge: amount sent does not match amount required");
        require(_to != address(this), "StandardBridge: cannot send to self");
        require(_to != address(messenger), "StandardBridge: cannot send to messenger");
        _emitETHBridgeFinalized(_from, _to, _amount, _extraData);
        bool success = SafeCall.call(_to, gasleft(), _amount, hex"");
        require(success, "StandardBridge: ETH transfer failed");
    }

    /// @notice Mints (mintable local token) or releases from escrow (native local token) tokens bridged from the
    ///         other chain.
    function finalizeBridgeERC20(
        address _localToken,
        address _remoteToken,
        address _from,
        address _to,
        uint256 _amount,
        bytes calldata _extraData
    ) public onlyOtherBridge {
        require(paused() == false, "StandardBridge: paused");
        if (_isOptimismMintableERC20(_localToken)) {
            require(
                _isCorrectTokenPair(_localToken, _remoteToken),
                "StandardBridge: wrong remote token for Optimism Mintable ERC20 local token"
            );
            IOptimismMintableERC20(_localToken).mint(_to, _amount);
        } else {
            deposits[_localToken][_remoteToken] = deposits[_localToken][_remoteToken] - _amount;
            _callToken(_localToken, abi.encodeCall(IBridgedERC20.transfer, (_to, _amount)));
        }
        _emitERC20BridgeFinalized(_localToken, _remoteToken, _from, _to, _amount, _extraData);
    }

    function _initiateBridgeETH(
        address _from,
        address _to,
        uint256 _amount,
        uint32 _minGasLimit,
        bytes memory _extraData
    ) internal {
        require(msg.value == _amount, "StandardBridge: bridging ETH must include sufficient ETH value");
        _emitETHBridgeInitiated(_from, _to, _amount, _extraData);
        messenger.sendMessage{ value: _amount }(
            address(otherBridge),
            abi.encodeWithSelector(this.finalizeBridgeETH.selector, _from, _to, _amount, _extraData),
            _minGasLimit
        );
    }

    function _initiateBridgeERC20(
        address _localToken,
        address _remoteToken,
        address _from,
        address _to,
        uint256 _amount,
        uint32 _minGasLimit,
        bytes memory _extraData
    ) internal {
        require(msg.value == 0, "StandardBridge: cannot send value");
        if (_isOptimismMintableERC20(_localToken)) {
            require(
                _isCorrectTokenPair(_localToken, _remoteToken),
                "StandardBridge: wrong remote token for Optimism Mintable ERC20 local token"
            );
            IOptimismMintableERC20(_localToken).burn(_from, _amount);
        } else {
            _callToken(_localToken, abi.encodeCall(IBridgedERC20.transferFrom, (_from, address(this), _amount)));
            deposits[_localToken][_remoteToken] = deposits[_localToken][_remoteToken] + _amount;
        }
        _emitERC20BridgeInitiated(_localToken, _remoteToken, _from, _to, _amount, _extraData);
        // The token order is swapped: the receiving bridge sees its own token first.
        messenger.sendMessage(
            address(otherBridge),
            abi.encodeWithSelector(
                this.finalizeBridgeERC20.selector, _remoteToken, _localToken, _from, _to, _amount, _extraData
            ),
            _minGasLimit
        );
    }

    /// @notice ERC-165 detection as OpenZeppelin's ERC165Checker does it: the token must answer true for
    ///         IERC165 and false for 0xffffffff before its answer for the interface counts.
    function _isOptimismMintableERC20(address _token) internal view returns (bool) {
        return _supportsInterface(_token, type(ILegacyMintableERC20).interfaceId)
            || _supportsInterface(_token, type(IOptimismMintableERC20).interfaceId);
    }

    function _isCorrectTokenPair(address _mintableToken, address _otherToken) internal view returns (bool) {
        if (_supportsInterface(_mintableToken, type(ILegacyMintableERC20).interfaceId)) {
            return _otherToken == ILegacyMintableERC20(_mintableToken).l1Token();
        }
        return _otherToken == IOptimismMintableERC20(_mintableToken).remoteToken();
    }

    function _supportsInterface(address _token, bytes4 _interfaceId) private view returns (bool) {
        return _answersTrue(_token, 0x01ffc9a7) && !_answersTrue(_token, 0xffffffff)
            && _answersTrue(_token, _interfaceId);
    }

    function _answersTrue(address _token, bytes4 _interfaceId) private view returns (bool) {
        (bool ok, bytes memory result) =
            _token.staticcall{ gas: 30_000 }(abi.encodeWithSelector(0x01ffc9a7, _interfaceId));
        return ok && result.length >= 32 && abi.decode(result, (uint256)) != 0;
    }

    /// @notice SafeERC20-style call: the token must have code, not revert, and return nothing or true.
    function _callToken(address _token, bytes memory _data) private {
        require(_token.code.length > 0, "Address: call to non-contract");
        (bool ok, bytes memory result) = _token.call(_data);
        require(ok, "SafeERC20: low-level call failed");
        require(result.length == 0 || abi.decode(result, (bool)), "SafeERC20: ERC20 operation did not succeed");
    }

    function _emitETHBridgeInitiated(address _from, address _to, uint256 _amount, bytes memory _extraData)
        internal
        virtual
    {
        emit ETHBridgeInitiated(_from, _to, _amount, _extraData);
    }

    function _emitETHBridgeFinalized(address _from, address _to, uint256 _amount, bytes memory _extraData)
        internal
        virtual
    {
        emit ETHBridgeFinalized(_from, _to, _amount, _extraData);
    }

    function _emitERC20BridgeInitiated(
        address _localToken,
        address _remoteToken,
        address _from,
        address _to,
        uint256 _amount,
        bytes memory _extraData
    ) internal virtual {
        emit ERC20BridgeInitiated(_localToken, _remoteToken, _from, _to, _amount, _extraData);
    }

    function _emitERC20BridgeFinalized(
        address _localToken,
        address _remoteToken,
        address _from,
        address _to,
        uint256 _amount,
        bytes memory _extraData
    ) internal virtual {
        emit ERC20BridgeFinalized(_localToken, _remoteToken, _from, _to, _amount, _extraData);
    }
}
