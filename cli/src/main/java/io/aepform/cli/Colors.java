package io.aepform.cli;

import io.aepform.cli.render.Style;

/** Whether to color output: only on a terminal, and never with --no-color or NO_COLOR. */
final class Colors {
  private Colors() {}

  static Style of(CommonOptions common, Cli cli) {
    boolean color =
        !common.noColor
            && !cli.env().containsKey("NO_COLOR")
            && System.console() != null
            && cli.out() == System.out;
    return color ? Style.ANSI : Style.PLAIN;
  }
}
