package io.aepform.engine.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.value.Values;
import io.aepform.state.ResourceState;
import io.aepform.state.State;
import java.util.List;

/**
 * {@code --refresh-only}: accept what changed outside aepform. The plan changes nothing remote;
 * apply records the remote values in state (and forgets objects deleted outside).
 */
public final class RefreshOnly {
  private RefreshOnly() {}

  /** Only the drift: every change becomes a no-op. */
  public static Plan plan(Plan plan) {
    List<ResourceChange> none =
        plan.changes().stream()
            .map(
                c ->
                    new ResourceChange(
                        c.address(),
                        Action.NO_OP,
                        "",
                        c.before(),
                        c.before().or(c::after),
                        List.of(),
                        c.dependencies()))
            .toList();
    return new Plan(
        plan.environment(),
        plan.lineage(),
        plan.serial(),
        none,
        plan.drift(),
        plan.outputs(),
        plan.warnings());
  }

  /** {@code state} with the remote values of {@code drift} recorded. */
  public static State record(State state, List<Drift> drift) {
    State out = state;
    for (Drift d : drift) {
      String address = d.address().toString();
      if (d.deleted()) {
        out = out.without(address);
        continue;
      }
      ResourceState r = out.find(address).orElse(null);
      if (r == null) {
        continue;
      }
      var refreshed = Drifts.refreshed(Secrets.marked(Values.fromJson(r.spec())), d.fields());
      out =
          out.with(
              new ResourceState(
                  r.address(),
                  r.kind(),
                  r.id(),
                  r.name(),
                  r.etag(),
                  r.status(),
                  (ObjectNode) Secrets.toStoredJson(refreshed),
                  r.attributes(),
                  r.dependencies(),
                  r.pending()));
    }
    return out;
  }
}
