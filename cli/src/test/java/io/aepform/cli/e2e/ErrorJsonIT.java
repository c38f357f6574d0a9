package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aepform.cli.CliRun;
import io.aepform.cli.Golden;
import io.aepform.cli.LocalPlatformExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failures that need a platform, under {@code --format json}: the diagnostics document says which
 * domain refused and why, with the same message as the {@code Error:} line (golden files under
 * golden/errors).
 */
class ErrorJsonIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  final LocalPlatformExtension platform = LocalPlatformExtension.example("parquet-ingestion");

  @Test
  void refusedCredentialsArePlatformUnauthorizedWithTheAnswersDetails() throws Exception {
    String secret = "wrong-Client-Secret-7c1d";
    CliRun run = platform.cli(Map.of("AEP_CLIENT_SECRET", secret), "plan", "--format", "json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out() + run.err()).doesNotContain(secret);
    JsonNode diagnostic = JSON.readTree(run.out()).path("diagnostics").path(0);
    assertThat(run.err()).isEqualTo("Error: " + diagnostic.path("message").asText() + "\n");
    String requestId = diagnostic.path("platform").path("request_id").asText();
    assertThat(requestId).isNotEmpty();
    Golden.check(
        "errors/platform-unauthorized.json",
        normalized(run.out()).replace(requestId, "{request-id}"));
  }

  @Test
  void aPreventedDestroyIsASafetyRefusal() throws Exception {
    LifecycleSteps steps = new LifecycleSteps(platform);
    steps.lifecycle("dataset.yaml", "preventDestroy: true\n");
    steps.apply();

    CliRun run = steps.cli("plan", "--destroy", "--format", "json");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode diagnostic = JSON.readTree(run.out()).path("diagnostics").path(0);
    assertThat(run.err()).isEqualTo("Error: " + diagnostic.path("message").asText() + "\n");
    Golden.check("errors/prevent-destroy.json", normalized(run.out()));
  }

  /** Without this run's directory and platform address. */
  private String normalized(String out) {
    return out.replace(platform.dir.toString(), "{dir}")
        .replace(platform.emulator.baseUrl(), "{platform}");
  }
}
