package dev.opsim.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.engine.blockchain.BlockBuilder;
import dev.opsim.engine.blockchain.Blockchain;
import dev.opsim.engine.blockchain.BuildRequest;
import dev.opsim.engine.blockchain.BuiltBlock;
import dev.opsim.engine.blockchain.ImportResult;
import dev.opsim.engine.chain.Block;
import dev.opsim.engine.chain.BlockHeader;
import dev.opsim.engine.genesis.GenesisJson;
import dev.opsim.engine.genesis.GenesisSpec;
import dev.opsim.engine.store.ChainStore;
import dev.opsim.engine.txpool.TransactionSigning;
import dev.opsim.evm.ContractAddress;
import dev.opsim.evm.crypto.Secp256k1;
import dev.opsim.evm.crypto.Signature;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.Hash;
import dev.opsim.protocol.Keccak;
import dev.opsim.protocol.tx.DynamicFeeTx;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;

/**
 * Block building and import throughput at 30M gas: for each workload (ETH transfers, ERC-20 transfers, a
 * storage-heavy contract filling fresh slots) a builder chain on RocksDB builds full blocks (execution, state root,
 * RocksDB commit) and a second chain on RocksDB imports them (header checks, execution, root comparison, commit).
 * Transactions are signed before the clock starts; sender recovery is part of the timed import, as it is in a
 * real import. Mgas/s = gas used / wall time, per phase.
 *
 * <p>Usage (from the project root, ProbeToken's artifact is read from the engine's test resources):
 * {@code java -cp benchmarks/target/benchmarks.jar dev.opsim.benchmarks.BlockThroughput [--blocks N]}.
 */
public final class BlockThroughput {
  private static final long CHAIN_ID = 1337;
  private static final long GAS_LIMIT = 30_000_000;
  private static final int SENDERS = 64;
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static final Path ARTIFACT = Path.of("execution-engine/src/test/resources/solidity/ProbeToken.json");

  private BlockThroughput() {}

  private record Phase(long gas, long nanos, int txs) {
    double mgasPerSecond() {
      return gas / (nanos / 1e9) / 1e6;
    }
  }

  public static void main(String[] args) throws Exception {
    int blocks = 5;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--blocks")) {
        blocks = Integer.parseInt(args[++i]);
      } else {
        System.err.println("usage: BlockThroughput [--blocks N]");
        System.exit(2);
      }
    }
    Bytes creation = Bytes.fromHexString(new ObjectMapper().readTree(ARTIFACT.toFile()).get("bytecode").asText());
    System.out.printf(Locale.ROOT, "%-16s %6s %8s %10s %12s %12s%n", "workload", "blocks", "txs", "Mgas/block",
        "build Mgas/s", "import Mgas/s");
    for (String workload : List.of("eth-transfer", "erc20-transfer", "storage-fill")) {
      Path dir = Files.createTempDirectory("opsim-blocks");
      try (Blockchain builder = Blockchain.open(ChainStore.openRocksDb(dir.resolve("a")), genesis());
          Blockchain importer = Blockchain.open(ChainStore.openRocksDb(dir.resolve("b")), genesis())) {
        Workload w = new Workload(workload, creation);
        // Set-up block (contract deployment, token balances) outside the timing.
        List<Bytes> setup = w.setup();
        if (!setup.isEmpty()) {
          Block block = build(builder, setup).block();
          importInto(importer, block);
        }
        Phase built = new Phase(0, 0, 0);
        Phase imported = new Phase(0, 0, 0);
        for (int b = 0; b < blocks; b++) {
          List<Bytes> txs = w.block(GAS_LIMIT);
          long t0 = System.nanoTime();
          BuiltBlock block = build(builder, txs);
          long t1 = System.nanoTime();
          importInto(importer, block.block());
          long t2 = System.nanoTime();
          if (!block.receipts().stream().allMatch(dev.opsim.engine.chain.Receipt::success)) {
            throw new IllegalStateException(workload + ": a transaction failed; the workload is broken");
          }
          long gas = block.block().header().gasUsed();
          int n = block.block().transactions().size();
          built = new Phase(built.gas + gas, built.nanos + (t1 - t0), built.txs + n);
          imported = new Phase(imported.gas + gas, imported.nanos + (t2 - t1), imported.txs + n);
        }
        System.out.printf(Locale.ROOT, "%-16s %6d %8d %10.1f %12.1f %12.1f%n", workload, blocks, built.txs,
            built.gas / 1e6 / blocks, built.mgasPerSecond(), imported.mgasPerSecond());
      } finally {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  private static GenesisSpec genesis() throws Exception {
    StringBuilder alloc = new StringBuilder();
    for (int i = 0; i < SENDERS; i++) {
      alloc.append(i == 0 ? "" : ",").append('"').append(Secp256k1.addressOf(key(i))).append("\":{\"balance\":\"")
          .append("0x33b2e3c9fd0803ce8000000").append("\"}");
    }
    String json = "{\"config\":{\"chainId\":" + CHAIN_ID + ",\"homesteadBlock\":0,\"eip150Block\":0,\"eip155Block\":0,"
        + "\"eip158Block\":0,\"byzantiumBlock\":0,\"constantinopleBlock\":0,\"petersburgBlock\":0,\"istanbulBlock\":0,"
        + "\"berlinBlock\":0,\"londonBlock\":0,\"mergeNetsplitBlock\":0,\"shanghaiTime\":0,\"cancunTime\":0,"
        + "\"terminalTotalDifficulty\":0},\"timestamp\":\"0x6553f100\",\"gasLimit\":\"0x1c9c380\","
        + "\"difficulty\":\"0x0\",\"baseFeePerGas\":\"0x7\",\"alloc\":{" + alloc + "}}";
    return GenesisJson.parse(json);
  }

  private static byte[] key(int i) {
    byte[] key = new byte[32];
    key[0] = 0x42;
    key[31] = (byte) (i + 1);
    return key;
  }

  private static BuiltBlock build(Blockchain chain, List<Bytes> txs) throws Exception {
    BlockHeader head = chain.head();
    BuiltBlock built = new BlockBuilder(chain, Optional.empty()).build(new BuildRequest(head.hash(),
        head.timestamp() + 12, Address.ZERO, Hash.ZERO, List.of(), Optional.of(Hash.ZERO), txs, true,
        OptionalLong.empty(), Optional.empty()));
    chain.forkchoice(built.block().hash(), Hash.ZERO, Hash.ZERO);
    return built;
  }

  private static void importInto(Blockchain chain, Block block) {
    ImportResult result = chain.importBlock(block);
    if (!(result instanceof ImportResult.Valid)) {
      throw new IllegalStateException("import failed: " + result);
    }
    chain.forkchoice(block.hash(), Hash.ZERO, Hash.ZERO);
  }

  /** Signed transactions for one workload, with per-sender nonces. */
  private static final class Workload {
    private final String name;
    private final Bytes creation;
    private final long[] nonces = new long[SENDERS];
    private Address token;
    private long counter;

    Workload(String name, Bytes creation) {
      this.name = name;
      this.creation = creation;
    }

    List<Bytes> setup() {
      if (name.equals("eth-transfer")) {
        return List.of();
      }
      List<Bytes> txs = new ArrayList<>();
      token = ContractAddress.createAddress(Secp256k1.addressOf(key(0)), nonces[0]);
      Bytes supply = word(BigInteger.TEN.pow(30));
      txs.add(sign(0, null, Bytes.concatenate(creation, supply), 3_000_000));
      if (name.equals("erc20-transfer")) {
        // Give every other sender tokens to move.
        for (int i = 1; i < SENDERS; i++) {
          txs.add(sign(0, token, transferCall(Secp256k1.addressOf(key(i)), BigInteger.TEN.pow(24)), 100_000));
        }
      }
      return txs;
    }

    List<Bytes> block(long gasLimit) {
      List<Bytes> txs = new ArrayList<>();
      long gas = 0;
      while (true) {
        int sender = (int) (counter % SENDERS);
        long txGas;
        Bytes tx;
        switch (name) {
          case "eth-transfer" -> {
            txGas = 21_000;
            tx = signTransfer(sender, recipient(counter), txGas);
          }
          case "erc20-transfer" -> {
            txGas = 60_000;
            tx = sign(sender, token, transferCall(recipient(counter), BigInteger.ONE), txGas);
          }
          default -> {
            // fill(40): 40 fresh slots per transaction
            txGas = 1_000_000;
            tx = sign(sender, token, Bytes.concatenate(selector("fill(uint256)"), word(BigInteger.valueOf(40))),
                txGas);
          }
        }
        if (gas + txGas > gasLimit) {
          nonces[sender]--;
          break;
        }
        gas += txGas;
        txs.add(tx);
        counter++;
      }
      return txs;
    }

    private static Address recipient(long n) {
      return new Address(Keccak.hash(Bytes.ofUnsignedLong(n)).bytes().slice(12, 20));
    }

    private Bytes signTransfer(int sender, Address to, long gas) {
      return signed(sender, to, BigInteger.ONE, Bytes.EMPTY, gas);
    }

    private Bytes sign(int sender, Address to, Bytes data, long gas) {
      return signed(sender, to, BigInteger.ZERO, data, gas);
    }

    private Bytes signed(int sender, Address to, BigInteger value, Bytes data, long gas) {
      BigInteger id = BigInteger.valueOf(CHAIN_ID);
      long nonce = nonces[sender]++;
      DynamicFeeTx unsigned = new DynamicFeeTx(id, nonce, GWEI, GWEI.multiply(BigInteger.TEN), gas, to, value, data,
          List.of(), BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
      Signature sig = Secp256k1.sign(TransactionSigning.signingHash(unsigned), key(sender));
      return new DynamicFeeTx(id, nonce, GWEI, GWEI.multiply(BigInteger.TEN), gas, to, value, data, List.of(),
          BigInteger.valueOf(sig.yParity()), sig.r(), sig.s()).encode();
    }

    private static Bytes transferCall(Address to, BigInteger amount) {
      return Bytes.concatenate(selector("transfer(address,uint256)"), Bytes.wrap(new byte[12]), to.bytes(),
          word(amount));
    }

    private static Bytes selector(String signature) {
      return Keccak.hash(Bytes.wrap(signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII))).bytes()
          .slice(0, 4);
    }
  }

  private static Bytes word(BigInteger value) {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return Bytes.wrap(out);
  }
}
