package io.aepform.engine.provider;

import io.aepform.engine.manifest.ResourceKind;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The kinds aepform manages, by their {@code kind:} word. */
public final class Kinds {
  private Kinds() {}

  /** Every kind's rules, in the order of the tutorial. */
  public static Map<String, ResourceKind> all() {
    return new LinkedHashMap<>(handlers(Clock.systemUTC()));
  }

  /** Every kind's handler, in the order of the tutorial. */
  public static Map<String, ResourceHandler> handlers(Clock clock) {
    Map<String, ResourceHandler> kinds = new LinkedHashMap<>();
    for (ResourceHandler k :
        List.of(
            new SchemaHandler(),
            new ConnectionHandler(clock),
            new SourceConnectionHandler(clock),
            new DatasetHandler(clock),
            new TargetConnectionHandler(clock),
            new FlowHandler(clock))) {
      kinds.put(k.kind(), k);
    }
    return kinds;
  }
}
