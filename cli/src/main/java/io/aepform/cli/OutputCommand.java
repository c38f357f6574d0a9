package io.aepform.cli;

import io.aepform.cli.render.OutputText;
import io.aepform.engine.Engine;
import io.aepform.engine.manifest.OutputValue;
import io.aepform.engine.value.Values;
import io.aepform.error.UsageException;
import io.aepform.state.StateException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aepform output [NAME] [--json]}: the outputs, from the ids state holds. */
@Command(
    name = "output",
    description =
        "Print the outputs (all, or one by name), from what state holds. Sensitive ones stay hidden.",
    footer = {
      "",
      "Examples:",
      "  aepform output --env dev",
      "  aepform output flow_id --env dev",
      "  aepform output --json --env dev"
    })
final class OutputCommand implements Callable<Integer> {
  private final Cli cli;

  @Mixin CommonOptions common;
  @Mixin CommonOptions.VarOptions vars;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "One output.")
  String name;

  @Option(
      names = "--json",
      description = "JSON: {name: {value, sensitive}}; sensitive values are null.")
  boolean json;

  OutputCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    Engine engine = new Engine(cli.env());
    List<OutputValue> outputs = engine.outputs(common.request(vars));
    if (name != null) {
      outputs = outputs.stream().filter(o -> o.name().equals(name)).toList();
      if (outputs.isEmpty()) {
        throw new UsageException(
            UsageException.Code.INVALID_ARGUMENTS, "no output named '" + name + "' is declared");
      }
    }
    // as after Terraform's destroy: state holding no object has no outputs
    boolean applied =
        engine.state(common.request()).map(s -> !s.resources().isEmpty()).orElse(false);
    if (applied && name != null && !Values.isKnown(outputs.get(0).value())) {
      throw new StateException(
          StateException.Code.NOT_FOUND,
          "output '"
              + name
              + "' has no value yet: state does not hold the objects it reads. Run aepform apply");
    }
    if (!applied || outputs.stream().noneMatch(o -> Values.isKnown(o.value()))) {
      cli.out().print(json ? "{}\n" : "");
      OutputText.noneFound(common.env, cli.err());
    } else if (json) {
      cli.out().print(OutputText.json(outputs));
    } else {
      OutputText.text(outputs, name != null, cli.out());
    }
    return 0;
  }
}
