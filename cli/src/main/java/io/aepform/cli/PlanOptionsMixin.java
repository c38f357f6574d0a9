package io.aepform.cli;

import io.aepform.engine.PlanOptions;
import picocli.CommandLine.Option;

/** The options that shape a plan, shared by plan and apply. */
final class PlanOptionsMixin {
  @Option(
      names = "--refresh",
      arity = "1",
      paramLabel = "true|false",
      description =
          "Ask the platform before planning (default: true); false plans from files and state alone.")
  boolean refresh = true;

  PlanOptions options() {
    return new PlanOptions(refresh);
  }
}
