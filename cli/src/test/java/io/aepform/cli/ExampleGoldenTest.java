package io.aepform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What users read about the example: its plan as text and JSON, its graph as DOT and mermaid. */
class ExampleGoldenTest {
  // a copy: state that running the README's apply leaves in the example must not change the plan
  @TempDir static Path copy;
  private static String EXAMPLE;

  @BeforeAll
  static void copyTheExample() throws IOException {
    TestConfigurations.copy(Path.of("../examples/parquet-ingestion"), copy);
    EXAMPLE = copy.toString();
  }

  private static CliRun run(String... args) {
    String[] full = new String[args.length + 4];
    System.arraycopy(args, 0, full, 0, args.length);
    System.arraycopy(new String[] {"--dir", EXAMPLE, "--env", "local"}, 0, full, args.length, 4);
    CliRun run = CliRun.run(full);
    assertThat(run.err()).isEmpty();
    return run;
  }

  @Test
  void planText() throws Exception {
    CliRun run = run("plan", "--refresh=false");
    assertThat(run.exitCode()).isZero();
    Golden.check("parquet-ingestion/plan.txt", run.out());
  }

  @Test
  void planJson() throws Exception {
    CliRun run = run("plan", "--refresh=false", "--format", "json");
    Golden.check("parquet-ingestion/plan.json", run.out());
  }

  @Test
  void graphDot() throws Exception {
    Golden.check("parquet-ingestion/graph.dot", run("graph").out());
  }

  @Test
  void graphMermaid() throws Exception {
    Golden.check("parquet-ingestion/graph.mmd", run("graph", "--format", "mermaid").out());
  }

  @Test
  void detailedExitcodeSaysThereAreChanges() {
    assertThat(run("plan", "--refresh=false", "--detailed-exitcode").exitCode()).isEqualTo(2);
  }

  @Test
  void renderingTheSamePlanTwiceGivesTheSameBytes() {
    assertThat(run("plan", "--refresh=false", "--format", "json").out())
        .isEqualTo(run("plan", "--refresh=false", "--format", "json").out());
  }

  @Test
  void planListsTheSevenCreatesInDependencyOrder() {
    String out = run("plan", "--refresh=false").out();
    assertThat(out).contains("Plan: 7 to add, 0 to change, 0 to destroy.");
    assertThat(out.indexOf("# schema.demo_profile will be created"))
        .isLessThan(out.indexOf("# dataset.leads will be created"));
    assertThat(out.indexOf("# dataset.leads will be created"))
        .isLessThan(out.indexOf("# targetConnection.leads will be created"));
    assertThat(out.indexOf("# targetConnection.leads will be created"))
        .isLessThan(out.indexOf("# flow.ingest will be created"));
  }

  @Test
  void validatesTheExample() {
    CliRun run = run("validate");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Success! The configuration is valid (7 resources).");
  }
}
