package dev.opsim.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ArtifactsTest {
  private static final Path ARTIFACTS = Path.of("artifacts");

  @Test
  void everyCommittedArtifactLoadsFromTheClassPathWithItsFileContents() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(ARTIFACTS)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertFalse(files.isEmpty());
    for (Path file : files) {
      String name = file.getFileName().toString().replace(".json", "");
      Artifact fromClassPath = Artifacts.load(name);
      assertEquals(Artifacts.parse(Files.readString(file)), fromClassPath, name);
      assertEquals(name, fromClassPath.contractName());
    }
  }

  @Test
  void unknownContractsAreAbsentAndBadNamesRejected() {
    assertTrue(Artifacts.find("NoSuchContract").isEmpty());
    assertThrows(IllegalStateException.class, () -> Artifacts.load("NoSuchContract"));
    assertThrows(IllegalArgumentException.class, () -> Artifacts.find("../pom"));
  }

  @Test
  void signaturesSpellTuplesOut() {
    Artifact a = Artifacts.parse("""
        {"contractName":"X","sourceName":"X.sol","bytecode":"0x6000","deployedBytecode":"0x00","abi":[
         {"type":"function","name":"f","stateMutability":"nonpayable","inputs":[{"name":"a","type":"address"},
          {"name":"c","type":"tuple[]","components":[{"name":"x","type":"uint32"},{"name":"y","type":"bytes"}]}]}]}""");
    assertEquals("f(address,(uint32,bytes)[])", a.functions("f").get(0).signature());
    assertTrue(a.hasFunction("f"));
    assertTrue(a.constructor().isEmpty());
  }
}
