package dev.opsim.contracts;

import java.util.List;

/**
 * One entry of a contract ABI: a function, constructor, event, error, fallback or receive, with its inputs.
 *
 * @param kind the ABI {@code type} field ("function", "constructor", "event", ...)
 */
public record AbiEntry(String kind, String name, List<AbiParameter> inputs, String stateMutability) {
  public AbiEntry {
    if (kind == null || name == null || inputs == null || stateMutability == null) {
      throw new IllegalArgumentException("ABI entry fields must not be null");
    }
    inputs = List.copyOf(inputs);
  }

  /** {@code name(type1,type2)}, the text whose keccak-256 gives a selector or an event topic. */
  public String signature() {
    StringBuilder out = new StringBuilder(name).append('(');
    for (int i = 0; i < inputs.size(); i++) {
      out.append(i == 0 ? "" : ",").append(inputs.get(i).canonicalType());
    }
    return out.append(')').toString();
  }
}
