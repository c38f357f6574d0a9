package io.aepform.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Command-line flags for {@link EmulatorOptions}, so a CLI command can reuse one parser. */
public final class EmulatorFlags {
  /** One line per flag, for a command's help text. */
  public static final String HELP =
      String.join(
          "\n",
          "--port N                     TCP port on 127.0.0.1 (0 = any free port; default 0)",
          "--data-dir DIR               persist objects under DIR (default: in memory)",
          "--client ID:SECRET:ORG       accept this API client (repeatable; default aepform-local)",
          "--seed N                     seed for reproducible faults (default 42)",
          "--latency-ms N               delay every data call by N ms",
          "--failure-rate F             fraction 0..1 of data calls that fail",
          "--failure-kinds K,...        server-error,too-many-requests,drop,slow"
              + " (default the first three)",
          "--slow-ms N                  extra delay of a 'slow' failure (default 2000)",
          "--retry-after S              Retry-After seconds on 429 (default 1)",
          "--create-then-fail-rate F    fraction 0..1 of creates that succeed but answer 500",
          "--rate-limit N               data calls per second before 429 (0 = none)",
          "--list-lag-ms N              lists miss objects created or changed in the last N ms",
          "--create-then-timeout-rate F fraction 0..1 of creates that succeed but answer 504",
          "--timeout-ms N               wait before a create-then-timeout 504 (default 60000)",
          "--catalog-page-cap N         Catalog list pages hold at most N objects (0 = none)",
          "--run-duration-ms N          how long a dataflow run stays inProgress (default 2000)",
          "--run-failure-rate F         fraction 0..1 of dataflow runs that fail",
          "--run-partial-failure-rate F fraction 0..1 of runs that succeed with failed records",
          "--bucket-dir DIR             a local folder as the source bucket: runs count its files");

  private EmulatorFlags() {}

  /** Accepts {@code --flag value} and {@code --flag=value}. */
  public static EmulatorOptions parse(String[] args) {
    EmulatorOptions.Builder b = EmulatorOptions.builder();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      String value;
      int eq = flag.indexOf('=');
      if (flag.startsWith("--") && eq > 0) {
        value = flag.substring(eq + 1);
        flag = flag.substring(0, eq);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("flag " + flag + " needs a value");
      }
      apply(b, flag, value);
    }
    return b.build();
  }

  private static void apply(EmulatorOptions.Builder b, String flag, String value) {
    switch (flag) {
      case "--port" -> b.port(integer(flag, value));
      case "--data-dir" -> b.dataDir(Path.of(value));
      case "--client" -> b.client(client(value));
      case "--seed" -> b.seed(number(flag, value));
      case "--latency-ms" -> b.latency(Duration.ofMillis(number(flag, value)));
      case "--failure-rate" -> b.failureRate(decimal(flag, value));
      case "--failure-kinds" -> b.failureKinds(kinds(value));
      case "--slow-ms" -> b.slowDelay(Duration.ofMillis(number(flag, value)));
      case "--retry-after" -> b.retryAfterSeconds(integer(flag, value));
      case "--create-then-fail-rate" -> b.createThenFailRate(decimal(flag, value));
      case "--rate-limit" -> b.rateLimit(decimal(flag, value));
      case "--list-lag-ms" -> b.listLag(Duration.ofMillis(number(flag, value)));
      case "--create-then-timeout-rate" -> b.createThenTimeoutRate(decimal(flag, value));
      case "--timeout-ms" -> b.timeoutDelay(Duration.ofMillis(number(flag, value)));
      case "--catalog-page-cap" -> b.catalogPageCap(integer(flag, value));
      case "--run-duration-ms" -> b.runDuration(Duration.ofMillis(number(flag, value)));
      case "--run-failure-rate" -> b.runFailureRate(decimal(flag, value));
      case "--run-partial-failure-rate" -> b.runPartialFailureRate(decimal(flag, value));
      case "--bucket-dir" -> b.bucketDir(Path.of(value));
      default -> throw new IllegalArgumentException("unknown flag " + flag + "\n" + HELP);
    }
  }

  private static ClientCredentials client(String value) {
    String[] p = value.split(":", 3);
    if (p.length != 3) {
      throw new IllegalArgumentException("--client expects ID:SECRET:ORG, got an invalid value");
    }
    return new ClientCredentials(p[0], p[1], p[2]);
  }

  private static Set<FaultKind> kinds(String value) {
    return Arrays.stream(value.split(","))
        .map(FaultKind::parse)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(FaultKind.class)));
  }

  private static int integer(String flag, String value) {
    return (int) number(flag, value);
  }

  private static long number(String flag, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " expects an integer, got '" + value + "'");
    }
  }

  private static double decimal(String flag, String value) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " expects a number, got '" + value + "'");
    }
  }
}
