package io.aepform.emulator.runs;

import java.util.ArrayList;
import java.util.List;

/**
 * When the run settings changed in this emulator's life: at start (the options) and whenever a test
 * changes them. A run follows the settings in effect when it started; runs of an earlier process
 * keep those that process recorded in the flow's ledger.
 */
final class RunSettingsTimeline {
  record Change(long since, RunSettings settings) {}

  private final List<Change> changes = new ArrayList<>();

  RunSettingsTimeline(long start, RunSettings initial) {
    changes.add(new Change(start, initial));
  }

  synchronized void set(long since, RunSettings settings) {
    changes.add(new Change(Math.max(since, last().since()), settings));
  }

  synchronized RunSettings current() {
    return last().settings();
  }

  /** The settings in effect at {@code t}; before the emulator started, those it started with. */
  synchronized RunSettings at(long t) {
    RunSettings s = changes.get(0).settings();
    for (Change c : changes) {
      if (c.since() <= t) {
        s = c.settings();
      }
    }
    return s;
  }

  /** Changes at or after {@code t}, oldest first. */
  synchronized List<Change> since(long t) {
    return changes.stream().filter(c -> c.since() >= t).toList();
  }

  private Change last() {
    return changes.get(changes.size() - 1);
  }
}
