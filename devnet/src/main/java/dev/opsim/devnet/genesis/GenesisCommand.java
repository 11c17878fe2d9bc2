package dev.opsim.devnet.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsim.devnet.UserError;
import dev.opsim.devnet.genesis.DevAccounts.DevAccount;
import dev.opsim.engine.genesis.GenesisJson;
import dev.opsim.engine.genesis.GenesisSpec;
import dev.opsim.protocol.Address;
import dev.opsim.protocol.DecodeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code opsim genesis l1|l2}: the devnet's genesis files, built by running the contracts on our EVM. */
@Command(
    name = "genesis",
    mixinStandardHelpOptions = true,
    description = "Writes the devnet's genesis files (geth layout), rollup.json and the L1 address book.",
    subcommands = {GenesisCommand.L1.class, GenesisCommand.L2.class})
public final class GenesisCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code opsim genesis l1 --out DIR}. */
  @Command(name = "l1", mixinStandardHelpOptions = true,
      description = {"Writes DIR/genesis.json (L1, forks through Cancun at 0, the rollup's L1 contracts deployed",
          "and initialised in the allocation) and DIR/addresses.json; prints the dev accounts."})
  static final class L1 implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @Option(names = "--l1-chain-id", defaultValue = "" + DevnetParameters.DEFAULT_L1_CHAIN_ID, paramLabel = "ID",
        description = "L1 chain id (default: ${DEFAULT-VALUE})")
    long l1ChainId;

    @Option(names = "--l2-chain-id", defaultValue = "" + DevnetParameters.DEFAULT_L2_CHAIN_ID, paramLabel = "ID",
        description = "the L2's chain id, for the batch inbox (default: ${DEFAULT-VALUE})")
    long l2ChainId;

    @Option(names = "--timestamp", defaultValue = "" + DevnetParameters.DEFAULT_TIMESTAMP, paramLabel = "SECONDS",
        description = "genesis time, also the L2's (default: ${DEFAULT-VALUE}; fixed so runs are reproducible)")
    long timestamp;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      if (l1ChainId <= 0 || l2ChainId <= 0 || l1ChainId == l2ChainId || timestamp < 0) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "chain ids must be positive and different, the timestamp not negative");
      }
      L1GenesisBuilder.Result result = L1GenesisBuilder.build(l1ChainId, l2ChainId, timestamp);
      write(out.resolve("genesis.json"), result.genesisJson());
      write(out.resolve("addresses.json"), result.addressesJson());
      PrintWriter w = spec.commandLine().getOut();
      w.println("dev accounts (mnemonic \"" + DevAccounts.MNEMONIC + "\", m/44'/60'/0'/0/i), "
          + DevAccounts.BALANCE.divide(java.math.BigInteger.TEN.pow(18)) + " ETH each on L1 and L2:");
      for (DevAccount a : DevnetParameters.accounts()) {
        w.println("  (" + a.index() + ") " + a.address() + "  " + a.privateKey().toHexString());
      }
      w.println("L1 contracts:");
      result.addresses().forEach((name, address) -> w.println("  " + name + " " + address));
      w.println("wrote " + out.resolve("genesis.json") + " and " + out.resolve("addresses.json"));
      warn(spec, result.warnings());
      return 0;
    }
  }

  /** {@code opsim genesis l2 --l1-genesis FILE --out DIR}. */
  @Command(name = "l2", mixinStandardHelpOptions = true,
      description = {"Writes DIR/genesis.json (op-geth layout, OP forks through Holocene at 0, the predeploys) and",
          "DIR/rollup.json (op-node), anchored on the L1 genesis and the addresses.json next to it."})
  static final class L2 implements Callable<Integer> {
    @Option(names = "--l1-genesis", required = true, paramLabel = "FILE", description = "the L1 genesis.json")
    Path l1Genesis;

    @Option(names = "--addresses", paramLabel = "FILE",
        description = "the L1 address book (default: addresses.json next to --l1-genesis)")
    Path addresses;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
    Path out;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      GenesisSpec l1;
      try {
        l1 = GenesisJson.parse(read(l1Genesis));
      } catch (DecodeException e) {
        throw new UserError(l1Genesis + ": " + e.getMessage());
      }
      Path book = addresses != null ? addresses : l1Genesis.toAbsolutePath().resolveSibling("addresses.json");
      AddressBook l1Addresses = AddressBook.parse(read(book), book.toString());
      L2GenesisBuilder.Result result = L2GenesisBuilder.build(
          new L2GenesisBuilder.L1Side(l1, l1Addresses.contracts(), l1Addresses.l2ChainId()));
      write(out.resolve("genesis.json"), result.genesisJson());
      write(out.resolve("rollup.json"), result.rollupJson());
      PrintWriter w = spec.commandLine().getOut();
      w.println("L2 genesis " + result.rollup().genesis().l2().hash() + " on L1 block 0 "
          + result.rollup().genesis().l1().hash());
      w.println("wrote " + out.resolve("genesis.json") + " and " + out.resolve("rollup.json"));
      warn(spec, result.warnings());
      return 0;
    }
  }

  /** addresses.json: contract names to addresses, and the chain ids. */
  record AddressBook(Map<String, Address> contracts, long l2ChainId) {
    static AddressBook parse(String json, String where) {
      try {
        JsonNode root = new ObjectMapper().readTree(json);
        Map<String, Address> contracts = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (e.getValue().isTextual() && e.getValue().asText().matches("0x[0-9a-fA-F]{40}")) {
            contracts.put(e.getKey(), Address.fromHex(e.getValue().asText()));
          }
        }
        JsonNode id = root.path("L2ChainId");
        if (!id.canConvertToLong() || id.asLong() <= 0) {
          throw new UserError(where + ": no positive L2ChainId");
        }
        return new AddressBook(Map.copyOf(contracts), id.asLong());
      } catch (IOException e) {
        throw new UserError(where + ": not JSON: " + e.getMessage());
      }
    }
  }

  private static void warn(CommandLine.Model.CommandSpec spec, List<String> warnings) {
    for (String warning : warnings) {
      spec.commandLine().getErr().println("opsim: warning: " + warning);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError("cannot write " + file + ": " + e.getMessage());
    }
  }
}
