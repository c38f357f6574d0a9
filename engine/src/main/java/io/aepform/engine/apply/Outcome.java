package io.aepform.engine.apply;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.plan.Action;
import java.util.Objects;

/** How one planned change ended. */
public record Outcome(Address address, Action action, Status status, String message) {
  /** Done, failed, or never attempted. */
  public enum Status {
    DONE,
    FAILED,
    SKIPPED
  }

  public Outcome {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
  }
}
