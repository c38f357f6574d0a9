package io.aepform.engine.workspace;

import io.aepform.state.LocalStateStore;
import io.aepform.state.State;
import io.aepform.state.StateCodec;
import io.aepform.state.StateException;
import io.aepform.state.StateVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The history the local backend has: the current state file and its {@code .backup} (the state
 * before the last run that changed it). A shared backend keeps every version instead.
 */
public final class LocalHistory {
  private LocalHistory() {}

  /** The current state and its backup, newest first; a backup that cannot be read is left out. */
  public static List<StateVersion> versions(LocalStateStore store) {
    List<StateVersion> out = new ArrayList<>();
    version(store.stateFile(), true).ifPresent(out::add);
    version(store.backupFile(), false).ifPresent(out::add);
    return out;
  }

  /** The current state or its backup, whichever has {@code serial}. */
  public static Optional<State> read(LocalStateStore store, long serial) {
    for (Path file : List.of(store.stateFile(), store.backupFile())) {
      Optional<State> state = decode(file);
      if (state.isPresent() && state.get().serial() == serial) {
        return state;
      }
    }
    return Optional.empty();
  }

  private static Optional<StateVersion> version(Path file, boolean current) {
    try {
      Optional<State> state = current ? decodeOrFail(file) : decode(file);
      if (state.isEmpty()) {
        return Optional.empty();
      }
      State s = state.get();
      return Optional.of(
          new StateVersion(
              s.environment(),
              s.serial(),
              s.lineage(),
              Files.getLastModifiedTime(file).toInstant(),
              file.getFileName().toString(),
              "-",
              current));
    } catch (IOException e) {
      throw new StateException(
          StateException.Code.UNAVAILABLE, "Cannot read " + file + ": " + e, e);
    }
  }

  private static Optional<State> decode(Path file) {
    try {
      return decodeOrFail(file);
    } catch (StateException | IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<State> decodeOrFail(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(StateCodec.read(Files.readAllBytes(file), file.toString()));
  }
}
