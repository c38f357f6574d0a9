package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.emulator.ResourceKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 (7): state stops being writable in the middle of an apply, right after the platform
 * created the schema and before aepform could record it. The error is the state's own, says what
 * was and was not recorded, nothing new starts, and once state is back the next apply adopts the
 * schema instead of creating a second one.
 */
class StateWriteFailureIT {
  private static final String SCHEMAS = "/data/foundation/schemaregistry/tenant/schemas";

  @TempDir Path tmp;

  @RegisterExtension
  final LocalPlatformExtension platform = LocalPlatformExtension.example("parquet-ingestion");

  @Test
  void aStateWriteFailingMidApplySaysWhatWasRecordedAndTheNextApplyAdopts() throws Exception {
    Path state = platform.stateFile();
    Path aside = state.resolveSibling("aside.json");
    AtomicBoolean broken = new AtomicBoolean();
    CliRun apply;
    try (ForwardingProxy proxy =
        new ForwardingProxy(
            platform.emulator.baseUrl(),
            (method, path) -> {
              if (method.equals("POST")
                  && path.equals(SCHEMAS)
                  && broken.compareAndSet(false, true)) {
                unwritable(state, aside);
              }
            })) {
      Map<String, String> env = new HashMap<>(platform.env());
      env.put("AEP_PLATFORM_URL", proxy.baseUrl());
      apply = CliRun.run(env, platform.args("apply", "--auto-approve", "--parallelism", "1"));
    }

    assertThat(broken).isTrue();
    assertThat(apply.exitCode()).isEqualTo(1);
    // other steps were in flight: whichever wrote first met the state error itself, the others
    // were told of it; either way the schema's error says what AEP and state now hold
    assertThat(apply.err())
        .doesNotContain("internal error")
        .doesNotContain("CompletionException")
        .contains("were not attempted because state could not be written");
    String schemaError =
        apply
            .err()
            .lines()
            .filter(l -> l.startsWith("Error: schema.demo_profile: "))
            .findFirst()
            .orElseThrow();
    assertThat(schemaError)
        .matches(
            "Error: schema\\.demo_profile: (not recorded in state: an earlier state write failed: )?"
                + "Cannot (read|write) the state "
                + Pattern.quote(state.toString())
                + ": .*\\. schema\\.demo_profile was created in AEP \\(id https://ns\\.adobe\\.com/"
                + "[^)]+\\) but state records it only as pending: the next plan or apply looks it up"
                + " by name and adopts it\\.");
    assertThat(apply.out()).contains("Apply failed.");
    int dataCallsAfter = platform.count(ResourceKind.DATASET) + platform.count(ResourceKind.FLOW);
    assertThat(dataCallsAfter).as("nothing that needs the schema was created").isZero();

    restore(state, aside);
    CliRun again = CliRun.run(platform.env(), platform.args("apply", "--auto-approve"));
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(platform.count(ResourceKind.SCHEMA))
        .as("the schema is adopted, not made twice")
        .isOne();
    assertThat(platform.total()).isEqualTo(7);
  }

  /** Puts a directory where the state file was: reading or replacing it fails from now on. */
  private static void unwritable(Path state, Path aside) {
    try {
      Files.move(state, aside);
      Files.createDirectories(state);
      Files.writeString(state.resolve("keep"), "a directory where the state file should be");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void restore(Path state, Path aside) throws IOException {
    Files.delete(state.resolve("keep"));
    Files.delete(state);
    Files.move(aside, state);
  }
}
