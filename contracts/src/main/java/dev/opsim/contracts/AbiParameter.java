package dev.opsim.contracts;

import java.util.List;

/** One input or output of an ABI entry: its name as the source declares it, its type, and a tuple's components. */
public record AbiParameter(String name, String type, List<AbiParameter> components) {
  public AbiParameter {
    if (name == null || type == null || components == null) {
      throw new IllegalArgumentException("ABI parameter fields must not be null");
    }
    components = List.copyOf(components);
  }

  /** The canonical type as it appears in a signature: tuples spelled out as {@code (t1,t2)}, array suffixes kept. */
  public String canonicalType() {
    if (!type.startsWith("tuple")) {
      return type;
    }
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < components.size(); i++) {
      out.append(i == 0 ? "" : ",").append(components.get(i).canonicalType());
    }
    return out.append(')').append(type.substring("tuple".length())).toString();
  }
}
