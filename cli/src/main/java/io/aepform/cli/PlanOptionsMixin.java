package io.aepform.cli;

import io.aepform.engine.PlanOptions;
import java.util.ArrayList;
import java.util.List;
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

  @Option(
      names = "--target",
      paramLabel = "ADDR",
      description =
          "Only ADDR and what it depends on; with --destroy, ADDR and what depends on it"
              + " (repeatable).")
  List<String> targets = new ArrayList<>();

  @Option(
      names = "--exclude",
      paramLabel = "ADDR",
      description =
          "Leave out ADDR and what depends on it; with --destroy, keep ADDR and what it"
              + " depends on (repeatable).")
  List<String> excludes = new ArrayList<>();

  @Option(
      names = "--replace",
      paramLabel = "ADDR",
      description =
          "Replace ADDR even if unchanged; also confirms replacing a schema or dataset (repeatable).")
  List<String> replaces = new ArrayList<>();

  @Option(
      names = "--refresh-only",
      description =
          "Only show what changed outside aepform; apply then records it in state and changes nothing remote.")
  boolean refreshOnly;

  PlanOptions options() {
    return new PlanOptions(refresh, targets, excludes, replaces, refreshOnly);
  }
}
