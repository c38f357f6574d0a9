package io.aepform.engine.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.graph.DependencyGraph;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.provider.Kinds;
import io.aepform.engine.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outputs an apply reports: the same as resolving everything, resolving only what they read.
 */
class ResolverOutputsTest {
  private static final Map<String, Kind> KINDS = Kinds.all(Clock.systemUTC());
  private static final Address SCHEMA = new Address("schema", "demo");

  @TempDir Path dir;

  @Test
  void outputsResolvingOnlyWhatTheyReadAreThoseOfTheWholeResolution() throws IOException {
    Files.writeString(
        dir.resolve("main.yaml"),
        """
        kind: schema
        name: demo
        spec:
          title: Demo
          allOf:
            - $ref: https://ns.adobe.com/xdm/context/profile
        ---
        kind: dataset
        name: leads
        spec:
          name: ${schema.demo.title} leads
          schemaRef:
            id: ${schema.demo.id}
            contentType: application/vnd.adobe.xed-full+json;version=1
        ---
        kind: output
        name: schema_id
        value: ${schema.demo.id}
        ---
        kind: output
        name: dataset_name
        value: ${dataset.leads.name}
        ---
        kind: output
        name: dataset_id
        value: ${dataset.leads.id}
        """);
    Configuration config = new ManifestLoader(KINDS).load(dir);
    Resolver.KnownIds known =
        (a, attr) ->
            a.equals(SCHEMA) && attr.equals("id")
                ? Optional.of(new Value.Str("https://ns.adobe.com/t/schemas/1"))
                : Optional.empty();
    Resolver resolver = new Resolver(KINDS);

    List<OutputValue> onDemand = resolver.outputsResolving(config, Map.of(), Map.of(), known);

    List<Address> order = DependencyGraph.build(config).order();
    assertThat(onDemand)
        .isEqualTo(resolver.resolve(config, order, Map.of(), Map.of(), known).outputs());
    assertThat(onDemand.get(0).value())
        .isEqualTo(new Value.Str("https://ns.adobe.com/t/schemas/1"));
    assertThat(onDemand.get(1).value()).isEqualTo(new Value.Str("Demo leads"));
    assertThat(onDemand.get(2).value()).isInstanceOf(Value.Unknown.class);
  }
}
