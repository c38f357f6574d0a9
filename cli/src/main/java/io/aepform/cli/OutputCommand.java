package io.aepform.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.cli.render.ApplySummary;
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
    Engine engine = new Engine(cli.env());
    List<OutputValue> outputs = engine.outputs(common.request(vars));
    if (name != null) {
      outputs = outputs.stream().filter(o -> o.name().equals(name)).toList();
      if (outputs.isEmpty()) {
        throw new AepformException(ErrorCode.USAGE, "no output named '" + name + "' is declared");
      }
    }
    // as after Terraform's destroy: state holding no object has no outputs
    boolean applied =
        engine.state(common.request()).map(s -> !s.resources().isEmpty()).orElse(false);
    if (applied && name != null && !Values.isKnown(outputs.get(0).value())) {
      throw new AepformException(
          ErrorCode.STATE,
          "output '"
              + name
              + "' has no value yet: state does not hold the objects it reads. Run aepform apply");
    }
    if (!applied || outputs.stream().noneMatch(o -> Values.isKnown(o.value()))) {
      return noOutputs();
    }
    if (json) {
      cli.out().println(json(outputs));
      return 0;
    }
    for (OutputValue o : outputs) {
      Value v = o.sensitive() ? new Value.Sensitive(o.value()) : o.value();
      String text = v instanceof Value.Str s && name != null ? s.value() : ApplySummary.oneLine(v);
      cli.out().println(name != null ? text : o.name() + " = " + text);
    }
    return 0;
  }

  /** Terraform's warning, on stderr so that {@code $(aepform output x)} stays empty. */
  private int noOutputs() {
    if (json) {
      cli.out().println("{}");
    }
    cli.err().println("Warning: No outputs found");
    cli.err().println();
    cli.err()
        .println(
            "The state of environment \""
                + common.env
                + "\" holds none of the objects the outputs read: nothing was applied yet,");
    cli.err().println("or it was destroyed. Run aepform apply for outputs to have values.");
    return 0;
  }

  private static String json(List<OutputValue> outputs) throws JsonProcessingException {
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
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
  }
}
