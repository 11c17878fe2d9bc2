package dev.opsim.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code ../shared/fixtures} relative to the project root, once. Tests run with the module folder as
 * their working directory, so we walk up until a folder has {@code ../shared/fixtures} beside it. The system
 * property {@code opsim.fixtures} overrides the search.
 */
public final class Fixtures {
  private static final Path ROOT = locate();

  private Fixtures() {}

  public static Path root() {
    return ROOT;
  }

  public static Path path(String relative) {
    Path p = ROOT.resolve(relative);
    if (!Files.exists(p)) {
      throw new IllegalStateException("fixture missing: " + p);
    }
    return p;
  }

  public static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String relative) {
    try {
      return Files.readString(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path locate() {
    String override = System.getProperty("opsim.fixtures");
    if (override != null) {
      return Path.of(override).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared").resolve("fixtures");
      if (dir.resolve("pom.xml").toFile().isFile() && Files.isDirectory(candidate)) {
        return candidate.normalize();
      }
    }
    throw new IllegalStateException(
        "cannot find ../shared/fixtures beside the project root (from " + Path.of("").toAbsolutePath() + ")");
  }
}
