package io.aepform.engine;

import java.util.List;

/**
 * Options of plan (and of apply without a saved plan): whether to refresh from the platform, and
 * the addresses given with {@code --target} (them and what they depend on), {@code --exclude} (not
 * them, nor what depends on them) and {@code --replace} (replace them even if unchanged); with
 * {@code refreshOnly}, the plan changes nothing remote and only records what refresh found; with
 * {@code destroy}, the plan deletes everything state holds (with targets, them and what depends on
 * them; with excludes, all but them and what they depend on). A saved plan keeps them, and applying
 * it uses them.
 */
public record PlanOptions(
    boolean refresh,
    List<String> targets,
    List<String> excludes,
    List<String> replaces,
    boolean refreshOnly,
    boolean destroy) {
  public PlanOptions {
    targets = List.copyOf(targets);
    excludes = List.copyOf(excludes);
    replaces = List.copyOf(replaces);
  }

  public PlanOptions(
      boolean refresh,
      List<String> targets,
      List<String> excludes,
      List<String> replaces,
      boolean refreshOnly) {
    this(refresh, targets, excludes, replaces, refreshOnly, false);
  }

  public PlanOptions(boolean refresh) {
    this(refresh, List.of(), List.of(), List.of(), false, false);
  }

  /** The same options for a destroy plan. */
  public PlanOptions destroying() {
    return new PlanOptions(refresh, targets, excludes, replaces, refreshOnly, true);
  }

  public static PlanOptions defaults() {
    return new PlanOptions(true);
  }
}
