// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice The L1 source of an OP chain's configuration (protocol-reference 12): the batcher, the L1 fee scalars,
///         the L2 gas limit and the unsafe block signer, each change announced by a `ConfigUpdate` event that
///         derivation reads; plus the addresses of the chain's L1 contracts and the deposit resource limits.
/// @dev    Storage follows the OP Stack's SystemConfig (OwnableUpgradeable base): slot 0 initializer state,
///         1-50 gap, 51 owner, 52-100 gap, 101 overhead, 102 scalar, 103 batcherHash, 104 gasLimit (uint64) +
///         basefeeScalar (uint32) + blobbasefeeScalar (uint32), 105-106 the resource config. The unsafe block
///         signer and the L1 addresses live at the fixed slots below (op-node reads the signer with a storage
///         proof). Proxied: the constructor locks the implementation.
contract SystemConfig {
    /// @notice Update types of the ConfigUpdate event (protocol-reference 12.1).
    enum UpdateType {
        BATCHER,
        GAS_CONFIG,
        GAS_LIMIT,
        UNSAFE_BLOCK_SIGNER
    }

    /// @notice The deposit gas market parameters (protocol-reference 12.3); the portal caps deposits with it.
    struct ResourceConfig {
        uint32 maxResourceLimit;
        uint8 elasticityMultiplier;
        uint8 baseFeeMaxChangeDenominator;
        uint32 minimumBaseFee;
        uint32 systemTxMaxGas;
        uint128 maximumBaseFee;
    }

    /// @notice The chain's L1 contracts (the proxies users call). The L2OutputOracle-era set: no dispute games.
    struct Addresses {
        address l1CrossDomainMessenger;
        address l1ERC721Bridge;
        address l1StandardBridge;
        address l2OutputOracle;
        address optimismPortal;
        address optimismMintableERC20Factory;
    }

    /// @notice ConfigUpdate version; only 0 is defined.
    uint256 public constant VERSION = 0;

    /// @notice keccak256("systemconfig.unsafeblocksigner") (no "- 1": the OP Stack's historical slot).
    bytes32 public constant UNSAFE_BLOCK_SIGNER_SLOT = keccak256("systemconfig.unsafeblocksigner");
    bytes32 public constant L1_CROSS_DOMAIN_MESSENGER_SLOT =
        bytes32(uint256(keccak256("systemconfig.l1crossdomainmessenger")) - 1);
    bytes32 public constant L1_ERC_721_BRIDGE_SLOT = bytes32(uint256(keccak256("systemconfig.l1erc721bridge")) - 1);
    bytes32 public constant L1_STANDARD_BRIDGE_SLOT = bytes32(uint256(keccak256("systemconfig.l1standardbridge")) - 1);
    bytes32 public constant L2_OUTPUT_ORACLE_SLOT = bytes32(uint256(keccak256("systemconfig.l2outputoracle")) - 1);
    bytes32 public constant OPTIMISM_PORTAL_SLOT = bytes32(uint256(keccak256("systemconfig.optimismportal")) - 1);
    bytes32 public constant OPTIMISM_MINTABLE_ERC20_FACTORY_SLOT =
        bytes32(uint256(keccak256("systemconfig.optimismmintableerc20factory")) - 1);
    bytes32 public constant BATCH_INBOX_SLOT = bytes32(uint256(keccak256("systemconfig.batchinbox")) - 1);
    bytes32 public constant START_BLOCK_SLOT = bytes32(uint256(keccak256("systemconfig.startBlock")) - 1);

    /// @notice The highest L2 gas limit the owner may set (protocol-reference 12.3).
    uint64 internal constant MAX_GAS_LIMIT = 200_000_000;

    string public constant version = "2.3.0";

    uint8 private initializedVersion;
    bool private initializing;
    uint256[50] private spacerContext;
    address private ownerAddress;
    uint256[49] private spacerOwnable;

    /// @notice Pre-Ecotone fixed L1 fee overhead; ignored by derivation from Ecotone.
    uint256 public overhead;
    /// @notice The L1 fee scalar; from Ecotone a versioned word (protocol-reference 12.2).
    uint256 public scalar;
    /// @notice The batcher as a version-0 hash: the address left-padded to 32 bytes.
    bytes32 public batcherHash;
    uint64 public gasLimit;
    uint32 public basefeeScalar;
    uint32 public blobbasefeeScalar;
    ResourceConfig internal resourceConfigValue;

    event ConfigUpdate(uint256 indexed version, UpdateType indexed updateType, bytes data);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);
    event Initialized(uint8 version);

    modifier onlyOwner() {
        require(msg.sender == ownerAddress, "Ownable: caller is not the owner");
        _;
    }

    constructor() {
        // A dead start block keeps initialize from recording one in the implementation's storage.
        _setSlot(START_BLOCK_SLOT, bytes32(type(uint256).max));
        initialize({
            _owner: address(0xdEaD),
            _basefeeScalar: 0,
            _blobbasefeeScalar: 0,
            _batcherHash: bytes32(0),
            _gasLimit: 1,
            _unsafeBlockSigner: address(0),
            _config: ResourceConfig({
                maxResourceLimit: 1,
                elasticityMultiplier: 1,
                baseFeeMaxChangeDenominator: 2,
                minimumBaseFee: 0,
                systemTxMaxGas: 0,
                maximumBaseFee: 0
            }),
            _batchInbox: address(0),
            _addresses: Addresses({
                l1CrossDomainMessenger: address(0),
                l1ERC721Bridge: address(0),
                l1StandardBridge: address(0),
                l2OutputOracle: address(0),
                optimismPortal: address(0),
                optimismMintableERC20Factory: address(0)
            })
        });
    }

    /// @notice Sets everything, emitting BATCHER, GAS_CONFIG, GAS_LIMIT and UNSAFE_BLOCK_SIGNER updates in that
    ///         order. The fee scalars are given in the Ecotone form; `scalar` becomes the version-1 word. Records
    ///         the current L1 block as `startBlock` unless one is already stored. Once per storage.
    function initialize(
        address _owner,
        uint32 _basefeeScalar,
        uint32 _blobbasefeeScalar,
        bytes32 _batcherHash,
        uint64 _gasLimit,
        address _unsafeBlockSigner,
        ResourceConfig memory _config,
        address _batchInbox,
        Addresses memory _addresses
    ) public {
        require(initializedVersion == 0 && !initializing, "Initializable: contract is already initialized");
        initializedVersion = 1;
        _transferOwnership(_owner);

        // Resource config first: the gas limit's lower bound depends on it.
        _setResourceConfig(_config, _gasLimit);
        _setBatcherHash(_batcherHash);
        _setGasConfigEcotone(_basefeeScalar, _blobbasefeeScalar);
        _setGasLimit(_gasLimit);
        _setUnsafeBlockSigner(_unsafeBlockSigner);

        _setSlot(BATCH_INBOX_SLOT, _word(_batchInbox));
        _setSlot(L1_CROSS_DOMAIN_MESSENGER_SLOT, _word(_addresses.l1CrossDomainMessenger));
        _setSlot(L1_ERC_721_BRIDGE_SLOT, _word(_addresses.l1ERC721Bridge));
        _setSlot(L1_STANDARD_BRIDGE_SLOT, _word(_addresses.l1StandardBridge));
        _setSlot(L2_OUTPUT_ORACLE_SLOT, _word(_addresses.l2OutputOracle));
        _setSlot(OPTIMISM_PORTAL_SLOT, _word(_addresses.optimismPortal));
        _setSlot(OPTIMISM_MINTABLE_ERC20_FACTORY_SLOT, _word(_addresses.optimismMintableERC20Factory));
        if (_getSlot(START_BLOCK_SLOT) == bytes32(0)) {
            _setSlot(START_BLOCK_SLOT, bytes32(block.number));
        }
        emit Initialized(1);
    }

    // ---- ownership (Ownable-like) ----

    function owner() public view returns (address) {
        return ownerAddress;
    }

    function transferOwnership(address _newOwner) external onlyOwner {
        require(_newOwner != address(0), "Ownable: new owner is the zero address");
        _transferOwnership(_newOwner);
    }

    function renounceOwnership() external onlyOwner {
        _transferOwnership(address(0));
    }

    function _transferOwnership(address _newOwner) private {
        address previous = ownerAddress;
        ownerAddress = _newOwner;
        emit OwnershipTransferred(previous, _newOwner);
    }

    // ---- limits ----

    /// @notice The lowest safe L2 gas limit: room for the deposits of a block plus the system transaction.
    function minimumGasLimit() public view returns (uint64) {
        return uint64(resourceConfigValue.maxResourceLimit) + uint64(resourceConfigValue.systemTxMaxGas);
    }

    function maximumGasLimit() public pure returns (uint64) {
        return MAX_GAS_LIMIT;
    }

    function resourceConfig() external view returns (ResourceConfig memory) {
        return resourceConfigValue;
    }

    // ---- fixed-slot getters ----

    function unsafeBlockSigner() public view returns (address) {
        return _address(UNSAFE_BLOCK_SIGNER_SLOT);
    }

    function l1CrossDomainMessenger() external view returns (address) {
        return _address(L1_CROSS_DOMAIN_MESSENGER_SLOT);
    }

    function l1ERC721Bridge() external view returns (address) {
        return _address(L1_ERC_721_BRIDGE_SLOT);
    }

    function l1StandardBridge() external view returns (address) {
        return _address(L1_STANDARD_BRIDGE_SLOT);
    }

    function l2OutputOracle() external view returns (address) {
        return _address(L2_OUTPUT_ORACLE_SLOT);
    }

    function optimismPortal() external view returns (address) {
        return _address(OPTIMISM_PORTAL_SLOT);
    }

    function optimismMintableERC20Factory() external view returns (address) {
        return _address(OPTIMISM_MINTABLE_ERC20_FACTORY_SLOT);
    }

    function batchInbox() external view returns (address) {
        return _address(BATCH_INBOX_SLOT);
    }

    /// @notice The L1 block from which derivation may scan this contract's logs.
    function startBlock() external view returns (uint256) {
        return uint256(_getSlot(START_BLOCK_SLOT));
    }

    // ---- owner setters, each announced to derivation ----

    function setUnsafeBlockSigner(address _unsafeBlockSigner) external onlyOwner {
        _setUnsafeBlockSigner(_unsafeBlockSigner);
    }

    function setBatcherHash(bytes32 _batcherHash) external onlyOwner {
        _setBatcherHash(_batcherHash);
    }

    /// @notice Pre-Ecotone form: the scalar's top byte (the Ecotone version byte) must be 0.
    function setGasConfig(uint256 _overhead, uint256 _scalar) external onlyOwner {
        require((uint256(0xff) << 248) & _scalar == 0, "SystemConfig: scalar exceeds max.");
        overhead = _overhead;
        scalar = _scalar;
        emit ConfigUpdate(VERSION, UpdateType.GAS_CONFIG, abi.encode(_overhead, _scalar));
    }

    function setGasConfigEcotone(uint32 _basefeeScalar, uint32 _blobbasefeeScalar) external onlyOwner {
        _setGasConfigEcotone(_basefeeScalar, _blobbasefeeScalar);
    }

    function setGasLimit(uint64 _gasLimit) external onlyOwner {
        _setGasLimit(_gasLimit);
    }

    function _setUnsafeBlockSigner(address _unsafeBlockSigner) private {
        _setSlot(UNSAFE_BLOCK_SIGNER_SLOT, _word(_unsafeBlockSigner));
        emit ConfigUpdate(VERSION, UpdateType.UNSAFE_BLOCK_SIGNER, abi.encode(_unsafeBlockSigner));
    }

    function _setBatcherHash(bytes32 _batcherHash) private {
        batcherHash = _batcherHash;
        emit ConfigUpdate(VERSION, UpdateType.BATCHER, abi.encode(_batcherHash));
    }

    /// @notice scalar = (1 << 248) | (blobbasefeeScalar << 32) | basefeeScalar (protocol-reference 12.2); the
    ///         event carries the stored overhead with it.
    function _setGasConfigEcotone(uint32 _basefeeScalar, uint32 _blobbasefeeScalar) private {
        basefeeScalar = _basefeeScalar;
        blobbasefeeScalar = _blobbasefeeScalar;
        scalar = (uint256(0x01) << 248) | (uint256(_blobbasefeeScalar) << 32) | _basefeeScalar;
        emit ConfigUpdate(VERSION, UpdateType.GAS_CONFIG, abi.encode(overhead, scalar));
    }

    function _setGasLimit(uint64 _gasLimit) private {
        require(_gasLimit >= minimumGasLimit(), "SystemConfig: gas limit too low");
        require(_gasLimit <= maximumGasLimit(), "SystemConfig: gas limit too high");
        gasLimit = _gasLimit;
        emit ConfigUpdate(VERSION, UpdateType.GAS_LIMIT, abi.encode(_gasLimit));
    }

    function _setResourceConfig(ResourceConfig memory _config, uint64 _gasLimit) private {
        require(_config.minimumBaseFee <= _config.maximumBaseFee, "SystemConfig: min base fee must be less than max base");
        require(_config.baseFeeMaxChangeDenominator > 1, "SystemConfig: denominator must be larger than 1");
        require(
            uint64(_config.maxResourceLimit) + uint64(_config.systemTxMaxGas) <= _gasLimit,
            "SystemConfig: gas limit too low"
        );
        require(_config.elasticityMultiplier > 0, "SystemConfig: elasticity multiplier cannot be 0");
        require(
            (_config.maxResourceLimit / _config.elasticityMultiplier) * _config.elasticityMultiplier
                == _config.maxResourceLimit,
            "SystemConfig: precision loss with target resource limit"
        );
        resourceConfigValue = _config;
    }

    function _address(bytes32 _slot) private view returns (address) {
        return address(uint160(uint256(_getSlot(_slot))));
    }

    function _word(address _value) private pure returns (bytes32) {
        return bytes32(uint256(uint160(_value)));
    }

    function _getSlot(bytes32 _slot) private view returns (bytes32 value) {
        assembly {
            value := sload(_slot)
        }
    }

    function _setSlot(bytes32 _slot, bytes32 _value) private {
        assembly {
            sstore(_slot, _value)
        }
    }
}
