package io.aepform.cli.render;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.plan.Action;
import io.aepform.engine.plan.Drift;
import io.aepform.engine.plan.Plan;
import io.aepform.engine.plan.ResourceChange;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A plan as a pull-request comment: a summary table, one collapsible section per change with its
 * diff, a mermaid picture of what changes and what depends on it. Secrets are masked as in plan
 * text; the same plan gives the same bytes; long plans are cut to fit a comment, with a note.
 */
public final class PlanMarkdownRenderer {
  /** GitHub refuses comments over 65,536 characters; leave room for the note and the tail. */
  static final int MAX_CHARS = 60_000;

  /** Mermaid pictures of more resources are unreadable in a comment. */
  static final int MAX_GRAPH_NODES = 100;

  private PlanMarkdownRenderer() {}

  public static String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    out.append("### aepform plan for `").append(plan.environment()).append("`\n\n");
    boolean refactors = plan.toImport() > 0 || plan.toForget() > 0;
    out.append(refactors ? "| import " : "")
        .append("| add | change | destroy |")
        .append(refactors ? " forget |" : "")
        .append(" drift |\n")
        .append(refactors ? "|---:" : "")
        .append("|---:|---:|---:|")
        .append(refactors ? "---:|" : "")
        .append("---:|\n");
    out.append(refactors ? "| " + plan.toImport() + " " : "");
    out.append("| ").append(plan.toAdd()).append(" | ").append(plan.toChange()).append(" | ");
    out.append(plan.toDestroy()).append(" | ");
    out.append(refactors ? plan.toForget() + " | " : "");
    out.append(plan.drift().size()).append(" |\n\n");
    if (!plan.hasChanges() && plan.drift().isEmpty()) {
      return out.append("**No changes.** The environment matches the configuration.\n").toString();
    }
    drift(plan, out);
    List<ResourceChange> changes =
        plan.changes().stream()
            .filter(
                c ->
                    c.action() != Action.NO_OP
                        || c.previousAddress().isPresent()
                        || c.importing().isPresent())
            .toList();
    String graph = mermaid(plan, changes);
    int shown = 0;
    for (ResourceChange c : changes) {
      String section = section(c);
      if (out.length() + section.length() + graph.length() > MAX_CHARS) {
        break;
      }
      out.append(section);
      shown++;
    }
    if (shown < changes.size()) {
      out.append("\n> :warning: ")
          .append(changes.size() - shown)
          .append(
              " more change(s) not shown: the plan is too long for a comment. Run `aepform plan` to see it all.\n");
    }
    out.append(graph);
    for (var w : plan.warnings()) {
      out.append("\n> **Warning:** ").append(w.message()).append('\n');
    }
    return out.toString();
  }

  private static void drift(Plan plan, StringBuilder out) {
    if (plan.drift().isEmpty()) {
      return;
    }
    out.append("**Changed outside aepform:**\n\n");
    for (Drift d : plan.drift()) {
      out.append("- `")
          .append(d.address())
          .append("` ")
          .append(d.deleted() ? "was deleted" : "changed: " + fields(d))
          .append('\n');
    }
    out.append('\n');
  }

  private static String fields(Drift d) {
    return String.join(
        ", ", d.fields().stream().map(f -> "`spec" + f.pointer().replace('/', '.') + "`").toList());
  }

  private static String section(ResourceChange c) {
    StringBuilder body = new StringBuilder();
    new PlanTextRenderer(Style.PLAIN).change(c, body);
    String sign = c.action() == Action.REPLACE ? "-/+" : c.action().symbol();
    return "<details><summary><code>"
        + sign
        + " "
        + c.address()
        + "</code> "
        + verb(c.action())
        + c.previousAddress().map(p -> " (moved from <code>" + p + "</code>)").orElse("")
        + c.importing().map(id -> " (imported from <code>" + escape(id) + "</code>)").orElse("")
        + (c.reason().isEmpty() ? "" : ": " + escape(c.reason()))
        + "</summary>\n\n```diff\n"
        + diffColumns(body.toString())
        + "```\n\n</details>\n";
  }

  /** Moves each line's sign to the first column, where diff highlighting looks for it. */
  static String diffColumns(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String trimmed = line.stripLeading();
      int indent = line.length() - trimmed.length();
      if (!trimmed.isEmpty()
          && "+-~".indexOf(trimmed.charAt(0)) >= 0
          && !trimmed.startsWith("-/+")) {
        out.append(trimmed.charAt(0)).append(" ".repeat(indent)).append(trimmed.substring(1));
      } else if (trimmed.startsWith("-/+")) {
        out.append('!').append(" ".repeat(indent)).append(trimmed.substring(3));
      } else {
        out.append(line);
      }
      out.append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  private static String verb(Action a) {
    return switch (a) {
      case CREATE -> "will be created";
      case UPDATE -> "will be updated in place";
      case DELETE -> "will be destroyed";
      case REPLACE -> "will be replaced";
      case NO_OP -> "has no changes";
      case FORGET -> "will no longer be managed (it stays in AEP)";
    };
  }

  /** What changes, and what depends on it: mermaid, colored by action. */
  private static String mermaid(Plan plan, List<ResourceChange> changes) {
    Set<Address> changed = new LinkedHashSet<>();
    changes.forEach(c -> changed.add(c.address()));
    if (changed.size() > MAX_GRAPH_NODES) {
      return "\n_The dependency picture is left out: "
          + changed.size()
          + " resources change (at most "
          + MAX_GRAPH_NODES
          + " are drawn). Run `aepform graph --format mermaid` for the whole graph._\n";
    }
    StringBuilder g = new StringBuilder("\n```mermaid\nflowchart RL\n");
    for (ResourceChange c : plan.changes()) {
      boolean touches =
          changed.contains(c.address()) || c.dependencies().stream().anyMatch(changed::contains);
      if (!touches) {
        continue;
      }
      g.append("  ")
          .append(id(c.address()))
          .append("[\"")
          .append(c.address())
          .append("\"]:::")
          .append(c.action().name().toLowerCase(Locale.ROOT).replace("_", ""))
          .append('\n');
      for (Address d : c.dependencies()) {
        if (changed.contains(d) || changed.contains(c.address())) {
          g.append("  ").append(id(c.address())).append(" --> ").append(id(d)).append('\n');
        }
      }
    }
    g.append("  classDef create fill:#d4f7d4,stroke:#2da44e\n");
    g.append("  classDef update fill:#fff3c4,stroke:#bf8700\n");
    g.append("  classDef delete fill:#ffd7d5,stroke:#cf222e\n");
    g.append("  classDef replace fill:#ffd7d5,stroke:#cf222e,stroke-dasharray: 4\n");
    g.append("  classDef noop fill:#f6f8fa,stroke:#8c959f\n");
    if (plan.changes().stream().anyMatch(c -> c.action() == Action.FORGET)) {
      g.append("  classDef forget fill:#f6f8fa,stroke:#8c959f,stroke-dasharray: 2\n");
    }
    return g.append("```\n").toString();
  }

  private static String id(Address a) {
    return a.kind() + "_" + a.name();
  }

  private static String escape(String s) {
    return s.replace("<", "&lt;").replace(">", "&gt;");
  }
}
