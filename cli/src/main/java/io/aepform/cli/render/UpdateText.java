package io.aepform.cli.render;

import io.aepform.engine.plan.FieldChange;
import io.aepform.engine.plan.ResourceChange;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;

/**
 * The body of an in-place update: the resource's id, then one line per changed spec field, by its
 * path: {@code ~ spec.name = "old" -> "new"}.
 */
final class UpdateText {
  private final StringBuilder out;

  UpdateText(StringBuilder out) {
    this.out = out;
  }

  void render(ResourceChange c) {
    c.before()
        .flatMap(b -> Values.at(b, "/id"))
        .ifPresent(id -> out.append("        id = ").append(ValueText.scalar(id)).append('\n'));
    for (FieldChange f : c.fields()) {
      String path = "spec" + f.pointer().replace('/', '.');
      if (f.before().isEmpty()) {
        out.append("      + ")
            .append(path)
            .append(" = ")
            .append(line(f.after().get()))
            .append('\n');
      } else if (f.after().isEmpty()) {
        out.append("      - ")
            .append(path)
            .append(" = ")
            .append(line(f.before().get()))
            .append(" -> null\n");
      } else {
        out.append("      ~ ")
            .append(path)
            .append(" = ")
            .append(line(f.before().get()))
            .append(" -> ")
            .append(line(f.after().get()))
            .append('\n');
      }
    }
  }

  /** A value on one line: scalars as in plan text, lists and maps as redacted JSON. */
  static String line(Value v) {
    if (ValueText.isScalar(v)) {
      return ValueText.scalar(v);
    }
    if (!Values.isKnown(v)) {
      return partlyKnown(v);
    }
    return Values.containsSensitive(v) ? ValueText.SENSITIVE : Values.toJsonRedacted(v).toString();
  }

  /**
   * A list or map with values known only after apply (a flow's transformations that take a new
   * mapping version): its JSON with those values shown as such.
   */
  private static String partlyKnown(Value v) {
    if (v instanceof Value.Arr a) {
      StringBuilder out = new StringBuilder("[");
      a.items().forEach(i -> out.append(out.length() > 1 ? "," : "").append(partlyKnown(i)));
      return out.append(']').toString();
    }
    if (v instanceof Value.Obj o) {
      StringBuilder out = new StringBuilder("{");
      o.fields()
          .forEach(
              (k, x) ->
                  out.append(out.length() > 1 ? "," : "")
                      .append(ValueText.quote(k))
                      .append(':')
                      .append(partlyKnown(x)));
      return out.append('}').toString();
    }
    return ValueText.scalar(v);
  }
}
