// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Single-owner access control with the ABI, events, revert strings and storage of the OpenZeppelin v4
///         `Ownable` the OP Stack contracts inherit: the owner sits in slot 0, so a genesis builder can set it
///         directly in storage.
abstract contract Ownable {
    address private _owner;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    constructor() {
        _transferOwnership(msg.sender);
    }

    modifier onlyOwner() {
        require(_owner == msg.sender, "Ownable: caller is not the owner");
        _;
    }

    function owner() public view virtual returns (address) {
        return _owner;
    }

    /// @notice Gives up ownership for good: every onlyOwner function becomes uncallable.
    function renounceOwnership() public virtual onlyOwner {
        _transferOwnership(address(0));
    }

    function transferOwnership(address newOwner) public virtual onlyOwner {
        require(newOwner != address(0), "Ownable: new owner is the zero address");
        _transferOwnership(newOwner);
    }

    function _transferOwnership(address newOwner) internal virtual {
        address previous = _owner;
        _owner = newOwner;
        emit OwnershipTransferred(previous, newOwner);
    }
}
