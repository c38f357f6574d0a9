package io.aepform.engine.plan;

import io.aepform.engine.PlanOptions;
import io.aepform.engine.graph.DependencyGraph;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.Position;
import io.aepform.engine.manifest.Problem;
import io.aepform.engine.workspace.Workspace;
import io.aepform.error.UsageException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code --target ADDR} keeps ADDR and what it depends on; {@code --exclude ADDR} leaves out ADDR
 * and what depends on it. In a destroy plan the other way round: {@code --target ADDR} deletes ADDR
 * and what depends on it, {@code --exclude ADDR} keeps ADDR and what it depends on. The rest of the
 * plan is kept as it is (as no-ops for counting).
 */
public final class Selection {
  private Selection() {}

  public static Set<Address> addresses(List<String> texts, Workspace ws, String flag) {
    Set<Address> out = new LinkedHashSet<>();
    for (String text : texts) {
      Address a =
          Address.parse(text)
              .orElseThrow(
                  () ->
                      new UsageException(
                          UsageException.Code.INVALID_ARGUMENTS,
                          flag + " " + text + ": write an address such as flow.ingest"));
      if (ws.config().resource(a).isEmpty()) {
        throw new UsageException(
            UsageException.Code.INVALID_ARGUMENTS,
            flag + " " + text + ": no such resource is declared");
      }
      out.add(a);
    }
    return out;
  }

  public static Plan select(Plan plan, PlanOptions options, Workspace ws) {
    Set<Address> targets = addresses(options.targets(), ws, "--target");
    Set<Address> excludes = addresses(options.excludes(), ws, "--exclude");
    if (targets.isEmpty() && excludes.isEmpty()) {
      return plan;
    }
    DependencyGraph graph = PlanGraph.of(plan);
    Set<Address> keep = new HashSet<>();
    plan.changes().forEach(c -> keep.add(c.address()));
    // a destroy deletes a target with what depends on it, and keeps an excluded one with what it
    // depends on: deleting what the target depends on would delete objects nobody targeted
    boolean destroying = options.destroy();
    if (!targets.isEmpty()) {
      keep.retainAll(destroying ? graph.withDependents(targets) : graph.withDependencies(targets));
    }
    keep.removeAll(destroying ? graph.withDependencies(excludes) : graph.withDependents(excludes));
    refuseSplitDestroys(plan, graph, keep, targets.isEmpty() ? "--exclude" : "--target", ws);
    List<ResourceChange> changes =
        plan.changes().stream()
            .filter(c -> keep.contains(c.address()) || c.action() == Action.NO_OP)
            .toList();
    List<Problem> warnings = new ArrayList<>(plan.warnings());
    warnings.add(targeting(!targets.isEmpty(), !excludes.isEmpty()));
    return new Plan(
        plan.environment(),
        plan.lineage(),
        plan.serial(),
        changes,
        plan.drift(),
        plan.outputs(),
        warnings);
  }

  /** Terraform's "Resource targeting is in effect" warning, in aepform's words and options. */
  static Problem targeting(boolean target, boolean exclude) {
    String flags = target && exclude ? "--target and --exclude" : target ? "--target" : "--exclude";
    return Problem.warning(
        Position.of(flags),
        "resource targeting is in effect, so this plan may not include all of the changes the"
            + " configuration asks for. --target and --exclude are not for routine use: only for"
            + " exceptional situations, such as recovering from errors or mistakes");
  }

  /**
   * A selection that destroys an object (deletes or replaces it) must take along what still uses
   * it: a dataflow left out of a plan that replaces its source connection keeps running on the
   * deleted connection (AEP does not reflect a connection change in its dataflow,
   * sources/tutorials/api/update-dataflows.md), and a target connection left out of a plan that
   * replaces its dataset keeps writing to the deleted one. Such a selection is refused.
   */
  private static void refuseSplitDestroys(
      Plan plan, DependencyGraph graph, Set<Address> keep, String flag, Workspace ws) {
    for (ResourceChange c : plan.changes()) {
      if (!keep.contains(c.address()) || !c.action().destroys()) {
        continue;
      }
      for (Address user : graph.withDependents(Set.of(c.address()))) {
        ResourceChange theirs = change(plan, user);
        if (!keep.contains(user) && usesRecordedObject(theirs.action())) {
          throw new UsageException(
              UsageException.Code.INVALID_ARGUMENTS,
              flag
                  + " leaves out "
                  + user
                  + " ("
                  + theirs.action().name().toLowerCase(Locale.ROOT)
                  + "), which uses "
                  + c.address()
                  + ": the plan "
                  + (c.action() == Action.REPLACE ? "replaces " : "deletes ")
                  + c.address()
                  + ", and "
                  + user
                  + " would be left using the deleted object. "
                  + nextStep(flag, user, ws));
        }
      }
    }
  }

  private static String nextStep(String flag, Address user, Workspace ws) {
    if (ws.config().resource(user).isEmpty()) {
      return "Plan without " + flag + ": " + user + " is no longer declared";
    }
    return flag.equals("--target")
        ? "Add --target " + user
        : "Plan " + user + " too: drop the --exclude that leaves it out";
  }

  /** An action on an object that exists and goes on using what it references until it is done. */
  private static boolean usesRecordedObject(Action action) {
    return action == Action.UPDATE || action == Action.REPLACE || action == Action.DELETE;
  }

  private static ResourceChange change(Plan plan, Address address) {
    return plan.changes().stream()
        .filter(c -> c.address().equals(address))
        .findFirst()
        .orElseThrow();
  }
}
