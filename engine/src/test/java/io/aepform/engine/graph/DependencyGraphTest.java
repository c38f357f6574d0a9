package io.aepform.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.Configuration;
import io.aepform.engine.manifest.Dependency;
import io.aepform.engine.manifest.ManifestLoader;
import io.aepform.engine.manifest.Position;
import io.aepform.engine.provider.Kinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyGraphTest {
  @TempDir Path dir;

  private static Address a(String text) {
    return Address.parse(text).orElseThrow();
  }

  /** {@code dependent} needs {@code dependency}. */
  private static DependencyGraph.Edge needs(String dependent, String dependency) {
    return new DependencyGraph.Edge(
        a(dependency),
        a(dependent),
        new Dependency(a(dependency), new Position(dependent + ".yaml", 4, 9), "dependsOn"));
  }

  private static DependencyGraph graph(List<String> nodes, DependencyGraph.Edge... edges) {
    return DependencyGraph.build(
        nodes.stream().map(DependencyGraphTest::a).toList(), List.of(edges));
  }

  private static List<String> order(DependencyGraph graph) {
    return graph.order().stream().map(Address::toString).toList();
  }

  private Configuration load(String... files) throws IOException {
    for (int i = 0; i < files.length; i += 2) {
      Files.writeString(dir.resolve(files[i]), files[i + 1]);
    }
    return new ManifestLoader(Kinds.all(Clock.systemUTC())).load(dir);
  }

  @Test
  void withoutEdgesTheOrderIsByAddress() {
    DependencyGraph g = graph(List.of("schema.b", "flow.a", "schema.a", "dataset.z"));
    assertThat(order(g)).containsExactly("dataset.z", "flow.a", "schema.a", "schema.b");
  }

  @Test
  void dependenciesComeFirstAndTiesAreBrokenByAddress() {
    DependencyGraph g =
        graph(
            List.of(
                "flow.f",
                "targetConnection.t",
                "sourceConnection.s",
                "dataset.d",
                "connection.c",
                "schema.s"),
            needs("flow.f", "sourceConnection.s"),
            needs("flow.f", "targetConnection.t"),
            needs("targetConnection.t", "dataset.d"),
            needs("dataset.d", "schema.s"),
            needs("sourceConnection.s", "connection.c"));

    assertThat(order(g))
        .containsExactly(
            "connection.c",
            "schema.s",
            "dataset.d",
            "sourceConnection.s",
            "targetConnection.t",
            "flow.f");
  }

  @Test
  void theOrderDoesNotDependOnInputOrder() {
    List<String> nodes = new ArrayList<>(List.of("schema.c", "schema.a", "dataset.b", "flow.x"));
    DependencyGraph.Edge e1 = needs("dataset.b", "schema.c");
    DependencyGraph.Edge e2 = needs("flow.x", "dataset.b");
    List<String> first = order(graph(nodes, e1, e2));
    Collections.reverse(nodes);
    assertThat(order(graph(nodes, e2, e1))).isEqualTo(first);
    assertThat(first).containsExactly("schema.a", "schema.c", "dataset.b", "flow.x");
  }

  @Test
  void edgesAreSortedByDependentThenDependency() {
    DependencyGraph g =
        graph(
            List.of(),
            needs("flow.f", "targetConnection.t"),
            needs("dataset.d", "schema.s"),
            needs("flow.f", "sourceConnection.s"));
    assertThat(g.edges())
        .extracting(e -> e.dependent() + " <- " + e.dependency())
        .containsExactly(
            "dataset.d <- schema.s",
            "flow.f <- sourceConnection.s",
            "flow.f <- targetConnection.t");
  }

  @Test
  void nodesOnlyNamedByEdgesAreIncluded() {
    DependencyGraph g = graph(List.of(), needs("dataset.d", "schema.s"));
    assertThat(g.contains(a("schema.s"))).isTrue();
    assertThat(g.contains(a("schema.other"))).isFalse();
    assertThat(order(g)).containsExactly("schema.s", "dataset.d");
  }

  @Test
  void directDependenciesAndDependents() {
    DependencyGraph g =
        graph(
            List.of(),
            needs("flow.f", "sourceConnection.s"),
            needs("flow.f", "targetConnection.t"),
            needs("targetConnection.t", "dataset.d"));
    assertThat(g.dependenciesOf(a("flow.f")))
        .containsExactly(a("sourceConnection.s"), a("targetConnection.t"));
    assertThat(g.dependentsOf(a("dataset.d"))).containsExactly(a("targetConnection.t"));
    assertThat(g.dependentsOf(a("flow.f"))).isEmpty();
    assertThat(g.dependenciesOf(a("dataset.d"))).isEmpty();
  }

  @Test
  void everythingNeededAndEverythingThatNeeds() {
    DependencyGraph g =
        graph(
            List.of(),
            needs("flow.f", "sourceConnection.s"),
            needs("flow.f", "targetConnection.t"),
            needs("targetConnection.t", "dataset.d"),
            needs("dataset.d", "schema.x"));
    assertThat(g.withDependencies(Set.of(a("targetConnection.t"))))
        .containsExactlyInAnyOrder(a("targetConnection.t"), a("dataset.d"), a("schema.x"));
    assertThat(g.withDependents(Set.of(a("dataset.d"))))
        .containsExactlyInAnyOrder(a("dataset.d"), a("targetConnection.t"), a("flow.f"));
    assertThat(g.withDependents(Set.of(a("schema.unknown"))))
        .as("an address the graph does not hold is kept, with nothing more")
        .containsExactly(a("schema.unknown"));
  }

  @Test
  void twoReasonsForTheSameEdgeMakeOneEdge() {
    DependencyGraph.Edge first = needs("dataset.d", "schema.s");
    DependencyGraph.Edge second =
        new DependencyGraph.Edge(
            a("schema.s"),
            a("dataset.d"),
            new Dependency(a("schema.s"), new Position("d.yaml", 9, 1), "${schema.s.id}"));
    DependencyGraph g = graph(List.of(), first, second);
    assertThat(g.edges()).containsExactly(first);
  }

  @Test
  void aGraphFromManifestsHasAnEdgePerReferenceAndDependsOn() throws IOException {
    Configuration config =
        load(
            "a.yaml",
            "kind: schema\nname: s\nspec: {}\n",
            "b.yaml",
            "kind: dataset\nname: d\nspec:\n  schemaRef:\n    id: ${schema.s.id}\n",
            "c.yaml",
            "kind: flow\nname: f\ndependsOn: [dataset.d]\nspec: {}\n");

    DependencyGraph g = DependencyGraph.build(config);

    assertThat(order(g)).containsExactly("schema.s", "dataset.d", "flow.f");
    assertThat(g.edges())
        .extracting(e -> e.dependent() + " <- " + e.dependency() + " " + e.cause().via())
        .containsExactly("dataset.d <- schema.s ${schema.s.id}", "flow.f <- dataset.d dependsOn");
  }

  @Test
  void aCycleIsReportedWithEveryEdgeAndWhereItIsWritten() throws IOException {
    Configuration config =
        load(
            "a.yaml",
            "kind: dataset\nname: a\nspec:\n  description: ${dataset.b.id}\n",
            "b.yaml",
            "kind: dataset\nname: b\nspec:\n  description: x\ndependsOn: [dataset.a]\n");
    String a = dir.resolve("a.yaml").toString();
    String b = dir.resolve("b.yaml").toString();

    assertThatThrownBy(() -> DependencyGraph.build(config))
        .isInstanceOf(GraphException.class)
        .hasMessage(
            b
                + ":5:13: dependency cycle: dataset.a needs dataset.b (${dataset.b.id} at "
                + a
                + ":4:16), dataset.b needs dataset.a (dependsOn at "
                + b
                + ":5:13): remove one of these references");
  }

  @Test
  void aLongerCycleNamesEveryStep() {
    GraphException e =
        catchCycle(
            () ->
                graph(
                    List.of("schema.z"),
                    needs("dataset.a", "dataset.b"),
                    needs("dataset.b", "dataset.c"),
                    needs("dataset.c", "dataset.a"),
                    needs("flow.x", "dataset.a")));
    assertThat(e.getMessage())
        .contains("dataset.a needs dataset.b (dependsOn at dataset.a.yaml:4:9)")
        .contains("dataset.b needs dataset.c (dependsOn at dataset.b.yaml:4:9)")
        .contains("dataset.c needs dataset.a (dependsOn at dataset.c.yaml:4:9)")
        .doesNotContain("flow.x")
        .doesNotContain("schema.z");
    assertThat(e.code()).isEqualTo("graph.cycle");
    assertThat(e.problem().toString()).isEqualTo(e.getMessage());
  }

  @Test
  void aCycleIsReportedTheSameWayEveryTime() {
    String first =
        catchCycle(
                () ->
                    graph(
                        List.of(),
                        needs("dataset.a", "dataset.b"),
                        needs("dataset.b", "dataset.a"),
                        needs("flow.c", "flow.d"),
                        needs("flow.d", "flow.c")))
            .getMessage();
    String second =
        catchCycle(
                () ->
                    graph(
                        List.of(),
                        needs("flow.d", "flow.c"),
                        needs("flow.c", "flow.d"),
                        needs("dataset.b", "dataset.a"),
                        needs("dataset.a", "dataset.b")))
            .getMessage();
    assertThat(second).isEqualTo(first);
  }

  @Test
  void aSelfReferenceIsACycle() throws IOException {
    Configuration config =
        load("a.yaml", "kind: dataset\nname: a\nspec:\n  description: copy of ${dataset.a.name}\n");
    String a = dir.resolve("a.yaml").toString();

    assertThatThrownBy(() -> DependencyGraph.build(config))
        .isInstanceOf(GraphException.class)
        .hasMessage(
            a
                + ":4:16: dependency cycle: dataset.a needs dataset.a (${dataset.a.name} at "
                + a
                + ":4:16): remove one of these references");
  }

  private static GraphException catchCycle(Runnable build) {
    try {
      build.run();
    } catch (GraphException e) {
      return e;
    }
    throw new AssertionError("expected a cycle");
  }
}
