package io.aepform.cli.render;

import io.aepform.engine.plan.Drift;
import io.aepform.engine.plan.FieldChange;
import io.aepform.engine.plan.Plan;

/** The "changed outside of aepform" section, shown before the actions. */
final class DriftText {
  private final Style style;

  DriftText(Style style) {
    this.style = style;
  }

  void render(Plan plan, StringBuilder out) {
    if (plan.drift().isEmpty()) {
      return;
    }
    out.append('\n').append(style.bold("Objects have changed outside of aepform")).append("\n\n");
    out.append(
        "aepform detected the following changes made outside of aepform since the last apply:\n");
    for (Drift d : plan.drift()) {
      out.append('\n');
      if (d.deleted()) {
        out.append("  # ").append(d.address()).append(" has been deleted\n");
        continue;
      }
      out.append("  # ").append(d.address()).append(" has changed\n");
      for (FieldChange f : d.fields()) {
        out.append("  ~ spec").append(f.pointer().replace('/', '.')).append(" = ");
        out.append(f.before().map(UpdateText::line).orElse("null")).append(" -> ");
        out.append(f.after().map(UpdateText::line).orElse("null")).append('\n');
      }
    }
    out.append('\n');
  }
}
