package dev.opsim.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * Loads the committed artifacts ({@code contracts/artifacts/<Name>.json}), which this module packages as class-path
 * resources under {@value #RESOURCE_DIR}.
 */
public final class Artifacts {
  public static final String RESOURCE_DIR = "/dev/opsim/contracts/artifacts/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Artifacts() {}

  /** The artifact of contract {@code name}, empty when none is packaged. */
  public static Optional<Artifact> find(String name) {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("not a contract name: " + name);
    }
    try (InputStream in = Artifacts.class.getResourceAsStream(RESOURCE_DIR + name + ".json")) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the artifact of " + name, e);
    }
  }

  /** The artifact of contract {@code name}; throws {@link IllegalStateException} when none is packaged. */
  public static Artifact load(String name) {
    return find(name).orElseThrow(() -> new IllegalStateException("no artifact for contract " + name
        + " (expected contracts/artifacts/" + name + ".json)"));
  }

  /** Parses an artifact JSON document. */
  public static Artifact parse(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      List<AbiEntry> abi = new ArrayList<>();
      for (JsonNode entry : root.path("abi")) {
        abi.add(new AbiEntry(entry.path("type").asText(), entry.path("name").asText(""),
            parameters(entry.path("inputs")), entry.path("stateMutability").asText("")));
      }
      return new Artifact(root.path("contractName").asText(), root.path("sourceName").asText(), abi,
          Bytes.fromHexString(root.path("bytecode").asText("0x")),
          Bytes.fromHexString(root.path("deployedBytecode").asText("0x")));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("artifact is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static List<AbiParameter> parameters(JsonNode list) {
    List<AbiParameter> out = new ArrayList<>();
    for (JsonNode p : list) {
      out.add(new AbiParameter(p.path("name").asText(""), p.path("type").asText(), parameters(p.path("components"))));
    }
    return out;
  }
}
