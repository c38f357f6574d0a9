package io.aepform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.Emulator;
import io.aepform.emulator.ResourceKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What an emulator holds in one sandbox, as the end-to-end tests check it. */
public final class SandboxObjects {
  /** What examples/parquet-ingestion declares: one object of each kind, two base connections. */
  public static final Map<ResourceKind, Integer> EXAMPLE = example();

  private final Emulator emulator;
  private final String orgId;
  private final String sandbox;

  public SandboxObjects(Emulator emulator, String orgId, String sandbox) {
    this.emulator = emulator;
    this.orgId = orgId;
    this.sandbox = sandbox;
  }

  public int count(ResourceKind kind) {
    return emulator.count(kind, orgId, sandbox);
  }

  /** The objects of the example's kinds (a sandbox also holds Adobe's own namespaces, ...). */
  public int total() {
    return EXAMPLE.keySet().stream().mapToInt(this::count).sum();
  }

  /** The names of the objects of {@code kind} (schemas: their title), duplicates kept. */
  public List<String> names(ResourceKind kind) {
    String field = kind == ResourceKind.SCHEMA ? "title" : "name";
    return emulator.objects(kind, orgId, sandbox).stream()
        .map((ObjectNode o) -> o.path(field).asText())
        .toList();
  }

  /** Exactly one object per resource of the example, none twice by name, none more. */
  public void assertExactlyTheExample(String when) {
    for (ResourceKind kind : EXAMPLE.keySet()) {
      List<String> names = names(kind);
      assertThat(names).as(when + ": %s objects on the platform", kind).doesNotHaveDuplicates();
      assertThat(names).as(when + ": %s objects on the platform", kind).hasSize(EXAMPLE.get(kind));
    }
  }

  private static Map<ResourceKind, Integer> example() {
    Map<ResourceKind, Integer> m = new EnumMap<>(ResourceKind.class);
    for (ResourceKind k :
        List.of(
            ResourceKind.SCHEMA,
            ResourceKind.CONNECTION,
            ResourceKind.SOURCE_CONNECTION,
            ResourceKind.DATASET,
            ResourceKind.TARGET_CONNECTION,
            ResourceKind.FLOW)) {
      m.put(k, 1);
    }
    m.put(ResourceKind.CONNECTION, 2);
    return Collections.unmodifiableMap(m);
  }
}
