package io.aepform.cli;

import io.aepform.cli.render.ApplySummary;
import io.aepform.cli.render.Style;
import io.aepform.engine.ApplyRequest;
import io.aepform.engine.Engine;
import io.aepform.engine.PlanOptions;
import io.aepform.engine.apply.ApplyResult;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code aepform destroy}: delete everything in state, dependents first. */
@Command(
    name = "destroy",
    description = "Delete every object the environment's state holds, dependents first.",
    footer = {
      "",
      "Examples:",
      "  aepform destroy --env dev",
      "  aepform destroy --env local --auto-approve"
    })
final class DestroyCommand implements Callable<Integer> {
  private final Cli cli;

  @Mixin CommonOptions common;
  @Mixin CommonOptions.VarOptions vars;
  @Mixin LockOptions lock;
  @Mixin ChangeOptions change;

  DestroyCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    Style style = Colors.of(common, cli);
    AtomicBoolean cancel = new AtomicBoolean();
    ApplyRequest request =
        change.request(
            cli,
            common.request(vars),
            new PlanOptions(true),
            lock.timeout(),
            style,
            cancel,
            Confirm.Question.DESTROY);
    Engine engine = new Engine(Settings.of(cli, common));
    // the summary is written under the interrupt hook, as apply's is
    return Interrupts.whileRunning(
        cancel, cli, () -> report(change.showingPlan(() -> engine.destroy(request)), style));
  }

  private int report(ApplyResult result, Style style) {
    if (result.outcomes().isEmpty() && !result.interrupted()) {
      cli.out()
          .println(
              "\nNo objects to destroy: the state of environment \"" + common.env + "\" is empty.");
      return 0;
    }
    // nothing is left to have outputs
    ApplyResult shown = new ApplyResult(result.outcomes(), List.of(), result.interrupted());
    ApplySummary.destroyed(shown, cli.out(), cli.err(), style);
    return result.succeeded() ? 0 : 1;
  }
}
