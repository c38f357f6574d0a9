package io.aepform.cli.render;

import io.aepform.engine.manifest.Problem;
import java.util.List;

/** Warnings after the plan, one line each with where they come from. */
final class WarningText {
  private WarningText() {}

  static void render(List<Problem> warnings, StringBuilder out) {
    for (Problem w : warnings) {
      if (!w.isError()) {
        out.append("\nWarning: ").append(w).append('\n');
      }
    }
  }
}
