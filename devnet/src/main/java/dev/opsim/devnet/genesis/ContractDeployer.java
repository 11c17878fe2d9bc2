package dev.opsim.devnet.genesis;

import dev.opsim.contracts.AbiEntry;
import dev.opsim.contracts.Artifact;
import dev.opsim.contracts.Artifacts;
import dev.opsim.protocol.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * Deploys artifacts on an {@link EvmDeployer} from {@link DevnetParameters#DEPLOYER}, with constructor and
 * {@code initialize} arguments taken by name from {@link NamedArguments}, and upgrades the universal
 * {@code Proxy} through its own interface ({@code upgradeTo}, {@code upgradeToAndCall}, {@code changeAdmin}).
 * A contract whose artifact is not built yet is skipped with a warning.
 */
final class ContractDeployer {
  static final String PROXY = "Proxy";

  final EvmDeployer evm;
  final NamedArguments args;
  private final List<String> warnings = new ArrayList<>();

  ContractDeployer(EvmDeployer evm, NamedArguments args) {
    this.evm = evm;
    this.args = args;
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** The artifact of {@code name}, or empty with a warning when it has not been built. */
  Optional<Artifact> artifact(String name) {
    Optional<Artifact> a = Artifacts.find(name);
    if (a.isEmpty()) {
      warnings.add(name + ": no artifact in contracts/artifacts yet, not deployed");
    } else if (a.get().bytecode().isEmpty()) {
      warnings.add(name + ": the artifact has no bytecode (abstract or interface), not deployed");
      return Optional.empty();
    }
    return a;
  }

  /**
   * Whether every constructor and initialiser argument of {@code artifact} has a value; if not, a warning says
   * which (the contract is then left out, e.g. while a contract it names has no artifact yet).
   */
  boolean argumentsResolve(Artifact artifact) {
    try {
      artifact.constructor().ifPresent(c -> args.resolve(c.inputs(), artifact.contractName() + " constructor"));
      initializeCall(artifact);
      return true;
    } catch (MissingArgumentException e) {
      warnings.add(e.getMessage() + "; not deployed");
      return false;
    }
  }

  /** Runs the constructor of {@code artifact} with its arguments by name; the new contract's address. */
  Address construct(Artifact artifact) {
    String where = artifact.contractName() + " constructor";
    Bytes encoded = artifact.constructor()
        .map(c -> AbiEncoder.encode(c.inputs(), args.resolve(c.inputs(), where)))
        .orElse(Bytes.EMPTY);
    return evm.create(DevnetParameters.DEPLOYER, Bytes.concatenate(artifact.bytecode(), encoded), where);
  }

  /** Calldata of {@code artifact}'s {@code initialize} with its arguments by name, empty if it has none. */
  Optional<Bytes> initializeCall(Artifact artifact) {
    List<AbiEntry> init = artifact.functions("initialize");
    if (init.isEmpty()) {
      return Optional.empty();
    }
    if (init.size() > 1 && !warnings.contains(artifact.contractName() + ": several initialize overloads, using "
        + init.get(0).signature())) {
      warnings.add(artifact.contractName() + ": several initialize overloads, using " + init.get(0).signature());
    }
    AbiEntry f = init.get(0);
    return Optional.of(AbiEncoder.call(f, args.resolve(f.inputs(), artifact.contractName() + "." + f.signature())));
  }

  /** Points the proxy at {@code implementation}, running {@code init} in the proxy's storage when present. */
  void upgrade(Artifact proxy, Address proxyAddress, Address implementation, Optional<Bytes> init, String what) {
    Bytes data = init.isPresent()
        ? AbiEncoder.call(function(proxy, "upgradeToAndCall"), List.of(implementation, init.get()))
        : AbiEncoder.call(function(proxy, "upgradeTo"), List.of(implementation));
    evm.call(DevnetParameters.DEPLOYER, proxyAddress, data, what);
  }

  void changeAdmin(Artifact proxy, Address proxyAddress, Address admin, String what) {
    evm.call(DevnetParameters.DEPLOYER, proxyAddress, AbiEncoder.call(function(proxy, "changeAdmin"), List.of(admin)),
        what);
  }

  /** Calls {@code name} (no arguments) on {@code target} from {@code from} when the artifact has it. */
  boolean callIfPresent(Artifact artifact, Address target, Address from, String name) {
    List<AbiEntry> f = artifact.functions(name);
    if (f.isEmpty()) {
      warnings.add(artifact.contractName() + ": has no " + name + "(), not called");
      return false;
    }
    evm.call(from, target, AbiEncoder.call(f.get(0), List.of()), artifact.contractName() + "." + name + "()");
    return true;
  }

  static AbiEntry function(Artifact artifact, String name) {
    List<AbiEntry> f = artifact.functions(name);
    if (f.isEmpty()) {
      throw new DeploymentException(artifact.contractName() + " has no function " + name);
    }
    return f.get(0);
  }
}
