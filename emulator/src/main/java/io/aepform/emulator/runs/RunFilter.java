package io.aepform.emulator.runs;

import com.fasterxml.jackson.databind.JsonNode;
import io.aepform.emulator.http.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One {@code property=} condition on runs, as help/dataflows/api/sort-and-filter.md writes them:
 * {@code field==a,b} (any of a list), {@code !=}, and {@code > < >= <=} on numbers such as {@code
 * metrics.durationSummary.startedAtUTC}; dotted paths, {@code []} after an array. Values may be
 * quoted. Text compares ignoring case, since the page filters {@code status==Failed} while runs say
 * {@code failed}. A run's {@code state} is its {@code metrics.statusSummary.status}: the page's run
 * table filters {@code state==inProgress}, and the runs it shows carry no other state.
 */
record RunFilter(String path, String op, List<String> values) {
  private static final List<String> OPS = List.of("==", "!=", ">=", "<=", ">", "<");

  static RunFilter parse(String condition) {
    for (int i = 0; i < condition.length(); i++) {
      for (String op : OPS) {
        if (condition.startsWith(op, i) && i > 0) {
          String path = condition.substring(0, i).trim();
          String raw = condition.substring(i + op.length()).trim();
          List<String> values =
              op.equals("==") || op.equals("!=")
                  ? Arrays.stream(raw.split(",")).map(RunFilter::unquote).toList()
                  : List.of(unquote(raw));
          return new RunFilter(
              path.equals("state") ? "metrics.statusSummary.status" : path, op, values);
        }
      }
    }
    throw new Violation("property filter '" + condition + "' must look like field==value");
  }

  boolean test(List<JsonNode> found) {
    return switch (op) {
      case "==" -> found.stream().anyMatch(this::equalsAny);
      case "!=" -> found.stream().noneMatch(this::equalsAny);
      default -> found.stream().anyMatch(this::compares);
    };
  }

  private boolean equalsAny(JsonNode v) {
    return values.stream().anyMatch(x -> x.equalsIgnoreCase(v.asText()));
  }

  private boolean compares(JsonNode v) {
    if (!v.isNumber()) {
      return false;
    }
    double limit = number();
    double d = v.asDouble();
    return switch (op) {
      case ">" -> d > limit;
      case "<" -> d < limit;
      case ">=" -> d >= limit;
      default -> d <= limit;
    };
  }

  private double number() {
    try {
      return Double.parseDouble(values.get(0));
    } catch (NumberFormatException e) {
      throw new Violation("property filter on '" + path + "' with " + op + " needs a number");
    }
  }

  /** The values at a dotted path; {@code name[]} steps into every element of an array. */
  static List<JsonNode> at(JsonNode node, String path) {
    List<JsonNode> current = List.of(node);
    for (String step : path.split("\\.")) {
      boolean each = step.endsWith("[]");
      String name = each ? step.substring(0, step.length() - 2) : step;
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode n : current) {
        JsonNode v = n.path(name);
        if (each && v.isArray()) {
          v.forEach(next::add);
        } else if (!v.isMissingNode() && !v.isNull()) {
          next.add(v);
        }
      }
      current = next;
    }
    return current;
  }

  private static String unquote(String s) {
    String t = s.trim();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")
        ? t.substring(1, t.length() - 1)
        : t;
  }
}
