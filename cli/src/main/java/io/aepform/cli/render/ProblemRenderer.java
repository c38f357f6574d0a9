package io.aepform.cli.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.ValidationResult;
import io.aepform.engine.manifest.Problem;
import java.io.PrintStream;
import java.util.Locale;

/** Validation results as text (one line per problem) or JSON. */
public final class ProblemRenderer {
  private ProblemRenderer() {}

  /**
   * Errors to {@code err} as {@code Error: file:line:col: message}; a success line to {@code out}.
   */
  public static void text(ValidationResult result, PrintStream out, PrintStream err) {
    for (Problem p : result.problems()) {
      err.println((p.isError() ? "Error: " : "Warning: ") + p);
    }
    if (result.valid()) {
      out.println("Success! The configuration is valid (" + result.resources() + " resources).");
    }
  }

  public static String json(ValidationResult result) {
    ObjectNode root = Json.NODES.objectNode();
    root.put("format_version", "1.0");
    root.put("valid", result.valid());
    root.put("resources", result.resources());
    root.put("error_count", result.problems().stream().filter(Problem::isError).count());
    root.put("warning_count", result.problems().stream().filter(p -> !p.isError()).count());
    ArrayNode problems = root.putArray("problems");
    for (Problem p : result.problems()) {
      ObjectNode node = problems.addObject();
      node.put("file", p.position().file());
      node.put("line", p.position().line());
      node.put("column", p.position().column());
      node.put("severity", p.severity().name().toLowerCase(Locale.ROOT));
      node.put("message", p.message());
    }
    return Json.pretty(root);
  }
}
