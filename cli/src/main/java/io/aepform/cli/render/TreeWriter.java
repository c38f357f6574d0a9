package io.aepform.cli.render;

import io.aepform.engine.value.Value;
import java.util.Map;

/**
 * Writes a whole value as nested Terraform-style blocks, every line marked with the same sign
 * ({@code +} for created, {@code -} for deleted), keys aligned per block.
 */
final class TreeWriter {
  private final StringBuilder out;
  private final String sign;

  TreeWriter(StringBuilder out, String sign) {
    this.out = out;
    this.sign = sign;
  }

  /** Writes the fields of an object at {@code indent}, one per line. */
  void fields(Map<String, Value> fields, int indent) {
    int width = fields.keySet().stream().mapToInt(k -> ValueText.key(k).length()).max().orElse(0);
    fields.forEach((k, v) -> field(ValueText.key(k), width, v, indent));
  }

  private void field(String key, int width, Value value, int indent) {
    String head = pad(indent) + sign + " " + key + " ".repeat(width - key.length()) + " = ";
    if (ValueText.isScalar(value)) {
      out.append(head).append(ValueText.scalar(value)).append('\n');
    } else {
      out.append(head);
      nested(value, indent);
    }
  }

  private void nested(Value value, int indent) {
    if (value instanceof Value.Obj o) {
      out.append("{\n");
      fields(o.fields(), indent + 4);
      out.append(pad(indent + 2)).append("}\n");
    } else if (value instanceof Value.Arr a) {
      out.append("[\n");
      for (Value item : a.items()) {
        out.append(pad(indent + 4)).append(sign).append(' ');
        if (ValueText.isScalar(item)) {
          out.append(ValueText.scalar(item)).append(",\n");
        } else {
          nestedItem(item, indent + 4);
        }
      }
      out.append(pad(indent + 2)).append("]\n");
    }
  }

  private void nestedItem(Value item, int indent) {
    nested(item, indent);
    // A nested block ends with "}\n" or "]\n"; as a list item it ends with "},".
    out.insert(out.length() - 1, ',');
  }

  static String pad(int n) {
    return " ".repeat(n);
  }
}
