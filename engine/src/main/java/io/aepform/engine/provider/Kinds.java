package io.aepform.engine.provider;

import io.aepform.engine.kind.Kind;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The kinds aepform manages: the one list a new kind is added to. */
public final class Kinds {
  private Kinds() {}

  /** Every kind, by its {@code kind:} word, in the order of the tutorial (and of exports). */
  public static Map<String, Kind> all(Clock clock) {
    Map<String, Kind> kinds = new LinkedHashMap<>();
    for (Kind k :
        List.of(
            new IdentityNamespaceKind(),
            new DataTypeKind(),
            new FieldGroupKind(),
            new SchemaKind(),
            new DescriptorKind(),
            new ConnectionKind(clock),
            new SourceConnectionKind(clock),
            new DatasetKind(clock),
            new TargetConnectionKind(clock),
            new MappingSetKind(clock),
            new FlowKind(clock),
            new MergePolicyKind())) {
      kinds.put(k.kind(), k);
    }
    return Collections.unmodifiableMap(kinds);
  }
}
