package io.aepform.engine.provider;

import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A flow declared {@code state: disabled} is created enabled, since AEP takes no state in the
 * create call (FLOW-1410-400), and disabled by the action call right after: in between its first
 * run may start (at once when {@code startTime} is left out or past) and ingest. Only a start time
 * in the future keeps it from running.
 */
final class DisabledFlowStart {
  static final String WARNING =
      "is declared state: disabled, but AEP creates a flow enabled (the create call takes no"
          + " state) and aepform disables it right after: with no scheduleParams.startTime in the"
          + " future, its first run may start before that and ingest. Set"
          + " scheduleParams.startTime to a future time (epoch seconds) so it does not run before"
          + " you enable it";

  private DisabledFlowStart() {}

  /** The warning for creating {@code spec} at {@code now}, if it may run before it is disabled. */
  static Optional<String> warning(Value spec, Instant now) {
    boolean disabled =
        Values.at(spec, "/state")
            .map(Values::unmark)
            .filter(v -> v instanceof Value.Str s && s.value().equals("disabled"))
            .isPresent();
    if (!disabled) {
      return Optional.empty();
    }
    Optional<Value> start = Values.at(spec, "/scheduleParams/startTime").map(Values::unmark);
    if (start.isPresent() && !Values.isKnown(start.get())) {
      return Optional.empty(); // known only at apply: nothing to say yet
    }
    boolean future = seconds(spec).filter(s -> s > now.getEpochSecond()).isPresent();
    return future ? Optional.empty() : Optional.of(WARNING);
  }

  /** A flow's {@code scheduleParams.startTime} in epoch seconds, a number or a string of digits. */
  static Optional<Long> seconds(Value spec) {
    return Values.at(spec, "/scheduleParams/startTime")
        .map(Values::unmark)
        .flatMap(DisabledFlowStart::epochSeconds);
  }

  private static Optional<Long> epochSeconds(Value v) {
    if (v instanceof Value.Num n) {
      return Optional.of(n.value().longValue());
    }
    if (v instanceof Value.Str s && s.value().strip().matches("[0-9]{1,18}")) {
      return Optional.of(new BigDecimal(s.value().strip()).longValue());
    }
    return Optional.empty();
  }
}
