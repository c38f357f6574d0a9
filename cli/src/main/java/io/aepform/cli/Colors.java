package io.aepform.cli;

import io.aepform.cli.render.Style;
import java.util.Map;

/**
 * Whether to color output: only on a terminal that can show colors, and never with --no-color or a
 * non-empty NO_COLOR (https://no-color.org: "when present and not an empty string").
 */
final class Colors {
  private Colors() {}

  static Style of(CommonOptions common, Cli cli) {
    boolean terminal = System.console() != null && cli.out() == System.out;
    return enabled(common.noColor, cli.env(), terminal) ? Style.ANSI : Style.PLAIN;
  }

  /** The rule, apart from the process: {@code terminal} is whether output goes to one. */
  static boolean enabled(boolean noColorFlag, Map<String, String> env, boolean terminal) {
    boolean noColorEnv = !env.getOrDefault("NO_COLOR", "").isEmpty();
    boolean dumb = env.getOrDefault("TERM", "").equals("dumb");
    return terminal && !noColorFlag && !noColorEnv && !dumb;
  }
}
