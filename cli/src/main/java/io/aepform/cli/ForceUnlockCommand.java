package io.aepform.cli;

import io.aepform.engine.Engine;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code aepform force-unlock LOCK_ID}: remove a lock left by a run that died. */
@Command(
    name = "force-unlock",
    description =
        "Remove the state lock of a run that died holding it. Only when no other run is going on.",
    footer = {"", "Example:", "  aepform force-unlock 0b8c6a2e-... --env dev"})
final class ForceUnlockCommand implements Callable<Integer> {
  private final Cli cli;

  @Mixin CommonOptions common;

  @Parameters(paramLabel = "LOCK_ID", description = "The id the lock error printed.")
  String lockId;

  ForceUnlockCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    new Engine(cli.env()).forceUnlock(common.request(), lockId);
    cli.out().println("aepform state has been successfully unlocked!");
    return 0;
  }
}
