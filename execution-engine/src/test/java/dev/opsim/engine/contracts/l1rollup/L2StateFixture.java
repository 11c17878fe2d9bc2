package dev.opsim.engine.contracts.l1rollup;

import dev.opsim.engine.trie.AccountState;
import dev.opsim.engine.trie.AccountTrie;
import dev.opsim.engine.trie.InMemoryNodeStore;
import dev.opsim.engine.trie.StorageTrie;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * An L2 state built with our engine's tries: L2ToL1MessagePasser (0x4200…0016) with the given storage slots, a few
 * other accounts, and the output root over it (protocol-reference 8.3).
 */
record L2StateFixture(StorageTrie messagePasserStorage, Hash storageRoot, Hash stateRoot, Hash blockHash) {
  static final Address MESSAGE_PASSER = Address.fromHex("0x4200000000000000000000000000000000000016");

  /** {@code slots} maps message-passer slots to values; {@code label} makes the block hash distinct. */
  static L2StateFixture build(Map<Bytes32, Bytes32> slots, String label) {
    InMemoryNodeStore store = new InMemoryNodeStore();
    StorageTrie storage = new StorageTrie(store);
    slots.forEach(storage::put);
    // msgNonce at slot 1, as the message passer keeps it.
    storage.put(Bytes32.leftPad(Bytes.of(1)), Bytes32.leftPad(Bytes.ofUnsignedInt(slots.size())));
    Hash storageRoot = storage.commit();
    AccountTrie accounts = new AccountTrie(store);
    accounts.put(MESSAGE_PASSER, AccountState.EMPTY.withNonce(1).withStorageRoot(storageRoot)
        .withCodeHash(AccountState.codeHashOf(Bytes.fromHexString("0x6001"))));
    for (int i = 0; i < 20; i++) {
      accounts.put(Address.wrap(Bytes.concatenate(Bytes.ofUnsignedInt(i + 1), Bytes.wrap(new byte[16]))), AccountState.EMPTY.withBalance(BigInteger.valueOf(i + 1)));
    }
    Hash stateRoot = accounts.commit();
    Hash blockHash = Keccak.hash(Bytes.wrap(("L2 block " + label).getBytes(StandardCharsets.UTF_8)));
    return new L2StateFixture(storage, storageRoot, stateRoot, blockHash);
  }

  static L2StateFixture withWithdrawals(List<Abi.Withdrawal> withdrawals, String label) {
    java.util.TreeMap<Bytes32, Bytes32> slots = new java.util.TreeMap<>();
    for (Abi.Withdrawal w : withdrawals) {
      slots.put(w.storageSlot(), Bytes32.leftPad(Bytes.of(1)));
    }
    return build(slots, label);
  }

  Abi.OutputRootProof outputRootProof() {
    return new Abi.OutputRootProof(stateRoot, storageRoot, blockHash);
  }

  Hash outputRoot() {
    return outputRootProof().outputRoot();
  }

  List<Bytes> proof(Bytes32 slot) {
    return messagePasserStorage.proof(slot);
  }
}
