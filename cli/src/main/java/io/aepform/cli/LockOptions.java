package io.aepform.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --lock-timeout}, for commands that write state. */
final class LockOptions {
  @Spec(Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--lock-timeout",
      paramLabel = "DURATION",
      description =
          "How long to wait for the state lock, e.g. 30s, 5m (default: 0s, fail at once).")
  String lockTimeout = "0s";

  Duration timeout() {
    String t = lockTimeout.trim().toLowerCase(Locale.ROOT);
    Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(t);
    if (!m.matches()) {
      throw new ParameterException(
          spec.commandLine(), "invalid --lock-timeout '" + lockTimeout + "': use e.g. 30s, 5m, 1h");
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
