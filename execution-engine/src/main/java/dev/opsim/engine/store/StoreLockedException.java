package dev.opsim.engine.store;

import java.nio.file.Path;

/** The database directory is already open, by another process or elsewhere in this one. */
public final class StoreLockedException extends StoreException {
  private final Path directory;

  public StoreLockedException(Path directory, Throwable cause) {
    super("the database at " + directory + " is in use by another process (or already open in this one);"
        + " stop it or choose another --datadir", cause);
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }
}
