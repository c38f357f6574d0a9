package io.aepform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
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
}
