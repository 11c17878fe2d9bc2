// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { IOptimismMintableERC20, ILegacyMintableERC20 } from "./IOptimismMintableERC20.sol";

/// @notice An ERC-20 standing for a token of the other chain: only its bridge mints (on deposits) and burns
///         (on withdrawals). Created by OptimismMintableERC20Factory (protocol-reference 9.6).
contract OptimismMintableERC20 is IOptimismMintableERC20, ILegacyMintableERC20 {
    /// @notice The token on the other chain this one stands for.
    address public immutable REMOTE_TOKEN;
    /// @notice The only address allowed to mint and burn.
    address public immutable BRIDGE;
    uint8 private immutable DECIMALS;

    string public name;
    string public symbol;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event Mint(address indexed account, uint256 amount);
    event Burn(address indexed account, uint256 amount);

    modifier onlyBridge() {
        require(msg.sender == BRIDGE, "OptimismMintableERC20: only bridge can mint and burn");
        _;
    }

    constructor(address _bridge, address _remoteToken, string memory _name, string memory _symbol, uint8 _decimals) {
        REMOTE_TOKEN = _remoteToken;
        BRIDGE = _bridge;
        DECIMALS = _decimals;
        name = _name;
        symbol = _symbol;
    }

    function decimals() public view returns (uint8) {
        return DECIMALS;
    }

    function remoteToken() public view returns (address) {
        return REMOTE_TOKEN;
    }

    function bridge() public view returns (address) {
        return BRIDGE;
    }

    /// @notice Legacy name of `remoteToken`.
    function l1Token() public view returns (address) {
        return REMOTE_TOKEN;
    }

    /// @notice Legacy name of `bridge`.
    function l2Bridge() public view returns (address) {
        return BRIDGE;
    }

    function mint(address _to, uint256 _amount)
        external
        override(IOptimismMintableERC20, ILegacyMintableERC20)
        onlyBridge
    {
        require(_to != address(0), "ERC20: mint to the zero address");
        totalSupply += _amount;
        unchecked {
            balanceOf[_to] += _amount;
        }
        emit Transfer(address(0), _to, _amount);
        emit Mint(_to, _amount);
    }

    function burn(address _from, uint256 _amount)
        external
        override(IOptimismMintableERC20, ILegacyMintableERC20)
        onlyBridge
    {
        uint256 balance = balanceOf[_from];
        require(balance >= _amount, "ERC20: burn amount exceeds balance");
        unchecked {
            balanceOf[_from] = balance - _amount;
            totalSupply -= _amount;
        }
        emit Transfer(_from, address(0), _amount);
        emit Burn(_from, _amount);
    }

    function transfer(address _to, uint256 _amount) external returns (bool) {
        _transfer(msg.sender, _to, _amount);
        return true;
    }

    function approve(address _spender, uint256 _amount) external returns (bool) {
        allowance[msg.sender][_spender] = _amount;
        emit Approval(msg.sender, _spender, _amount);
        return true;
    }

    function transferFrom(address _from, address _to, uint256 _amount) external returns (bool) {
        uint256 allowed = allowance[_from][msg.sender];
        if (allowed != type(uint256).max) {
            require(allowed >= _amount, "ERC20: insufficient allowance");
            unchecked {
                allowance[_from][msg.sender] = allowed - _amount;
            }
        }
        _transfer(_from, _to, _amount);
        return true;
    }

    /// @notice ERC-165: IERC165, ILegacyMintableERC20 and IOptimismMintableERC20.
    function supportsInterface(bytes4 _interfaceId) external pure returns (bool) {
        return _interfaceId == 0x01ffc9a7 || _interfaceId == type(ILegacyMintableERC20).interfaceId
            || _interfaceId == type(IOptimismMintableERC20).interfaceId;
    }

    function _transfer(address _from, address _to, uint256 _amount) private {
        require(_to != address(0), "ERC20: transfer to the zero address");
        uint256 balance = balanceOf[_from];
        require(balance >= _amount, "ERC20: transfer amount exceeds balance");
        unchecked {
            balanceOf[_from] = balance - _amount;
            balanceOf[_to] += _amount;
        }
        emit Transfer(_from, _to, _amount);
    }
}
