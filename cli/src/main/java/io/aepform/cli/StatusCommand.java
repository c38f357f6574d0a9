package io.aepform.cli;

import io.aepform.cli.render.StatusJsonRenderer;
import io.aepform.cli.render.StatusMarkdownRenderer;
import io.aepform.cli.render.StatusTextRenderer;
import io.aepform.engine.Engine;
import io.aepform.engine.StatusOptions;
import io.aepform.engine.monitor.StatusResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aepform status}: the dataflows in state and their latest runs. */
@Command(
    name = "status",
    description =
        "Show each dataflow in state (or those named): enabled or not, its schedule, its next run and its latest runs with their records, files and errors.",
    footer = {
      "",
      "A run that succeeded but failed some records or files is a partial failure.",
      "Exit codes: 0 (also when runs failed, without --detailed-exitcode), 2 with --detailed-exitcode when the latest run of a flow failed or partly failed, 1 error.",
      "",
      "Examples:",
      "  aepform status --env dev",
      "  aepform status flow.ingest --runs 10",
      "  aepform status --format markdown >> \"$GITHUB_STEP_SUMMARY\"",
      "  aepform status --format json --detailed-exitcode"
    })
final class StatusCommand implements Callable<Integer> {
  private final Cli cli;

  @Mixin CommonOptions common;

  @Parameters(
      arity = "0..*",
      paramLabel = "ADDR",
      description = "Only these dataflows (default: every one in state).")
  List<String> addresses = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "text|json|markdown",
      description = "Output format (default: text).")
  PlanCommand.Format format = PlanCommand.Format.text;

  @Option(
      names = "--runs",
      paramLabel = "N",
      description = "How many of the latest runs to show per flow (default: 5).")
  int runs = 5;

  @Option(
      names = "--detailed-exitcode",
      description = "Exit 2 when the latest run of a flow failed or partly failed.")
  boolean detailedExitcode;

  StatusCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    Engine engine = new Engine(Settings.of(cli, common));
    StatusResult result = engine.status(common.request(), new StatusOptions(addresses, runs));
    cli.out()
        .print(
            switch (format) {
              case json -> StatusJsonRenderer.render(result);
              case markdown -> StatusMarkdownRenderer.render(result);
              case text -> new StatusTextRenderer(Colors.of(common, cli)).render(result);
            });
    return detailedExitcode && result.latestFailedOrPartly() ? 2 : 0;
  }
}
