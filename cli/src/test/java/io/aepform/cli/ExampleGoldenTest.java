package io.aepform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What users read about the examples: their plans as text, JSON and markdown, their graphs as DOT
 * and mermaid.
 */
class ExampleGoldenTest {
  private static final String PARQUET = "parquet-ingestion";

  // copies: state that running the README's apply leaves in an example must not change the plan
  @TempDir static Path copies;

  @BeforeAll
  static void copyTheExamples() throws IOException {
    for (String example : new String[] {PARQUET, "csv-to-profile"}) {
      TestConfigurations.copy(Path.of("../examples", example), copies.resolve(example));
    }
  }

  private static CliRun run(String... args) {
    return in(PARQUET, args);
  }

  private static CliRun in(String example, String... args) {
    String[] full = new String[args.length + 4];
    System.arraycopy(args, 0, full, 0, args.length);
    String dir = copies.resolve(example).toString();
    System.arraycopy(new String[] {"--dir", dir, "--env", "local"}, 0, full, args.length, 4);
    CliRun run = CliRun.run(full);
    assertThat(run.err()).isEmpty();
    return run;
  }

  @ParameterizedTest
  @ValueSource(strings = {PARQUET, "csv-to-profile"})
  void planText(String example) throws Exception {
    CliRun run = in(example, "plan", "--refresh=false");
    assertThat(run.exitCode()).isZero();
    Golden.check(example + "/plan.txt", run.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {PARQUET, "csv-to-profile"})
  void planJson(String example) throws Exception {
    CliRun run = in(example, "plan", "--refresh=false", "--format", "json");
    Golden.check(example + "/plan.json", run.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {PARQUET, "csv-to-profile"})
  void planMarkdown(String example) throws Exception {
    CliRun run = in(example, "plan", "--refresh=false", "--format", "markdown");
    Golden.check(example + "/plan.md", run.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {PARQUET, "csv-to-profile"})
  void graphDot(String example) throws Exception {
    Golden.check(example + "/graph.dot", in(example, "graph").out());
  }

  @ParameterizedTest
  @ValueSource(strings = {PARQUET, "csv-to-profile"})
  void graphMermaid(String example) throws Exception {
    Golden.check(example + "/graph.mmd", in(example, "graph", "--format", "mermaid").out());
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
