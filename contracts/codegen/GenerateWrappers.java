// Generates web3j wrappers for the committed Solidity artifacts (run at generate-sources by contracts/pom.xml with
// the JDK's source launcher, on a class path holding org.web3j:codegen). Usage:
//   java -cp CP GenerateWrappers.java ARTIFACT_DIR OUT_DIR PACKAGE
// One wrapper per artifact whose ABI has entries; libraries with an empty ABI get none. The artifact's
// creation bytecode becomes the wrapper's BINARY (empty for interfaces and abstract contracts).

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.web3j.codegen.SolidityFunctionWrapper;
import org.web3j.protocol.core.methods.response.AbiDefinition;

public class GenerateWrappers {
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: GenerateWrappers ARTIFACT_DIR OUT_DIR PACKAGE");
      System.exit(2);
    }
    Path artifacts = Path.of(args[0]);
    Path out = Path.of(args[1]);
    String pkg = args[2];
    ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(artifacts)) {
      try (Stream<Path> list = Files.list(artifacts)) {
        list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
      }
    }
    Files.createDirectories(out);
    SolidityFunctionWrapper generator = new SolidityFunctionWrapper(true, false, false, 20);
    int written = 0;
    for (Path file : files) {
      JsonNode artifact = json.readTree(file.toFile());
      JsonNode abi = artifact.path("abi");
      String name = artifact.path("contractName").asText("");
      if (name.isEmpty() || !abi.isArray() || abi.isEmpty()) {
        continue;
      }
      List<AbiDefinition> definitions = new ArrayList<>();
      for (JsonNode entry : abi) {
        definitions.add(json.treeToValue(entry, AbiDefinition.class));
      }
      String bytecode = artifact.path("bytecode").asText("0x");
      generator.generateJavaFiles(name, bytecode.equals("0x") ? "" : bytecode, definitions, out.toString(), pkg,
          null);
      written++;
    }
    System.out.println("web3j wrappers: " + written + " of " + files.size() + " artifacts -> " + out);
  }
}
