package io.aepform.engine.plan;

import io.aepform.engine.PlanOptions;
import io.aepform.engine.graph.DependencyGraph;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.workspace.Workspace;
import io.aepform.error.UsageException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code --target ADDR} keeps ADDR and what it depends on; {@code --exclude ADDR} leaves out ADDR
 * and what depends on it. The rest of the plan is kept as it is (as no-ops for counting).
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
    if (!targets.isEmpty()) {
      keep.retainAll(graph.withDependencies(targets));
    }
    keep.removeAll(graph.withDependents(excludes));
    List<ResourceChange> changes =
        plan.changes().stream()
            .filter(c -> keep.contains(c.address()) || c.action() == Action.NO_OP)
            .toList();
    return new Plan(
        plan.environment(),
        plan.lineage(),
        plan.serial(),
        changes,
        plan.drift(),
        plan.outputs(),
        plan.warnings());
  }
}
