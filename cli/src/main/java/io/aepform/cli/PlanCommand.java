package io.aepform.cli;

import io.aepform.cli.render.ApplyProgress;
import io.aepform.cli.render.PlanJsonRenderer;
import io.aepform.cli.render.PlanMarkdownRenderer;
import io.aepform.cli.render.PlanTextRenderer;
import io.aepform.cli.render.Style;
import io.aepform.engine.Engine;
import io.aepform.engine.plan.Plan;
import io.aepform.engine.recovery.PendingListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aepform plan}: show what apply would do. */
@Command(
    name = "plan",
    description = "Show what apply would do.",
    footer = {
      "",
      "Exit codes: 0 no changes (or changes without --detailed-exitcode), 2 changes (outputs included) with --detailed-exitcode",
      "(with --refresh-only: changes made outside aepform that apply would record in state), 1 error.",
      "",
      "Examples:",
      "  aepform plan --env dev",
      "  aepform plan --env dev --format json > plan.json",
      "  aepform plan --detailed-exitcode"
    })
final class PlanCommand implements Callable<Integer> {
  private final Cli cli;

  @Mixin CommonOptions common;
  @Mixin CommonOptions.VarOptions vars;
  @Mixin PlanOptionsMixin planOptions;

  @Option(
      names = "--format",
      paramLabel = "text|json|markdown",
      description = "Output format (default: text).")
  Format format = Format.text;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Save the plan to FILE, to apply exactly it later with apply FILE.")
  Path out;

  @Option(
      names = "--detailed-exitcode",
      description = "Exit 2 when there are changes (to objects or outputs).")
  boolean detailedExitcode;

  @Option(
      names = "--destroy",
      description =
          "Plan to delete everything state holds (what destroy would do); with --out, apply FILE destroys.")
  boolean destroy;

  enum Format {
    text,
    json,
    markdown
  }

  PlanCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    Engine engine = new Engine(Settings.of(cli, common));
    var options = destroy ? planOptions.options().destroying() : planOptions.options();
    // progress goes where it does not mix into a machine-read plan
    Style style = Colors.of(common, cli);
    PrintStream progress = format == Format.text ? cli.out() : cli.err();
    PendingListener pending =
        (address, until) -> progress.println(ApplyProgress.lookingFor(address, until, style));
    Plan plan =
        out == null
            ? engine.plan(common.request(vars), options, pending)
            : engine.savePlan(common.request(vars), options, out, pending);
    if (format == Format.json) {
      cli.out().print(PlanJsonRenderer.render(plan));
    } else if (format == Format.markdown) {
      cli.out().print(PlanMarkdownRenderer.render(plan));
    } else {
      PlanTextRenderer text = new PlanTextRenderer(style);
      cli.out()
          .print(
              planOptions.refreshOnly
                  ? text.renderRefreshOnly(plan)
                  : destroy ? text.renderDestroy(plan) : text.render(plan));
    }
    if (out != null && format == Format.text) {
      cli.out()
          .println(
              "\nSaved the plan to: "
                  + out
                  + "\nTo perform exactly these actions, run: aepform apply "
                  + out);
    }
    return detailedExitcode && changes(plan) ? 2 : 0;
  }

  /** What --detailed-exitcode counts: drift to record for --refresh-only, else any change. */
  private boolean changes(Plan plan) {
    return planOptions.refreshOnly
        ? !plan.drift().isEmpty()
        : plan.hasChanges() || plan.hasOutputChanges();
  }
}
