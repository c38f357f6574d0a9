package io.aepform.cli.render;

import io.aepform.engine.apply.ApplyResult;
import io.aepform.engine.apply.Outcome;
import io.aepform.engine.manifest.OutputValue;
import io.aepform.engine.value.Value;
import java.io.PrintStream;
import java.util.List;

/** The end of an apply: the counts, the failures, the outputs. */
public final class ApplySummary {
  private ApplySummary() {}

  /** Prints the summary; failures go to {@code err} as {@code Error:} lines. */
  public static void render(ApplyResult result, PrintStream out, PrintStream err, Style style) {
    render(result, out, err, style, "Apply complete!");
  }

  /** Prints the summary with {@code done} as its headline on success, e.g. "Destroy complete!". */
  public static void render(
      ApplyResult result, PrintStream out, PrintStream err, Style style, String done) {
    String counts =
        "Resources: "
            + result.added()
            + " added, "
            + result.changed()
            + " changed, "
            + result.destroyed()
            + " destroyed.";
    if (result.succeeded()) {
      out.println();
      out.println(style.green(style.bold(done)) + " " + counts);
      outputs(result.outputs(), out);
      return;
    }
    out.println();
    out.println(
        style.red(result.interrupted() ? "Apply interrupted." : "Apply failed.") + " " + counts);
    for (Outcome o : result.failures()) {
      err.println("Error: " + o.address() + ": " + o.message());
    }
    long skipped =
        result.outcomes().stream().filter(o -> o.status() == Outcome.Status.SKIPPED).count();
    boolean unwritable =
        result.outcomes().stream().anyMatch(o -> o.message().equals(Outcome.STATE_NOT_WRITABLE));
    if (unwritable) {
      err.println(
          "Error: "
              + skipped
              + " change(s) were not attempted because state could not be written; fix that, then"
              + " run apply again: the errors above say what state did not record.");
    } else if (skipped > 0) {
      err.println(
          "Error: "
              + skipped
              + " change(s) were not attempted; run apply again to finish, state holds everything that was done.");
    }
  }

  private static void outputs(List<OutputValue> outputs, PrintStream out) {
    if (outputs.isEmpty()) {
      return;
    }
    out.println();
    out.println("Outputs:");
    out.println();
    // an output that reads what this apply did not create has no value yet
    for (OutputValue o :
        outputs.stream().filter(o -> io.aepform.engine.value.Values.isKnown(o.value())).toList()) {
      Value shown = o.sensitive() ? new Value.Sensitive(o.value()) : o.value();
      out.println(
          o.name()
              + " = "
              + (ValueText.isScalar(shown)
                  ? ValueText.scalar(shown)
                  : io.aepform.engine.value.Values.toJsonRedacted(shown).toString()));
    }
  }

  /** A value on one line, as outputs show it: unknown and sensitive ones by their markers. */
  public static String oneLine(Value v) {
    return ValueText.isScalar(v)
            || !io.aepform.engine.value.Values.isKnown(v)
            || v instanceof Value.Sensitive
        ? ValueText.scalar(v)
        : io.aepform.engine.value.Values.toJsonRedacted(v).toString();
  }
}
