package io.aepform.cli;

import io.aepform.cli.render.ProblemRenderer;
import io.aepform.engine.Engine;
import io.aepform.engine.ValidationResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aepform validate}: check the configuration offline. */
@Command(
    name = "validate",
    description = "Parse, resolve and check the whole configuration offline: no state, no network.",
    footer = {
      "",
      "Examples:",
      "  aepform validate --dir examples/parquet-ingestion --env local",
      "  aepform validate --format json"
    })
final class ValidateCommand implements Callable<Integer> {
  private final Cli cli;

  @Mixin CommonOptions common;
  @Mixin CommonOptions.VarOptions vars;

  @Option(
      names = "--format",
      paramLabel = "text|json",
      description = "Output format (default: text).")
  OutputFormat format = OutputFormat.text;

  enum OutputFormat {
    text,
    json
  }

  ValidateCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    ValidationResult result = new Engine(cli.env()).validate(common.request(vars));
    if (format == OutputFormat.json) {
      cli.out().print(ProblemRenderer.json(result));
    } else {
      ProblemRenderer.text(result, cli.out(), cli.err());
    }
    return result.valid() ? 0 : 1;
  }
}
