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
  /** Steps in progress per call allowed at once: each create waits for two state writes. */
  private static final int STEPS_PER_CALL = 3;

  private Walk() {}

  /**
   * Carries out {@code plan}; {@code recorded} gives the ids of resources it does not change. The
   * context's limiter bounds the calls at once ({@code threads}, the {@code --parallelism}); the
   * walk keeps up to three times as many steps going, so that while some wait for their state write
   * to be durable the others keep the calls busy.
   */
  public static List<Outcome> run(
      ApplyContext ctx, Plan plan, Map<Address, Recorded> recorded, int threads) {
    Map<Address, Map<String, Value>> known = new HashMap<>();
    recorded.forEach((a, r) -> known.put(a, r.attributes()));
    return new Walker(ctx, new Operations(ctx, known), threads * STEPS_PER_CALL)
        .walk(plan.changes());
  }
}
