package io.aepform.cli;

import io.aepform.cli.render.PlanJsonRenderer;
import io.aepform.cli.render.PlanMarkdownRenderer;
import io.aepform.cli.render.PlanTextRenderer;
import io.aepform.cli.render.StateJsonRenderer;
import io.aepform.cli.render.StateRenderer;
import io.aepform.engine.Engine;
import io.aepform.engine.plan.Plan;
import io.aepform.error.UsageException;
import io.aepform.state.ResourceState;
import io.aepform.state.State;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aepform show [PLANFILE]}: a saved plan, or the state. */
@Command(
    name = "show",
    description = "Show a saved plan, or without one the state of the environment.",
    footer = {
      "",
      "Examples:",
      "  aepform show plan.out",
      "  aepform show plan.out --format json",
      "  aepform show --env dev",
      "  aepform show --env dev --format json"
    })
final class ShowCommand implements Callable<Integer> {
  private final Cli cli;

  @Mixin CommonOptions common;

  @Parameters(
      arity = "0..1",
      paramLabel = "PLANFILE",
      description = "A plan saved with plan --out.")
  Path planFile;

  @Option(
      names = "--format",
      paramLabel = "text|json|markdown",
      description =
          "Output format (default: text); without PLANFILE, json prints the state as JSON"
              + " (markdown is for plans).")
  PlanCommand.Format format = PlanCommand.Format.text;

  ShowCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    Engine engine = new Engine(cli.env());
    if (planFile != null) {
      Plan plan = engine.readPlan(planFile);
      cli.out()
          .print(
              format == PlanCommand.Format.markdown
                  ? PlanMarkdownRenderer.render(plan)
                  : format == PlanCommand.Format.json
                      ? PlanJsonRenderer.render(plan)
                      : new PlanTextRenderer(Colors.of(common, cli)).render(plan));
      return 0;
    }
    State state = StateCommand.read(cli, common);
    if (format == PlanCommand.Format.json) {
      cli.out().print(StateJsonRenderer.render(state));
      return 0;
    }
    if (format == PlanCommand.Format.markdown) {
      throw new UsageException(
          UsageException.Code.INVALID_ARGUMENTS,
          "--format markdown renders a saved plan: pass PLANFILE, or use text or json for the state");
    }
    for (ResourceState r : state.resources()) {
      cli.out().print(StateRenderer.show(r));
      cli.out().println();
    }
    return 0;
  }
}
