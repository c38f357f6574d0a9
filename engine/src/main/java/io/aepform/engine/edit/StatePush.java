package io.aepform.engine.edit;

import io.aepform.error.UsageException;
import io.aepform.state.LockInfo;
import io.aepform.state.State;
import io.aepform.state.StateCodec;
import io.aepform.state.StateException;
import io.aepform.state.StateHistory;
import io.aepform.state.StateLock;
import io.aepform.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** {@code state push}: a state file into a store, refusing to go back in time unless forced. */
public final class StatePush {
  private StatePush() {}

  /** A state file, as {@code state pull} writes it. */
  public static State read(Path file) {
    try {
      return StateCodec.read(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new UsageException(
          UsageException.Code.INVALID_ARGUMENTS, "cannot read " + file + ": " + e.getMessage());
    }
  }

  @SuppressWarnings("try")
  public static State push(StateStore store, State pushed, boolean force, Duration lockTimeout) {
    try (StateLock lock = store.lock(LockInfo.forCurrentProcess("state push"), lockTimeout)) {
      Optional<State> current = store.read();
      if (current.isEmpty()) {
        store.write(pushed);
        return pushed;
      }
      State now = current.get();
      boolean otherLineage = !now.lineage().equals(pushed.lineage());
      boolean older = pushed.serial() <= now.serial();
      if (!force && (otherLineage || older)) {
        throw new StateException(
            otherLineage ? StateException.Code.MISMATCH : StateException.Code.STALE,
            "refusing to push: "
                + (otherLineage
                    ? "the pushed state is of another lineage ("
                        + pushed.lineage()
                        + ", stored "
                        + now.lineage()
                        + ")"
                    : "its serial "
                        + pushed.serial()
                        + " is not newer than the stored "
                        + now.serial())
                + ". Pull first, or pass --force to overwrite "
                + store.location());
      }
      if (!otherLineage && !older) {
        store.write(pushed);
        return pushed;
      }
      if (!(store instanceof StateHistory history)) {
        throw new UsageException(
            UsageException.Code.INVALID_ARGUMENTS,
            "--force over another lineage or an older serial needs a backend with history (postgres); with local files, copy the file by hand");
      }
      history.replace(pushed);
      return pushed;
    }
  }
}
