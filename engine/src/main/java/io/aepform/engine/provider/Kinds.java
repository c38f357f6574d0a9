package io.aepform.engine.provider;

import io.aepform.engine.manifest.ResourceKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The kinds aepform manages, by their {@code kind:} word. */
public final class Kinds {
  private Kinds() {}

  /** Every kind, in the order of the tutorial. */
  public static Map<String, ResourceKind> all() {
    Map<String, ResourceKind> kinds = new LinkedHashMap<>();
    for (ResourceKind k :
        List.of(
            new SchemaHandler(),
            new ConnectionHandler(),
            new SourceConnectionHandler(),
            new DatasetHandler(),
            new TargetConnectionHandler(),
            new FlowHandler())) {
      kinds.put(k.kind(), k);
    }
    return kinds;
  }
}
