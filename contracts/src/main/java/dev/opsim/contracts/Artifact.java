package dev.opsim.contracts;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * One compiled contract as {@code contracts/build.mjs} writes it: creation code (constructor arguments are appended
 * ABI-encoded), runtime code, and the ABI. Interfaces and abstract contracts have empty code.
 */
public record Artifact(String contractName, String sourceName, List<AbiEntry> abi, Bytes bytecode,
    Bytes deployedBytecode) {
  public Artifact {
    if (contractName == null || sourceName == null || abi == null || bytecode == null || deployedBytecode == null) {
      throw new IllegalArgumentException("artifact fields must not be null");
    }
    abi = List.copyOf(abi);
    bytecode = Bytes.wrap(bytecode.toArray());
    deployedBytecode = Bytes.wrap(deployedBytecode.toArray());
  }

  /** The constructor, if the contract declares one. */
  public Optional<AbiEntry> constructor() {
    return abi.stream().filter(e -> e.kind().equals("constructor")).findFirst();
  }

  /** The functions named {@code name} (overloads in ABI order). */
  public List<AbiEntry> functions(String name) {
    return abi.stream().filter(e -> e.kind().equals("function") && e.name().equals(name)).toList();
  }

  /** Whether the contract has a function named {@code name}. */
  public boolean hasFunction(String name) {
    return !functions(name).isEmpty();
  }
}
