package io.aepform.cli;

import io.aepform.engine.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aepform version}. */
@Command(name = "version", description = "Print aepform's version.")
final class VersionCommand implements Runnable {
  private final Cli cli;

  @Mixin CommonOptions common;

  VersionCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public void run() {
    cli.out()
        .println("aepform " + Version.current() + " (Java " + Runtime.version().feature() + ")");
  }
}
