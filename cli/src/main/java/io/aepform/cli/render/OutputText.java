package io.aepform.cli.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.manifest.OutputValue;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.io.PrintStream;
import java.util.List;

/** What {@code aepform output} prints: outputs as text or JSON, or that there are none. */
public final class OutputText {
  private OutputText() {}

  /** {@code name = value} lines, or the bare value of one output asked for by name. */
  public static void text(List<OutputValue> outputs, boolean one, PrintStream out) {
    for (OutputValue o : outputs) {
      Value v = o.sensitive() ? new Value.Sensitive(o.value()) : o.value();
      String text = v instanceof Value.Str s && one ? s.value() : ApplySummary.oneLine(v);
      out.println(one ? text : o.name() + " = " + text);
    }
  }

  /** {@code {name: {value, sensitive, known}}}; sensitive and unknown values are null. */
  public static String json(List<OutputValue> outputs) {
    ObjectNode root = Json.NODES.objectNode();
    for (OutputValue o : outputs) {
      ObjectNode n = root.putObject(o.name());
      n.set(
          "value",
          o.sensitive() || !Values.isKnown(o.value())
              ? Json.NODES.nullNode()
              : Values.toJsonRedacted(o.value()));
      n.put("sensitive", o.sensitive());
      n.put("known", Values.isKnown(o.value()));
    }
    return Json.pretty(root);
  }

  /** Terraform's warning, on {@code err} so that {@code $(aepform output x)} stays empty. */
  public static void noneFound(String environment, PrintStream err) {
    err.println("Warning: No outputs found");
    err.println();
    err.println(
        "The state of environment \""
            + environment
            + "\" holds none of the objects the outputs read: nothing was applied yet,");
    err.println("or it was destroyed. Run aepform apply for outputs to have values.");
  }
}
