package io.aepform.engine.plan;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.Position;
import io.aepform.engine.manifest.Problem;
import io.aepform.engine.provider.ResourceHandler;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.error.AepformException;
import io.aepform.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a plan must never do by accident: replace an object that holds data (a schema, a dataset)
 * unless named with --replace, or re-create a flow without saying it backfills again.
 */
public final class DataSafety {
  private DataSafety() {}

  public static void check(
      Plan plan, Map<String, ResourceHandler> handlers, Set<Address> confirmed) {
    for (ResourceChange c : plan.changes()) {
      if (c.action() == Action.REPLACE
          && handlers.get(c.kind()).holdsData()
          && !confirmed.contains(c.address())) {
        String loses =
            c.kind().equals("dataset")
                ? "deletes the dataset and every batch ingested into it"
                : "deletes the schema, which fails while datasets use it and loses its history";
        throw new AepformException(
            ErrorCode.USAGE,
            c.address()
                + " would be replaced ("
                + c.reason()
                + "): that "
                + loses
                + ". aepform never does this implicitly. To confirm, plan again with --replace "
                + c.address());
      }
    }
  }

  /** Warnings for flows a plan (re-)creates from scratch while they existed before. */
  public static Plan withBackfillWarnings(Plan plan, Map<Address, Recorded> recorded) {
    List<Problem> warnings = new ArrayList<>(plan.warnings());
    for (ResourceChange c : plan.changes()) {
      boolean recreated =
          c.action() == Action.REPLACE || (c.action() == Action.CREATE && !c.reason().isEmpty());
      if (c.kind().equals("flow") && recreated && backfills(c)) {
        warnings.add(
            Problem.warning(
                Position.of(c.address().toString()),
                "will be re-created: with scheduleParams.backfill, its first run ingests every file under the source path again"));
      }
    }
    return new Plan(
        plan.environment(),
        plan.lineage(),
        plan.serial(),
        plan.changes(),
        plan.drift(),
        plan.outputs(),
        warnings);
  }

  private static boolean backfills(ResourceChange c) {
    return c.after()
        .flatMap(a -> Values.at(a, "/spec/scheduleParams/backfill"))
        .map(v -> !(v instanceof Value.Bool b) || b.value())
        .orElse(true);
  }
}
