package dev.opsim.evm;

import dev.opsim.evm.state.InMemoryBaseState;
import dev.opsim.evm.state.JournaledState;
import dev.opsim.evm.tx.Transaction;
import dev.opsim.evm.tx.TransactionProcessor;
import dev.opsim.evm.tx.TxResult;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Hex;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;

/** A one-contract world and a transaction runner for interpreter tests. */
final class EvmTestSupport {
  static final Address SENDER = Address.fromHex("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b");
  static final Address CONTRACT = Address.fromHex("0x1000000000000000000000000000000000000001");
  static final Address COINBASE = Address.fromHex("0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba");
  static final BigInteger ETHER = BigInteger.TEN.pow(18);

  final InMemoryBaseState base = new InMemoryBaseState();
  JournaledState state;

  EvmTestSupport(String code) {
    base.put(SENDER, 0, ETHER.multiply(BigInteger.valueOf(1_000_000)), Bytes.EMPTY, Map.of());
    base.put(CONTRACT, 1, BigInteger.ZERO, Bytes.wrap(Hex.decode(code)), Map.of());
  }

  static BlockEnv block(long gasLimit) {
    return new BlockEnv(1, COINBASE, gasLimit, 1, 1000, Hash.ZERO, BigInteger.TEN, 0, n -> Hash.ZERO);
  }

  static Transaction call(Address to, long gas, BigInteger value, Bytes data) {
    return new Transaction(2, SENDER, 0, gas, null, BigInteger.valueOf(100), BigInteger.ONE, to, value, data,
        List.of(), List.of(), null);
  }

  TxResult run(Transaction tx) {
    return run(tx, null, 30_000_000);
  }

  TxResult run(Transaction tx, Tracer tracer) {
    return run(tx, tracer, 30_000_000);
  }

  TxResult run(Transaction tx, Tracer tracer, long blockGasLimit) {
    state = new JournaledState(base);
    return new TransactionProcessor(new CancunSpec(), new PrecompileRegistry(), new CodeCache(16))
        .process(state, tx, block(blockGasLimit), tracer);
  }

  TxResult.Executed runCall(long gas) {
    TxResult r = run(call(CONTRACT, gas, BigInteger.ZERO, Bytes.EMPTY));
    if (r instanceof TxResult.Executed e) {
      return e;
    }
    throw new AssertionError("rejected: " + r);
  }
}
