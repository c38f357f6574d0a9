package io.aepform.cli.render;

import io.aepform.engine.apply.ApplyResult;
import io.aepform.engine.apply.Outcome;
import io.aepform.engine.manifest.OutputValue;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.io.PrintStream;
import java.util.List;

/** The end of an apply: the counts, the failures, the outputs. */
public final class ApplySummary {
  private ApplySummary() {}

  /** What a summary says: apply's words or destroy's, as Terraform's. */
  private record Words(String command, String done, String failed, String interrupted) {
    static final Words APPLY =
        new Words("apply", "Apply complete!", "Apply failed.", "Apply interrupted.");
    static final Words DESTROY =
        new Words("destroy", "Destroy complete!", "Destroy failed.", "Destroy interrupted.");
  }

  /** Prints the summary of an apply; failures go to {@code err} as {@code Error:} lines. */
  public static void render(ApplyResult result, PrintStream out, PrintStream err, Style style) {
    String counts =
        "Resources: "
            + (result.imported() > 0 ? result.imported() + " imported, " : "")
            + result.added()
            + " added, "
            + result.changed()
            + " changed, "
            + result.destroyed()
            + " destroyed"
            + (result.forgotten() > 0 ? ", " + result.forgotten() + " forgotten" : "")
            + ".";
    render(result, out, err, style, Words.APPLY, counts);
    if (result.succeeded()) {
      outputs(result.outputs(), out);
    }
  }

  /** Prints the summary of a destroy: only what was destroyed, and no outputs. */
  public static void destroyed(ApplyResult result, PrintStream out, PrintStream err, Style style) {
    render(
        result, out, err, style, Words.DESTROY, "Resources: " + result.destroyed() + " destroyed.");
  }

  private static void render(
      ApplyResult result,
      PrintStream out,
      PrintStream err,
      Style style,
      Words words,
      String counts) {
    out.println();
    if (result.succeeded()) {
      out.println(style.green(style.bold(words.done())) + " " + counts);
      return;
    }
    out.println(
        style.red(result.interrupted() ? words.interrupted() : words.failed()) + " " + counts);
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
              + " run "
              + words.command()
              + " again: the errors above say what state did not record.");
    } else if (skipped > 0) {
      err.println(
          "Error: "
              + skipped
              + " change(s) were not attempted; run "
              + words.command()
              + " again to finish, state holds everything that was done.");
    }
  }

  private static void outputs(List<OutputValue> outputs, PrintStream out) {
    // an output that reads what this apply did not create (or destroyed) has no value
    List<OutputValue> known = outputs.stream().filter(o -> Values.isKnown(o.value())).toList();
    if (known.isEmpty()) {
      return;
    }
    out.println();
    out.println("Outputs:");
    out.println();
    for (OutputValue o : known) {
      Value shown = o.sensitive() ? new Value.Sensitive(o.value()) : o.value();
      out.println(
          o.name()
              + " = "
              + (ValueText.isScalar(shown)
                  ? ValueText.scalar(shown)
                  : Values.toJsonRedacted(shown).toString()));
    }
  }

  /** A value on one line, as outputs show it: unknown and sensitive ones by their markers. */
  public static String oneLine(Value v) {
    return ValueText.isScalar(v) || !Values.isKnown(v) || v instanceof Value.Sensitive
        ? ValueText.scalar(v)
        : Values.toJsonRedacted(v).toString();
  }
}
