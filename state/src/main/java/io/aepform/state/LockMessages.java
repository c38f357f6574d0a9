package io.aepform.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** What a user reads when the state is locked: who holds it, since when, and what to do. */
final class LockMessages {
  private LockMessages() {}

  static String held(String state, LockInfo holder, Instant now, Duration waited, String env) {
    return String.format(
        "The state %s is locked by %s; waited %s. Wait for that run to finish, or retry with a"
            + " longer --lock-timeout. If that run is dead, remove its lock with: %s",
        state, describe(holder, now), age(waited), command(holder, env));
  }

  static String stale(String state, LockInfo holder, Instant now, String env) {
    return String.format(
        "The state %s is locked by a process that is no longer running (stale lock): %s. Make sure"
            + " no aepform run is in progress, then remove the lock with: %s",
        state, describe(holder, now), command(holder, env));
  }

  static String damaged(String state, StateException cause) {
    return String.format(
        "The state %s is locked, but the lock file cannot be read (%s). If no aepform run is in"
            + " progress, delete the lock file by hand.",
        state, cause.getMessage());
  }

  private static String describe(LockInfo holder, Instant now) {
    return String.format(
        "%s@%s (pid %d) running '%s' since %s (%s ago), lock id %s",
        holder.owner(),
        holder.host(),
        holder.pid(),
        holder.operation(),
        holder.created(),
        age(Duration.between(holder.created(), now)),
        holder.id());
  }

  private static String command(LockInfo holder, String env) {
    String command = "aepform force-unlock " + holder.id();
    return env.equals("default") ? command : command + " --env " + env;
  }

  /** A short human duration: {@code 2h5m}, {@code 3m12s}, {@code 0.4s}. */
  static String age(Duration duration) {
    Duration d = duration.isNegative() ? Duration.ZERO : duration;
    if (d.toHours() > 0) {
      return d.toHours() + "h" + d.toMinutesPart() + "m";
    }
    if (d.toMinutes() > 0) {
      return d.toMinutes() + "m" + d.toSecondsPart() + "s";
    }
    if (d.getSeconds() > 0) {
      return d.getSeconds() + "s";
    }
    return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
  }
}
