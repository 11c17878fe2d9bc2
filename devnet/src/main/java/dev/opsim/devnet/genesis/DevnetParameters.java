package dev.opsim.devnet.genesis;

import dev.opsim.devnet.genesis.DevAccounts.DevAccount;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Keccak;
import dev.opsim.protocol.config.EcotoneScalars;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The fixed parameters of an opsim devnet, shared by the L1 and L2 builders so that what SystemConfig is initialised
 * with on L1 is what {@code rollup.json} states. Roles go to dev accounts: 0 owns and guards everything, 1 proposes
 * outputs, 2 batches, 3 signs unsafe blocks.
 */
public final class DevnetParameters {
  public static final long DEFAULT_L1_CHAIN_ID = 900;
  public static final long DEFAULT_L2_CHAIN_ID = 901;
  /** 2025-06-15T16:26:40Z: a fixed default, so two runs give the same bytes (never the wall clock). */
  public static final long DEFAULT_TIMESTAMP = 1_750_004_800L;
  public static final long GAS_LIMIT = 30_000_000;
  public static final BigInteger BASE_FEE = BigInteger.TEN.pow(9);
  /** OP Mainnet's Ecotone fee scalars (op-deployer defaults). */
  public static final long BASE_FEE_SCALAR = 1368;
  public static final long BLOB_BASE_FEE_SCALAR = 810_949;
  public static final long L2_BLOCK_TIME = 2;
  public static final long MAX_SEQUENCER_DRIFT = 600;
  public static final long SEQ_WINDOW_SIZE = 3600;
  public static final long CHANNEL_TIMEOUT = 300;
  public static final long OUTPUT_SUBMISSION_INTERVAL = 10;
  public static final long FINALIZATION_PERIOD_SECONDS = 12;
  /** RootRegistry's default expiry window for superseded roots: one week. */
  public static final long ROOT_EXPIRY_SECONDS = 7 * 24 * 3600;
  public static final long EIP1559_ELASTICITY = 6;
  public static final long EIP1559_DENOMINATOR = 50;
  public static final long EIP1559_DENOMINATOR_CANYON = 250;

  /** Where the genesis deployer runs constructors from; no key is known and it is left out of the allocation. */
  public static final Address DEPLOYER = Address.fromHex("0x00000000000000000000000000000000de910000");
  public static final Address DEPOSITOR = Address.fromHex("0xdeaddeaddeaddeaddeaddeaddeaddeaddead0001");
  /** EIP-4788 beacon roots contract (protocol-reference 1.1) and its runtime code (from the EIP). */
  public static final Address BEACON_ROOTS = Address.fromHex("0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02");
  public static final Bytes BEACON_ROOTS_CODE = Bytes.fromHexString(
      "0x3373fffffffffffffffffffffffffffffffffffffffe14604d57602036146024575f5ffd5b5f35801560495762001fff810690815414"
      + "603c575f5ffd5b62001fff01545f5260205ff35b5f5ffd5b62001fff42064281555f359062001fff015500");

  /** Derived once: BIP-39 seed stretching is slow, and the list is immutable. */
  private static final List<DevAccount> ACCOUNTS = DevAccounts.derive();

  private DevnetParameters() {}

  public static List<DevAccount> accounts() {
    return ACCOUNTS;
  }

  public static Address owner() {
    return accounts().get(0).address();
  }

  public static Address proposer() {
    return accounts().get(1).address();
  }

  public static Address batcher() {
    return accounts().get(2).address();
  }

  public static Address unsafeBlockSigner() {
    return accounts().get(3).address();
  }

  /** The Ecotone (version 1) scalar word SystemConfig holds and rollup.json states. */
  public static Bytes32 scalar() {
    return new EcotoneScalars(BASE_FEE_SCALAR, BLOB_BASE_FEE_SCALAR).encode();
  }

  /** Batch inbox: {@code 0x00 ++ keccak256(bytes32(chainId))[0:19]} (protocol-reference 1.3). */
  public static Address batchInbox(long l2ChainId) {
    Bytes hash = Keccak.hash(Bytes32.leftPad(Bytes.ofUnsignedLong(l2ChainId))).bytes();
    return Address.wrap(Bytes.concatenate(Bytes.of(0), hash.slice(0, 19)));
  }
}
