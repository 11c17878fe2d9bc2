// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// A probe for the execution engine's tests (dev.opsim.engine.solidity.SolidityArtifactsTest): an ERC-20-like
/// token minted to the deployer, a storage-heavy fill, a stored value with an event, and the two kinds of revert.
/// Compiled by contracts/build.mjs into ../resources/solidity/ProbeToken.json; rebuild and commit after any edit.
contract ProbeToken {
    string public constant name = "Probe";
    string public constant symbol = "PRB";
    uint8 public constant decimals = 18;

    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;

    /// The last value given to store(), and every store() by key.
    uint256 public value;
    mapping(uint256 => uint256) public items;

    /// fill() writes bulk[filled], bulk[filled + 1], ...: always slots that were zero before.
    uint256 public filled;
    mapping(uint256 => uint256) public bulk;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Stored(address indexed by, uint256 indexed key, uint256 value);

    error Nope(uint256 code);
    error InsufficientBalance(uint256 available, uint256 required);

    constructor(uint256 initialSupply) {
        totalSupply = initialSupply;
        balanceOf[msg.sender] = initialSupply;
        emit Transfer(address(0), msg.sender, initialSupply);
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        uint256 available = balanceOf[msg.sender];
        if (available < amount) {
            revert InsufficientBalance(available, amount);
        }
        unchecked {
            balanceOf[msg.sender] = available - amount;
        }
        balanceOf[to] += amount;
        emit Transfer(msg.sender, to, amount);
        return true;
    }

    /// Writes n storage slots that were zero (about 22,100 gas each), plus the counter.
    function fill(uint256 n) external {
        uint256 start = filled;
        uint256 end = start + n;
        for (uint256 i = start; i < end; i++) {
            bulk[i] = i + 1;
        }
        filled = end;
    }

    function store(uint256 key, uint256 newValue) external {
        value = newValue;
        items[key] = newValue;
        emit Stored(msg.sender, key, newValue);
    }

    function fail(uint256 code) external pure {
        revert Nope(code);
    }

    function failWithReason() external pure {
        revert("probe says no");
    }
}
