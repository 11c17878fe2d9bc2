package dev.opsim.benchmarks;

import dev.opsim.evm.BlockEnv;
import dev.opsim.evm.tx.Transaction;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.apache.tuweni.bytes.Bytes;

/** Accounts, block and transaction shape of the hand-written loops, mirroring the evm-benchmarks files. */
final class BenchmarkAccounts {
  static final Address SENDER = Address.fromHex("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b");
  static final Address CONTRACT = Address.fromHex("0xbe7c43a580000000000000000000000000000001");
  static final Address CALLEE = Address.fromHex("0xbe7c43a580000000000000000000000000000002");
  static final long GAS_LIMIT = 1_000_000_000L;

  private BenchmarkAccounts() {}

  /** A Cancun-era block with the sender as coinbase and base fee 1, as in the evm-benchmarks env. */
  static BlockEnv block() {
    return new BlockEnv(1, SENDER, GAS_LIMIT, 1, 0x61a8d289L, Hash.ofLong(1), BigInteger.ONE, 0,
        n -> Keccak.hash(Long.toString(n).getBytes(StandardCharsets.US_ASCII)));
  }

  /** A legacy call from the sender, gas price 1, gas limit 10^9, no value. */
  static Transaction call(Address to, Bytes data) {
    return new Transaction(0, SENDER, 0, GAS_LIMIT, BigInteger.ONE, null, null, to, BigInteger.ZERO, data, null,
        null, null);
  }
}
