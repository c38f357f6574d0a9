package io.aepform.emulator.runs;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One run of a flow before it is written out: when it started, when the one before it started (its
 * files are those changed since), and the stretch whose settings it follows.
 *
 * @param previousAt the start of the flow's previous run, or {@link Segment#NONE}
 * @param draw what the run's outcome is drawn from besides the seed: the flow's salt and the run's
 *     place in the flow's history
 */
record RunRef(String flowId, long at, long previousAt, Segment segment, String draw) {
  /** A stable UUID per flow and start time, so a run keeps its id across reads and restarts. */
  String id() {
    return UUID.nameUUIDFromBytes((flowId + "/" + at).getBytes(StandardCharsets.UTF_8)).toString();
  }

  long completesAt() {
    return at + segment.settings().durationMillis();
  }

  boolean completedBy(long now) {
    return now >= completesAt();
  }
}
