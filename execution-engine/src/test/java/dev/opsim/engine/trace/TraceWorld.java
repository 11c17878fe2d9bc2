package dev.opsim.engine.trace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.evm.BlockEnv;
import dev.opsim.evm.CancunSpec;
import dev.opsim.evm.CodeCache;
import dev.opsim.evm.EvmSpec;
import dev.opsim.evm.StandardPrecompiles;
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
import org.apache.tuweni.units.bigints.UInt256;

/** Accounts with hand-assembled code, and a runner that executes one transaction under a tracer. */
final class TraceWorld {
  static final Address SENDER = Address.fromHex("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b");
  static final Address COINBASE = Address.fromHex("0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba");
  static final BigInteger ETHER = BigInteger.TEN.pow(18);
  static final long GAS_LIMIT = 1_000_000;

  final EvmSpec spec = new CancunSpec();
  final InMemoryBaseState base = new InMemoryBaseState();

  TraceWorld() {
    base.put(SENDER, 0, ETHER, Bytes.EMPTY, Map.of());
  }

  TraceWorld contract(Address at, String codeHex, BigInteger balance) {
    return contract(at, codeHex, balance, Map.of());
  }

  TraceWorld contract(Address at, String codeHex, BigInteger balance, Map<UInt256, UInt256> storage) {
    base.put(at, 1, balance, Bytes.wrap(Hex.decode(codeHex)), storage);
    return this;
  }

  static Transaction call(Address to, Bytes data) {
    return new Transaction(2, SENDER, 0, GAS_LIMIT, null, BigInteger.valueOf(100), BigInteger.ONE, to,
        BigInteger.ZERO, data, List.of(), List.of(), null);
  }

  static BlockEnv block() {
    return new BlockEnv(1, COINBASE, 30_000_000, 1, 1000, Hash.ZERO, BigInteger.TEN, 0, n -> Hash.ZERO);
  }

  /** The transaction's result and the trace, on a fresh copy of the world. */
  record Traced(TxResult.Executed result, ObjectNode json) {}

  Traced run(Transaction tx, TraceOptions options) {
    TransactionTracer tracer = Tracers.create(options, spec);
    TxResult r = new TransactionProcessor(spec, StandardPrecompiles.forSpec(spec), new CodeCache(16))
        .process(new JournaledState(base), tx, block(), tracer);
    if (!(r instanceof TxResult.Executed e)) {
      throw new AssertionError("rejected: " + r);
    }
    return new Traced(e, tracer.result(new TxSummary(tx.gasLimit(), e.gasUsed(), 0)));
  }

  TxResult.Executed runUntraced(Transaction tx) {
    return (TxResult.Executed) new TransactionProcessor(spec, StandardPrecompiles.forSpec(spec), new CodeCache(16))
        .process(new JournaledState(base), tx, block(), null);
  }
}
