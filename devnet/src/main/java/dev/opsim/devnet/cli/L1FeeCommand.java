package dev.opsim.devnet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsim.devnet.UserError;
import dev.opsim.protocol.fee.L1Cost;
import dev.opsim.protocol.fee.L1CostFunction;
import dev.opsim.protocol.fee.L1FeeFormula;
import dev.opsim.protocol.fee.L1FeeParams;
import java.math.BigInteger;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code opsim l1-fee}: the L1 data fee an L2 transaction pays (protocol-reference 7.2). */
@Command(
    name = "l1-fee",
    mixinStandardHelpOptions = true,
    description = {
      "Computes the L1 data fee of a signed L2 transaction and prints {l1GasUsed, l1Fee}.",
      "Bedrock/Regolith forks use --overhead and --scalar; Ecotone and later use the two scalars."
    })
public final class L1FeeCommand implements Callable<Integer> {
  /** Which cost function each OP fork uses (Canyon and Delta kept Regolith's; Granite and later kept Fjord's). */
  enum ForkName {
    BEDROCK(L1FeeFormula.BEDROCK),
    REGOLITH(L1FeeFormula.REGOLITH),
    CANYON(L1FeeFormula.REGOLITH),
    DELTA(L1FeeFormula.REGOLITH),
    ECOTONE(L1FeeFormula.ECOTONE),
    FJORD(L1FeeFormula.FJORD),
    GRANITE(L1FeeFormula.FJORD),
    HOLOCENE(L1FeeFormula.FJORD),
    ISTHMUS(L1FeeFormula.FJORD),
    JOVIAN(L1FeeFormula.FJORD);

    final L1FeeFormula formula;

    ForkName(L1FeeFormula formula) {
      this.formula = formula;
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Spec CommandSpec spec;

  @Option(names = "--fork", required = true, converter = ForkConverter.class,
      description = "bedrock, regolith, canyon, delta, ecotone, fjord, granite, holocene, isthmus or jovian")
  ForkName fork;

  @Option(names = "--l1-base-fee", required = true, description = "L1 base fee in wei")
  BigInteger l1BaseFee;

  @Option(names = "--l1-blob-base-fee", defaultValue = "0", description = "L1 blob base fee in wei (Ecotone+)")
  BigInteger l1BlobBaseFee;

  @Option(names = "--base-fee-scalar", defaultValue = "0", description = "Ecotone base fee scalar (uint32)")
  long baseFeeScalar;

  @Option(names = "--blob-base-fee-scalar", defaultValue = "0", description = "Ecotone blob base fee scalar (uint32)")
  long blobBaseFeeScalar;

  @Option(names = "--overhead", defaultValue = "0", description = "pre-Ecotone fixed overhead (L1 gas)")
  BigInteger overhead;

  @Option(names = "--scalar", defaultValue = "0", description = "pre-Ecotone scalar (6 decimals)")
  BigInteger scalar;

  @Parameters(paramLabel = "TX", description = "the signed L2 transaction (EIP-2718 bytes): hex or @FILE")
  String tx;

  @Override
  public Integer call() {
    L1FeeParams params;
    try {
      params = new L1FeeParams(l1BaseFee, overhead, scalar, l1BlobBaseFee, baseFeeScalar, blobBaseFeeScalar);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    L1Cost cost = new L1CostFunction(fork.formula, params).cost(ByteInput.read(tx));
    ObjectNode out = Json.object();
    Json.put(out, "l1GasUsed", cost.l1GasUsed());
    Json.put(out, "l1Fee", cost.fee());
    spec.commandLine().getOut().println(Json.write(out));
    return 0;
  }

  static final class ForkConverter implements picocli.CommandLine.ITypeConverter<ForkName> {
    @Override
    public ForkName convert(String value) {
      try {
        return ForkName.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException("unknown fork '" + value + "'");
      }
    }
  }
}
