package io.aepform.cli.render;

import io.aepform.engine.manifest.OutputValue;
import io.aepform.engine.plan.Action;
import io.aepform.engine.plan.OutputChanges;
import io.aepform.engine.plan.Plan;
import io.aepform.engine.plan.ResourceChange;
import io.aepform.engine.value.Value;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Plan text that reads like Terraform's. */
public final class PlanTextRenderer {
  private final Style style;

  /** Plans with more changes than this render them in parallel. */
  private static final int PARALLEL_ABOVE = 500;

  private final int parallelAbove;

  public PlanTextRenderer(Style style) {
    this(style, PARALLEL_ABOVE);
  }

  /** With {@code parallelAbove} changes or fewer, changes render one after another (tests). */
  PlanTextRenderer(Style style, int parallelAbove) {
    this.style = style;
    this.parallelAbove = parallelAbove;
  }

  public String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    new DriftText(style).render(plan, out);
    if (!plan.hasChanges() && plan.hasOutputChanges()) {
      outputs(plan, out);
      out.append(
          "\nNo object in AEP would change: outputs are computed from the manifests and the ids"
              + " state holds,\nso there is nothing to apply.\n");
      WarningText.render(plan.warnings(), out);
      return out.toString();
    }
    if (!plan.hasChanges()) {
      out.append(noChanges(plan));
      WarningText.render(plan.warnings(), out);
      return out.toString();
    }
    legend(plan, out);
    out.append("aepform will perform the following actions:\n");
    List<ResourceChange> shown =
        plan.changes().stream()
            .filter(
                c ->
                    c.action() != Action.NO_OP
                        || c.previousAddress().isPresent()
                        || c.importing().isPresent())
            .toList();
    // each change renders on its own: large plans render them in parallel, in order
    Stream<ResourceChange> each =
        shown.size() > parallelAbove ? shown.parallelStream() : shown.stream();
    for (String text : each.map(this::change).toList()) {
      out.append('\n').append(text);
    }
    out.append('\n').append(style.bold("Plan:")).append(' ');
    if (plan.toImport() > 0) {
      out.append(plan.toImport()).append(" to import, ");
    }
    out.append(plan.toAdd()).append(" to add, ");
    out.append(plan.toChange()).append(" to change, ");
    out.append(plan.toDestroy()).append(" to destroy.\n");
    outputs(plan, out);
    forgotten(plan, out);
    WarningText.render(plan.warnings(), out);
    return out.toString();
  }

  /** A destroy plan (plan --destroy): as {@link #render}, in destroy's words when it is empty. */
  public String renderDestroy(Plan plan) {
    if (plan.hasChanges()) {
      return render(plan);
    }
    StringBuilder out = new StringBuilder();
    new DriftText(style).render(plan, out);
    out.append(
        "\nNo changes. No objects need to be destroyed.\n\nEither you have not created any objects"
            + " yet or the existing objects were already deleted\noutside of aepform.\n");
    WarningText.render(plan.warnings(), out);
    return out.toString();
  }

  /**
   * A refresh-only plan: what changed outside aepform, which apply would record in state, and never
   * "No changes" under drift.
   */
  public String renderRefreshOnly(Plan plan) {
    if (plan.drift().isEmpty()) {
      return "\nNo changes. Your AEP objects still match what the state of environment \""
          + plan.environment()
          + "\" records.\n\naepform has checked that the remote objects still match the result of"
          + " your most recent changes,\nand found no differences.\n";
    }
    StringBuilder out = new StringBuilder();
    new DriftText(style).render(plan, out);
    out.append("This is a refresh-only plan, so aepform will not take any actions to undo these.\n")
        .append("If you were expecting these changes, apply it with aepform apply --refresh-only")
        .append(" to\nrecord the updated values in state without changing any remote object.\n");
    int n = plan.drift().size();
    out.append('\n')
        .append(style.bold("State would be updated:"))
        .append(' ')
        .append(n)
        .append(n == 1 ? " object" : " objects")
        .append(" changed outside aepform; nothing remote would change.\n");
    WarningText.render(plan.warnings(), out);
    return out.toString();
  }

  private static String noChanges(Plan plan) {
    return "\nNo changes. Your AEP configuration matches the environment \""
        + plan.environment()
        + "\".\n\naepform found nothing to create, update or delete.\n";
  }

  private void legend(Plan plan, StringBuilder out) {
    Set<Action> used = EnumSet.noneOf(Action.class);
    plan.changes().forEach(c -> used.add(c.action()));
    used.remove(Action.NO_OP);
    if (used.isEmpty()) { // only moves and imports: no symbol to explain, as Terraform's
      out.append('\n');
      return;
    }
    out.append(
        "\naepform used the selected environment to generate the following execution plan.\n");
    out.append("Resource actions are indicated with the following symbols:\n");
    if (used.contains(Action.CREATE)) {
      out.append("  ").append(style.green("+")).append(" create\n");
    }
    if (used.contains(Action.UPDATE)) {
      out.append("  ").append(style.yellow("~")).append(" update in-place\n");
    }
    if (used.contains(Action.DELETE)) {
      out.append("  ").append(style.red("-")).append(" destroy\n");
    }
    if (used.contains(Action.REPLACE)) {
      out.append(style.red("-"))
          .append('/')
          .append(style.green("+"))
          .append(" destroy and then create replacement\n");
    }
    out.append('\n');
  }

  private String change(ResourceChange c) {
    StringBuilder out = new StringBuilder();
    change(c, out);
    return out.toString();
  }

  void change(ResourceChange c, StringBuilder out) {
    out.append("  ").append(style.bold("# " + heading(c))).append('\n');
    if (c.action() != Action.NO_OP) {
      c.previousAddress().ifPresent(p -> out.append("  # (moved from ").append(p).append(")\n"));
      c.importing().ifPresent(id -> out.append("  # (imported from \"").append(id).append("\")\n"));
    }
    if (!c.reason().isEmpty()) {
      out.append("  # (").append(c.reason()).append(")\n");
    }
    String sign = c.action() == Action.REPLACE ? "-/+" : c.action().symbol();
    out.append(sign.length() == 1 ? "  " : "").append(colored(sign, c.action()));
    out.append(' ').append(c.kind()).append(" \"").append(c.name()).append("\" {\n");
    if (c.action() == Action.UPDATE) {
      new UpdateText(out).render(c);
    } else if (c.action() == Action.NO_OP || c.action() == Action.FORGET) {
      // nothing changes: the ids say which object, the spec is as state has it
      Value.Obj shown = (Value.Obj) c.before().orElseThrow();
      shown
          .fields()
          .forEach(
              (k, v) -> {
                if (!k.equals("spec")) {
                  out.append("        ")
                      .append(k)
                      .append(" = ")
                      .append(ValueText.scalar(v))
                      .append('\n');
                }
              });
      out.append("        # (spec unchanged)\n");
    } else {
      Value shown =
          c.action() == Action.DELETE ? c.before().orElseThrow() : c.after().orElseThrow();
      new TreeWriter(out, c.action() == Action.DELETE ? "-" : "+")
          .fields(((Value.Obj) shown).fields(), 6);
    }
    out.append("    }\n");
  }

  private String colored(String sign, Action action) {
    return switch (action) {
      case CREATE -> style.green(sign);
      case UPDATE -> style.yellow(sign);
      case DELETE, REPLACE -> style.red(sign);
      case NO_OP, FORGET -> sign;
    };
  }

  /** What the change does, as Terraform words it ({@code x has moved to y}, ...). */
  private static String heading(ResourceChange c) {
    if (c.action() == Action.NO_OP && c.previousAddress().isPresent()) {
      return c.previousAddress().get() + " has moved to " + c.address();
    }
    if (c.action() == Action.NO_OP && c.importing().isPresent()) {
      return c.address() + " will be imported";
    }
    return c.address() + " " + verb(c.action());
  }

  private static String verb(Action action) {
    return switch (action) {
      case CREATE -> "will be created";
      case UPDATE -> "will be updated in-place";
      case DELETE -> "will be destroyed";
      case REPLACE -> "must be replaced";
      case NO_OP -> "has no changes";
      case FORGET -> "will no longer be managed by aepform, but will not be destroyed";
    };
  }

  /** As Terraform does for removed blocks: say once which objects stay, untracked, in AEP. */
  private void forgotten(Plan plan, StringBuilder out) {
    List<ResourceChange> forgotten =
        plan.changes().stream().filter(c -> c.action() == Action.FORGET).toList();
    if (forgotten.isEmpty()) {
      return;
    }
    out.append('\n')
        .append(style.bold("Warning: Some objects will no longer be managed by aepform"))
        .append("\n\nIf you apply this plan, aepform will discard its tracking information for")
        .append(" the following objects, but it will not delete them:\n");
    forgotten.forEach(c -> out.append(" - ").append(c.address()).append('\n'));
    out.append(
        "\nAfter applying this plan, aepform will no longer manage these objects. You will need"
            + " to import them to manage them again.\n");
  }

  /** The outputs the plan creates or changes, as Terraform lists them. */
  private void outputs(Plan plan, StringBuilder out) {
    List<OutputValue> changing =
        plan.outputs().stream().filter(o -> OutputChanges.action(o) != Action.NO_OP).toList();
    if (changing.isEmpty()) {
      return;
    }
    out.append("\nChanges to Outputs:\n");
    int width = changing.stream().mapToInt(o -> o.name().length()).max().orElse(0);
    for (OutputValue o : changing) {
      boolean create = OutputChanges.action(o) == Action.CREATE;
      out.append("  ")
          .append(create ? style.green("+") : style.yellow("~"))
          .append(' ')
          .append(o.name())
          .append(" ".repeat(width - o.name().length()))
          .append(" = ");
      Value shown = o.sensitive() ? new Value.Sensitive(o.value()) : o.value();
      if (!create) {
        Value before = o.before().orElseThrow();
        out.append(UpdateText.line(o.sensitive() ? new Value.Sensitive(before) : before))
            .append(" -> ")
            .append(UpdateText.line(shown))
            .append('\n');
      } else if (ValueText.isScalar(shown)) {
        out.append(ValueText.scalar(shown)).append('\n');
      } else {
        StringBuilder nested = new StringBuilder();
        new TreeWriter(nested, "+").fields(Map.of("value", shown), 2);
        out.append(nested.substring(nested.indexOf("=") + 2));
      }
    }
  }
}
