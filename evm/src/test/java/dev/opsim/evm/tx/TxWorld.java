package dev.opsim.evm.tx;

import dev.opsim.evm.BlockEnv;
import dev.opsim.evm.CancunSpec;
import dev.opsim.evm.CodeCache;
import dev.opsim.evm.PrecompileRegistry;
import dev.opsim.evm.state.InMemoryBaseState;
import dev.opsim.evm.state.JournaledState;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;

/** A small world for fee and mode tests: a funded sender, a recipient EOA, a contract, base fee 10. */
final class TxWorld {
  static final Address SENDER = Address.fromHex("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b");
  static final Address RECIPIENT = Address.fromHex("0x3000000000000000000000000000000000000003");
  static final Address CONTRACT = Address.fromHex("0x1000000000000000000000000000000000000001");
  static final Address COINBASE = Address.fromHex("0x4200000000000000000000000000000000000011");
  static final BigInteger BASE_FEE = BigInteger.TEN;

  final InMemoryBaseState base = new InMemoryBaseState();
  JournaledState state;

  TxWorld(BigInteger senderBalance, String contractCode) {
    base.put(SENDER, 0, senderBalance, Bytes.EMPTY, Map.of());
    base.put(CONTRACT, 1, BigInteger.ZERO, Bytes.fromHexString(contractCode), Map.of());
  }

  static BlockEnv block() {
    return new BlockEnv(10, COINBASE, 30_000_000, 1, 1000, Hash.ZERO, BASE_FEE, 0, n -> Hash.ZERO);
  }

  static Transaction dynamic(long nonce, long gas, long maxFee, long tip, Address to, long value) {
    return new Transaction(2, SENDER, nonce, gas, null, BigInteger.valueOf(maxFee), BigInteger.valueOf(tip), to,
        BigInteger.valueOf(value), Bytes.EMPTY, List.of(), List.of(), null);
  }

  TxResult run(Transaction tx, FeeRules fees, ProcessingMode mode) {
    state = new JournaledState(base);
    return new TransactionProcessor(new CancunSpec(), new PrecompileRegistry(), new CodeCache(4))
        .process(state, tx, block(), null, fees, mode);
  }

  BigInteger balance(Address a) {
    return state.balance(a);
  }
}
