package io.aepform.cli;

import io.aepform.cli.render.ApplyProgress;
import io.aepform.cli.render.PlanTextRenderer;
import io.aepform.cli.render.Style;
import io.aepform.engine.ApplyRequest;
import io.aepform.engine.ConfigRequest;
import io.aepform.engine.PlanOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
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

  /** The plan text being printed, under --auto-approve, while the changes start. */
  private volatile CompletableFuture<Void> planText = CompletableFuture.completedFuture(null);

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
    ApplyProgress progress = new ApplyProgress(cli.out(), style);
    return new ApplyRequest(
        config,
        options,
        parallelism,
        lockTimeout,
        plan -> {
          asked.set(true);
          if (autoApprove && question != Confirm.Question.REFRESH_ONLY) {
            // nothing to ask: the changes start while the plan text is written; their progress
            // lines wait for it
            progress.hold();
            planText =
                printAside(() -> Confirm.ask(cli, true, renderer.render(plan), question), progress);
            return true;
          }
          String shown =
              question == Confirm.Question.REFRESH_ONLY
                  ? renderer.renderRefreshOnly(plan)
                  : renderer.render(plan);
          return Confirm.ask(cli, autoApprove, shown, question);
        },
        progress,
        cancel);
  }

  /**
   * Runs {@code work}, the engine call made with {@link #request}, and returns once the plan text
   * it showed is wholly printed: what the command prints next (the summary, an error) comes after.
   */
  <T> T showingPlan(Supplier<T> work) {
    T result;
    try {
      result = work.get();
    } catch (RuntimeException | Error e) {
      planText.exceptionally(printing -> null).join();
      throw e;
    }
    try {
      planText.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
    return result;
  }

  /** Runs {@code print} on another thread, then lets the held progress lines out. */
  private static CompletableFuture<Void> printAside(Runnable print, ApplyProgress progress) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                print.run();
                done.complete(null);
              } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
              } finally {
                progress.release();
              }
            },
            "aepform-plan-text");
    thread.setDaemon(true);
    thread.start();
    return done;
  }
}
