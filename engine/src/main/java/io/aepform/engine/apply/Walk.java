package io.aepform.engine.apply;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.plan.Plan;
import io.aepform.engine.plan.Recorded;
import io.aepform.engine.value.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The entry point of the apply package: walks a plan's changes. */
public final class Walk {
  private Walk() {}

  /** Carries out {@code plan}; {@code recorded} gives the ids of resources it does not change. */
  public static List<Outcome> run(
      ApplyContext ctx, Plan plan, Map<Address, Recorded> recorded, int threads) {
    Map<Address, Map<String, Value>> known = new HashMap<>();
    recorded.forEach((a, r) -> known.put(a, r.attributes()));
    return new Walker(ctx, new Operations(ctx, known), threads).walk(plan.changes());
  }
}
