package io.aepform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.Engine;
import io.aepform.engine.manifest.OutputValue;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.error.AepformException;
import io.aepform.error.ErrorCode;
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
  public Integer call() throws Exception {
    List<OutputValue> outputs = new Engine(cli.env()).outputs(common.request(vars));
    if (name != null) {
      outputs = outputs.stream().filter(o -> o.name().equals(name)).toList();
      if (outputs.isEmpty()) {
        throw new AepformException(ErrorCode.USAGE, "no output named '" + name + "' is declared");
      }
    }
    if (json) {
      ObjectNode root = JsonNodeFactory.instance.objectNode();
      for (OutputValue o : outputs) {
        ObjectNode n = root.putObject(o.name());
        n.set(
            "value",
            o.sensitive() || !Values.isKnown(o.value())
                ? JsonNodeFactory.instance.nullNode()
                : Values.toJsonRedacted(o.value()));
        n.put("sensitive", o.sensitive());
        n.put("known", Values.isKnown(o.value()));
      }
      cli.out()
          .println(
              new ObjectMapper()
                  .enable(SerializationFeature.INDENT_OUTPUT)
                  .writeValueAsString(root));
      return 0;
    }
    for (OutputValue o : outputs) {
      Value v = o.sensitive() ? new Value.Sensitive(o.value()) : o.value();
      String text =
          v instanceof Value.Str s && name != null
              ? s.value()
              : io.aepform.cli.render.ApplySummary.oneLine(v);
      cli.out().println(name != null ? text : o.name() + " = " + text);
    }
    return 0;
  }
}
