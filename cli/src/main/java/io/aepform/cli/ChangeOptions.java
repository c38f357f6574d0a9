package io.aepform.cli;

import io.aepform.cli.render.ApplyProgress;
import io.aepform.cli.render.PlanTextRenderer;
import io.aepform.cli.render.Style;
import io.aepform.engine.ApplyRequest;
import io.aepform.engine.ConfigRequest;
import io.aepform.engine.PlanOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Option;

/** What apply and destroy share: confirmation, parallelism, and the request they build. */
final class ChangeOptions {
  @Option(names = "--auto-approve", description = "Go ahead without asking for confirmation.")
  boolean autoApprove;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      description =
          "At most N calls at once (default: 10). Once the platform answers 429, also no"
              + " faster than it accepts.")
  int parallelism = 10;

  /** Set once the plan was shown for confirmation: there was something to do. */
  final AtomicBoolean asked = new AtomicBoolean();

  /**
   * A request that shows the plan and asks {@code question} (unless --auto-approve), with progress
   * lines.
   */
  ApplyRequest request(
      Cli cli,
      ConfigRequest config,
      PlanOptions options,
      Duration lockTimeout,
      Style style,
      AtomicBoolean cancel,
      Confirm.Question question) {
    PlanTextRenderer renderer = new PlanTextRenderer(style);
    return new ApplyRequest(
        config,
        options,
        parallelism,
        lockTimeout,
        plan -> {
          asked.set(true);
          String shown =
              question == Confirm.Question.REFRESH_ONLY
                  ? renderer.renderRefreshOnly(plan)
                  : renderer.render(plan);
          return Confirm.ask(cli, autoApprove, shown, question);
        },
        new ApplyProgress(cli.out(), style),
        cancel);
  }
}
