package io.aepform.engine;

import io.aepform.engine.apply.ApplyListener;
import io.aepform.engine.plan.Plan;
import io.aepform.error.UsageException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * An apply: the configuration, plan options, how many calls at once, how long to wait for the lock,
 * {@code confirm} (shown the plan, answers whether to go on; called with the lock held), a listener
 * for progress, and a flag that stops it (Ctrl-C): calls in flight finish, the state is saved,
 * nothing new starts.
 */
public record ApplyRequest(
    ConfigRequest config,
    PlanOptions options,
    int parallelism,
    Duration lockTimeout,
    Predicate<Plan> confirm,
    ApplyListener listener,
    AtomicBoolean cancel) {
  public ApplyRequest {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(options, "options");
    if (parallelism < 1) {
      throw new UsageException(
          UsageException.Code.INVALID_ARGUMENTS,
          "--parallelism must be at least 1, not " + parallelism);
    }
    Objects.requireNonNull(lockTimeout, "lockTimeout");
    Objects.requireNonNull(confirm, "confirm");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(cancel, "cancel");
  }
}
