package io.aepform.engine.apply;

import io.aepform.engine.kind.Kind;
import io.aepform.engine.manifest.Evaluator;
import io.aepform.engine.provider.http.PlatformClient;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** What the operations of one apply share. */
public record ApplyContext(
    PlatformClient client,
    Map<String, Kind> handlers,
    StateWriter writer,
    Evaluator.Scope scope,
    String salt,
    String runId,
    Limiter limiter,
    ApplyListener listener,
    AtomicBoolean cancelled,
    Clock clock) {
  public ApplyContext {
    handlers = Map.copyOf(handlers);
  }
}
