package io.aepform.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The child process of {@link CrashSafetyIT}: writes ever newer states as fast as it can until it
 * is killed. Every resource of a state records that state's serial, so a reader can tell a complete
 * state from a mix of two.
 */
public final class CrashWriter {
  static final int RESOURCES = 200;
  static final String READY = "first write done";
  private static final String BLOB = "x".repeat(256 << 10);

  private CrashWriter() {}

  @SuppressWarnings("try") // the lock is held for the scope, never referenced
  public static void main(String[] args) {
    LocalStateStore store = new LocalStateStore(Path.of(args[0]), "crash");
    State state = store.read().orElse(State.empty("crash", "dev", "ORG@AdobeOrg", "test"));
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (StateLock lock = store.lock(LockInfo.forCurrentProcess("crash-test"), Duration.ZERO)) {
      state = next(state);
      store.write(state);
      out.println(READY);
      while (true) {
        state = next(state);
        store.write(state);
      }
    }
  }

  static State next(State state) {
    State next = state.nextSerial();
    for (int i = 0; i < RESOURCES; i++) {
      next = next.with(resource(i, next.serial()));
    }
    return next;
  }

  private static ResourceState resource(int index, long serial) {
    ObjectNode spec = CanonicalJson.NODES.objectNode();
    spec.put("name", "dataset " + index);
    if (index == 0) {
      // Bulk, so that writing the file takes a good share of each loop: a writer that could tear
      // the file would be caught mid-write by most kills.
      spec.put("description", BLOB);
    }
    ObjectNode attributes = CanonicalJson.NODES.objectNode();
    attributes.put("serial", serial);
    String id = "id-" + index;
    return ResourceState.created(
        "dataset.d" + index, "dataset", id, "d" + index, "", spec, attributes, List.of());
  }

  /** Whether every resource of {@code state} was written together with the state itself. */
  static boolean isComplete(State state) {
    return state.resources().size() == RESOURCES
        && state.resources().stream()
            .allMatch(r -> r.attributes().get("serial").asLong() == state.serial());
  }
}
