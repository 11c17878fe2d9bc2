// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Test stand-in for the OptimismPortal on the L1 side of the messaging tests: records deposits as an
///         event instead of emitting TransactionDeposited, and finalizes a withdrawal by calling its target with
///         `l2Sender` set, as the real portal does after a proof (protocol-reference 8.4).
contract MessagingTestPortal {
    address public l2Sender = 0x000000000000000000000000000000000000dEaD;
    bool public paused;

    event DepositRecorded(address indexed from, address indexed to, uint256 mint, uint256 value, uint64 gasLimit,
        bool isCreation, bytes data);

    function setPaused(bool _paused) external {
        paused = _paused;
    }

    function depositTransaction(address _to, uint256 _value, uint64 _gasLimit, bool _isCreation, bytes memory _data)
        external
        payable
    {
        emit DepositRecorded(msg.sender, _to, msg.value, _value, _gasLimit, _isCreation, _data);
    }

    function finalizeWithdrawal(address _sender, address _target, uint256 _value, uint256 _gasLimit, bytes memory _data)
        external
        returns (bool success)
    {
        l2Sender = _sender;
        (success,) = _target.call{ value: _value, gas: _gasLimit }(_data);
        l2Sender = 0x000000000000000000000000000000000000dEaD;
    }

    receive() external payable { }
}

/// @notice Test stand-in for the L2ToL1MessagePasser predeploy (placed at 0x4200…0016 by the tests).
contract MessagingTestMessagePasser {
    /// @notice Withdrawals recorded (also gives the artifact a storage layout).
    uint256 public recorded;

    event WithdrawalRecorded(address indexed sender, address indexed target, uint256 value, uint256 gasLimit,
        bytes data);

    function initiateWithdrawal(address _target, uint256 _gasLimit, bytes memory _data) external payable {
        recorded += 1;
        emit WithdrawalRecorded(msg.sender, _target, msg.value, _gasLimit, _data);
    }
}

/// @notice A message target that records what the messenger shows it, can be told to fail, and can re-enter.
contract MessagingTestRecipient {
    address public messenger;
    address public lastSender;
    uint256 public lastValue;
    bytes32 public lastPayload;
    uint256 public calls;
    bool public failing;
    bytes public reentry;
    bool public reentrySucceeded;

    constructor(address _messenger) {
        messenger = _messenger;
    }

    function setFailing(bool _failing) external {
        failing = _failing;
    }

    function setReentry(bytes calldata _reentry) external {
        reentry = _reentry;
    }

    function receiveMessage(bytes32 _payload) external payable {
        require(!failing, "recipient: failing on purpose");
        (bool ok, bytes memory sender) = messenger.staticcall(abi.encodeWithSignature("xDomainMessageSender()"));
        require(ok, "recipient: no cross-domain sender");
        lastSender = abi.decode(sender, (address));
        lastValue = msg.value;
        lastPayload = _payload;
        calls += 1;
        if (reentry.length > 0) {
            (reentrySucceeded,) = messenger.call(reentry);
        }
    }

    /// @notice Burns gas until little is left, so that a relay with too small a gas limit fails.
    function burnGas(uint256 _iterations) external {
        uint256 x;
        for (uint256 i = 0; i < _iterations; i++) {
            x = uint256(keccak256(abi.encode(x, i)));
        }
        lastPayload = bytes32(x);
        calls += 1;
    }
}

/// @notice A contract caller (bridges refuse some calls from contracts).
contract MessagingTestCaller {
    /// @notice Calls forwarded (also gives the artifact a storage layout).
    uint256 public forwards;

    function forward(address _target, bytes calldata _data) external payable returns (bytes memory) {
        forwards += 1;
        (bool ok, bytes memory result) = _target.call{ value: msg.value }(_data);
        if (!ok) {
            assembly {
                revert(add(result, 32), mload(result))
            }
        }
        return result;
    }
}

/// @notice A plain L1-native ERC-20 with a free faucet.
contract MessagingTestToken {
    string public name = "Native";
    string public symbol = "NAT";
    uint8 public decimals = 18;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    function faucet(address _to, uint256 _amount) external {
        totalSupply += _amount;
        balanceOf[_to] += _amount;
        emit Transfer(address(0), _to, _amount);
    }

    function approve(address _spender, uint256 _amount) external returns (bool) {
        allowance[msg.sender][_spender] = _amount;
        emit Approval(msg.sender, _spender, _amount);
        return true;
    }

    function transfer(address _to, uint256 _amount) external returns (bool) {
        balanceOf[msg.sender] -= _amount;
        balanceOf[_to] += _amount;
        emit Transfer(msg.sender, _to, _amount);
        return true;
    }

    function transferFrom(address _from, address _to, uint256 _amount) external returns (bool) {
        allowance[_from][msg.sender] -= _amount;
        balanceOf[_from] -= _amount;
        balanceOf[_to] += _amount;
        emit Transfer(_from, _to, _amount);
        return true;
    }
}
