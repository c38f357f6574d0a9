package io.aepform.engine.runs;

import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.value.Value;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a kind whose objects run on a schedule (a dataflow) tells about them: their schedule,
 * whether they are enabled, and their runs. A kind has it when {@link
 * io.aepform.engine.kind.Kind#runs()} says so; nothing else decides which kinds run.
 */
public interface Runs {
  /**
   * The schedule of an object, from its spec as applied or its body as read; empty if it has none.
   */
  Optional<Schedule> schedule(Value body);

  /** Whether the object, as its spec or body says, is enabled (runs on its schedule). */
  boolean enabled(Value body);

  /**
   * When the object, as read, was last enabled (or else last changed), on the platform's clock:
   * runs it started since then are the ones an enable started.
   */
  Optional<Instant> enabledAt(Value body);

  /**
   * The {@code limit} latest runs of the object with id {@code id}, newest first, in one request:
   * never a page through all of them (a flow every 15 minutes has 35,000 runs a year).
   */
  List<Run> latest(PlatformClient client, String id, int limit);

  /** One run by its id; empty when the platform does not know it. */
  Optional<Run> run(PlatformClient client, String runId);
}
