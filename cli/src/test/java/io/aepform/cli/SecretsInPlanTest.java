package io.aepform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Known secret values never appear in plan text or JSON, whichever way they come in. */
class SecretsInPlanTest {
  // a copy: state that running the README's apply leaves in the example must not change the plan
  @TempDir static Path copy;
  private static String EXAMPLE;

  @BeforeAll
  static void copyTheExample() throws IOException {
    TestConfigurations.copy(Path.of("../examples/parquet-ingestion"), copy);
    EXAMPLE = copy.toString();
  }

  private static final String SECRET = "s3cr3t-Value-That-Must-Not-Leak";

  @Test
  void secretFromVarFlagIsNeverPrinted() {
    for (String format : new String[] {"text", "json"}) {
      CliRun run =
          CliRun.run(
              "plan",
              "--refresh=false",
              "--dir",
              EXAMPLE,
              "--env",
              "local",
              "--format",
              format,
              "--var",
              "s3_secret_key=" + SECRET);
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).doesNotContain(SECRET).contains("s3SecretKey");
      assertThat(run.err()).doesNotContain(SECRET);
    }
  }

  @Test
  void secretFromProcessEnvironmentIsNeverPrinted() {
    Map<String, String> env = Map.of("S3_ACCESS_KEY", "AKIAEXAMPLE", "S3_SECRET_KEY", SECRET);
    for (String format : new String[] {"text", "json"}) {
      CliRun run =
          CliRun.run(
              env, "plan", "--refresh=false", "--dir", EXAMPLE, "--env", "dev", "--format", format);
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).doesNotContain(SECRET).contains("AKIAEXAMPLE");
    }
  }

  @Test
  void textShowsSensitiveMarkerAndJsonFlagsIt() {
    String text = CliRun.run("plan", "--refresh=false", "--dir", EXAMPLE, "--env", "local").out();
    assertThat(text).contains("s3SecretKey = (sensitive)");
    String json =
        CliRun.run(
                "plan", "--refresh=false", "--dir", EXAMPLE, "--env", "local", "--format", "json")
            .out();
    assertThat(json).contains("\"s3SecretKey\" : true").doesNotContain("local-example-secret");
  }

  /**
   * Issue 14 section 2: a variable not declared sensitive that reaches a secret parameter through
   * an expression is sensitive everywhere it is read (another resource's field, an output), and a
   * plan file keeps it only as a digest.
   */
  @Test
  void aVariableThatReachesASecretThroughAnExpressionIsSensitiveEverywhere(@TempDir Path dir)
      throws IOException {
    TestConfigurations.copy(Path.of("../examples/parquet-ingestion"), dir);
    edit(dir.resolve("variables.yaml"), "sensitive: true\n", "");
    edit(
        dir.resolve("connections.yaml"),
        "s3SecretKey: ${var.s3_secret_key}",
        "s3SecretKey: \"key-${var.s3_secret_key}\"");
    edit(
        dir.resolve("dataset.yaml"),
        "  name: Leads Dataset\n",
        "  name: Leads Dataset\n  description: \"about ${var.s3_secret_key}\"\n");
    Files.writeString(
        dir.resolve("outputs.yaml"),
        "---\nkind: output\nname: key\nvalue: ${var.s3_secret_key}\n",
        StandardOpenOption.APPEND);
    Path planFile = dir.resolve("saved.plan");
    String[] plan = {
      "plan",
      "--refresh=false",
      "--dir",
      dir.toString(),
      "--env",
      "local",
      "--var",
      "s3_secret_key=" + SECRET
    };
    CliRun text = CliRun.run(concat(plan, "--out", planFile.toString()));
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out())
        .doesNotContain(SECRET)
        .contains("s3SecretKey = (sensitive)")
        .contains("description     = (sensitive)")
        .contains("key        = (sensitive)");
    assertThat(Files.readString(planFile)).doesNotContain(SECRET);
    String json = CliRun.run(concat(plan, "--format", "json")).out();
    assertThat(json).doesNotContain(SECRET).contains("\"description\" : true");
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
