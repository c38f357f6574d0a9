package io.aepform.engine.apply;

import io.aepform.engine.manifest.Address;
import io.aepform.engine.plan.Action;
import java.util.Objects;

/**
 * How one planned change ended. {@code destroyed} tells, for a replace that did not complete,
 * whether its old object was already deleted.
 */
public record Outcome(
    Address address, Action action, Status status, String message, boolean destroyed) {
  /** Why a change was not started when state stopped being writable during the apply. */
  public static final String STATE_NOT_WRITABLE = "not started: state could not be written";

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

  public Outcome(Address address, Action action, Status status, String message) {
    this(address, action, status, message, status == Status.DONE && action.destroys());
  }
}
