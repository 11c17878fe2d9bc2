package dev.opsim.engine.rpc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The methods one server answers, by name; immutable. The public port and the Engine API port each get
 * their own (the public one never answers {@code engine_*}, issue 4 "Details").
 */
public final class RpcMethods {

  private final Map<String, RpcMethod> byName;

  private RpcMethods(Map<String, RpcMethod> byName) {
    this.byName = Map.copyOf(byName);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<RpcMethod> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Set<String> names() {
    return byName.keySet();
  }

  /** The methods whose names pass {@code keep}, e.g. {@code n -> n.startsWith("engine_")}. */
  public RpcMethods only(Predicate<String> keep) {
    Map<String, RpcMethod> kept = new LinkedHashMap<>();
    byName.forEach((name, method) -> {
      if (keep.test(name)) {
        kept.put(name, method);
      }
    });
    return new RpcMethods(kept);
  }

  public static final class Builder {
    private final Map<String, RpcMethod> byName = new LinkedHashMap<>();

    private Builder() {}

    /** Adds a method; a name given twice is a programming error. */
    public Builder add(String name, RpcMethod method) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(method, "method");
      if (byName.putIfAbsent(name, method) != null) {
        throw new IllegalArgumentException("method registered twice: " + name);
      }
      return this;
    }

    public Builder addAll(RpcMethods methods) {
      methods.byName.forEach(this::add);
      return this;
    }

    public RpcMethods build() {
      return new RpcMethods(byName);
    }
  }
}
