package io.aepform.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code apply --wait-for-runs [--wait-timeout D]}. */
final class WaitForRunsOptions {
  @Spec(Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--wait-for-runs",
      description =
          "After applying, wait for the first run of each dataflow created, replaced or enabled again, and report it; exit 1 if one fails, partly fails or does not end in time.")
  boolean waitForRuns;

  @Option(
      names = "--wait-timeout",
      paramLabel = "DURATION",
      description =
          "How long --wait-for-runs waits, e.g. 90s, 15m (default: 10m). A flow whose first run is due later is reported, not waited for.")
  String waitTimeout = "10m";

  Duration timeout() {
    String t = waitTimeout.trim().toLowerCase(Locale.ROOT);
    Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(t);
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new ParameterException(
          spec.commandLine(),
          "invalid --wait-timeout '" + waitTimeout + "': use e.g. 90s, 15m, 1h");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
  }
}
