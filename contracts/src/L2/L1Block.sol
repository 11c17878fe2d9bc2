// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import { Constants } from "../libraries/Constants.sol";

/// @notice The L1 attributes predeploy (0x4200…0015): the latest L1 origin as the L1 info deposit, the first
///         transaction of every L2 block, sets it (protocol-reference 4). Only the depositor account can write.
///         The storage layout is the OP Stack L1Block's, slot for slot (protocol-reference 4.7): the execution
///         engine reads slots 1, 3, 5, 6 and 7 directly to price the L1 data fee (7.2).
contract L1Block {
    /// @notice A setter was called by someone other than the depositor account.
    error NotDepositor();

    // slot 0
    uint64 public number;
    uint64 public timestamp;
    // slot 1
    uint256 public basefee;
    // slot 2
    bytes32 public hash;
    // slot 3: sequenceNumber @0, blobBaseFeeScalar @8, baseFeeScalar @12 (bytes from the low end)
    uint64 public sequenceNumber;
    uint32 public blobBaseFeeScalar;
    uint32 public baseFeeScalar;
    // slot 4
    bytes32 public batcherHash;
    // slot 5, pre-Ecotone only
    uint256 public l1FeeOverhead;
    // slot 6, pre-Ecotone only
    uint256 public l1FeeScalar;
    // slot 7
    uint256 public blobBaseFee;

    string public constant version = "1.5.1-opsim";

    function DEPOSITOR_ACCOUNT() public pure returns (address) {
        return Constants.DEPOSITOR_ACCOUNT;
    }

    /// @notice Bedrock to Delta L1 info call (ABI-encoded, protocol-reference 4.2). Leaves the Ecotone fields as
    ///         they are.
    function setL1BlockValues(
        uint64 _number,
        uint64 _timestamp,
        uint256 _basefee,
        bytes32 _hash,
        uint64 _sequenceNumber,
        bytes32 _batcherHash,
        uint256 _l1FeeOverhead,
        uint256 _l1FeeScalar
    ) external {
        require(msg.sender == Constants.DEPOSITOR_ACCOUNT, "L1Block: only the depositor account can set L1 block values");
        number = _number;
        timestamp = _timestamp;
        basefee = _basefee;
        hash = _hash;
        sequenceNumber = _sequenceNumber;
        batcherHash = _batcherHash;
        l1FeeOverhead = _l1FeeOverhead;
        l1FeeScalar = _l1FeeScalar;
    }

    /// @notice Ecotone L1 info call: no ABI arguments, the values are packed big-endian in the calldata after the
    ///         selector (protocol-reference 4.3), by byte offset: baseFeeScalar u32 at 4, blobBaseFeeScalar u32 at
    ///         8, sequenceNumber u64 at 12, timestamp u64 at 20, number u64 at 28, basefee at 36, blobBaseFee at
    ///         68, hash at 100, batcherHash at 132. Overhead and scalar (slots 5, 6) are left untouched.
    function setL1BlockValuesEcotone() external {
        if (msg.sender != Constants.DEPOSITOR_ACCOUNT) {
            revert NotDepositor();
        }
        assembly {
            // Bytes 4..19 read as one 16-byte big-endian number are baseFeeScalar ++ blobBaseFeeScalar ++
            // sequenceNumber, which is exactly slot 3's packing (sequenceNumber lowest).
            sstore(sequenceNumber.slot, shr(128, calldataload(4)))
            // Bytes 20..35 are timestamp ++ number: slot 0's packing (number lowest).
            sstore(number.slot, shr(128, calldataload(20)))
            sstore(basefee.slot, calldataload(36))
            sstore(blobBaseFee.slot, calldataload(68))
            sstore(hash.slot, calldataload(100))
            sstore(batcherHash.slot, calldataload(132))
        }
    }
}
