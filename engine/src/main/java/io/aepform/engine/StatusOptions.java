package io.aepform.engine;

import io.aepform.error.UsageException;
import java.util.List;

/**
 * What {@link Engine#status} shows: the resources at {@code addresses} (every resource in state
 * whose kind runs, when empty) and the last {@code runs} runs of each.
 */
public record StatusOptions(List<String> addresses, int runs) {
  /** More than a screen of runs per flow is what the Monitoring dashboard is for. */
  public static final int MAX_RUNS = 100;

  public StatusOptions {
    addresses = List.copyOf(addresses);
    if (runs < 1 || runs > MAX_RUNS) {
      throw new UsageException(
          UsageException.Code.INVALID_ARGUMENTS,
          "--runs must be between 1 and " + MAX_RUNS + ", not " + runs);
    }
  }
}
