package dev.opsim.devnet.genesis;

import dev.opsim.contracts.AbiParameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Argument values by parameter name, so constructors and initialisers are called from their ABI alone: a parameter
 * named {@code _l2Oracle} or {@code l2Oracle} takes the value registered as "l2Oracle" (names compare without
 * underscores, ignoring case). A tuple parameter with no value of its own is built from its components' names.
 */
public final class NamedArguments {
  private final Map<String, Object> values = new HashMap<>();

  /** Registers {@code value} under each of {@code names}; later registrations replace earlier ones. */
  public NamedArguments put(Object value, String... names) {
    for (String name : names) {
      values.put(normalize(name), value);
    }
    return this;
  }

  /** The values of {@code params} in order; {@code where} names the call in the error for an unknown name. */
  public List<Object> resolve(List<AbiParameter> params, String where) {
    List<Object> out = new ArrayList<>();
    for (AbiParameter p : params) {
      Object value = values.get(normalize(p.name()));
      if (value == null && p.type().equals("tuple")) {
        value = resolve(p.components(), where + " " + p.name());
      }
      if (value == null) {
        throw new MissingArgumentException(where + ": no value for parameter '" + p.name() + "' (" + p.canonicalType()
            + "); known names: " + values.keySet().stream().sorted().toList());
      }
      out.add(value);
    }
    return out;
  }

  static String normalize(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }
}
