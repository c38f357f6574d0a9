package io.aepform.cli;

import io.aepform.cli.render.ApplySummary;
import io.aepform.cli.render.PlanTextRenderer;
import io.aepform.cli.render.RunWaitSummary;
import io.aepform.cli.render.Style;
import io.aepform.engine.ApplyRequest;
import io.aepform.engine.ConfigRequest;
import io.aepform.engine.Engine;
import io.aepform.engine.PlanOptions;
import io.aepform.engine.WaitOptions;
import io.aepform.engine.apply.ApplyResult;
import io.aepform.engine.monitor.RunWaitResult;
import io.aepform.engine.plan.Plan;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code aepform apply}: plan, confirm, and carry it out. */
@Command(
    name = "apply",
    description =
        "Make the platform match the configuration: plan, confirm, then make only the calls needed.",
    footer = {
      "",
      "Examples:",
      "  aepform apply --env dev",
      "  aepform apply --dir examples/parquet-ingestion --env local --auto-approve",
      "  aepform apply --env prod --parallelism 4 --lock-timeout 5m",
      "  aepform apply --env dev --auto-approve --wait-for-runs --wait-timeout 15m"
    })
final class ApplyCommand implements Callable<Integer> {
  private final Cli cli;

  @Mixin CommonOptions common;
  @Mixin CommonOptions.VarOptions vars;
  @Mixin PlanOptionsMixin planOptions;
  @Mixin LockOptions lock;
  @Mixin ChangeOptions change;
  @Mixin WaitForRunsOptions runs;

  @Parameters(
      arity = "0..1",
      paramLabel = "PLANFILE",
      description = "A plan saved with plan --out: applied without asking, refused when stale.")
  Path planFile;

  ApplyCommand(Cli cli) {
    this.cli = cli;
  }

  /** Whether the saved plan applied is a destroy plan (plan --destroy --out). */
  private boolean destroying;

  /** Not an exit code: what {@link #report} says when the runs are waited for next. */
  private static final int WAIT_FOR_RUNS = -1;

  @Override
  public Integer call() {
    Style style = Colors.of(common, cli);
    AtomicBoolean cancel = new AtomicBoolean();
    Engine engine = new Engine(Settings.of(cli, common));
    // a saved plan is applied with its own options: a refresh-only or destroy one is reported so
    Optional<PlanOptions> saved = Optional.ofNullable(planFile).map(engine::planOptions);
    boolean refreshOnly = saved.map(PlanOptions::refreshOnly).orElse(planOptions.refreshOnly);
    destroying = saved.map(PlanOptions::destroy).orElse(false);
    ApplyRequest request =
        change.request(
            cli,
            common.request(vars),
            planOptions.options(),
            lock.timeout(),
            style,
            cancel,
            refreshOnly ? Confirm.Question.REFRESH_ONLY : Confirm.Question.APPLY);
    Duration waitTimeout = runs.waitForRuns ? runs.timeout() : Duration.ZERO;
    Instant started = Instant.now();
    // the summary is written under the same interrupt hook: a Ctrl-C that comes as the walk ends
    // still says what happens, and the JVM waits for the summary before it exits
    AtomicInteger exit = new AtomicInteger();
    ApplyResult result =
        Interrupts.whileRunning(
            cancel,
            cli,
            () -> {
              ApplyResult applied =
                  change.showingPlan(
                      () ->
                          planFile == null
                              ? engine.apply(request)
                              : engine.applySaved(planFile, request));
              // a refresh-only apply recorded drift when it was confirmed, or when the reviewed
              // saved plan showed some
              boolean recorded =
                  planFile == null
                      ? change.asked.get()
                      : !engine.readPlan(planFile).drift().isEmpty();
              exit.set(report(applied, request, style, refreshOnly, recorded));
              return applied;
            });
    if (exit.get() != WAIT_FOR_RUNS) {
      return exit.get();
    }
    return waitForRuns(engine, request, result, started, waitTimeout);
  }

  /** Apply's own exit code, or {@link #WAIT_FOR_RUNS} when the runs are to be waited for next. */
  private int report(
      ApplyResult result,
      ApplyRequest request,
      Style style,
      boolean refreshOnly,
      boolean recorded) {
    if (refreshOnly) {
      if (!recorded) { // no drift: nothing to record
        cli.out().print(new PlanTextRenderer(style).renderRefreshOnly(noChanges(request)));
        return 0;
      }
      cli.out()
          .println(
              "\n"
                  + style.green(style.bold("Apply complete!"))
                  + " State now records what refresh found outside aepform; nothing remote was"
                  + " changed.");
      return 0;
    }
    if (result.outcomes().isEmpty()
        && !result.interrupted()
        && result.imported() == 0
        && result.forgotten() == 0
        && !result.refactored()) {
      PlanTextRenderer text = new PlanTextRenderer(style);
      Plan none = noChanges(request);
      cli.out().print(destroying ? text.renderDestroy(none) : text.render(none));
      return 0;
    }
    ApplySummary.render(result, cli.out(), cli.err(), style);
    if (!result.succeeded()) {
      return 1;
    }
    return runs.waitForRuns ? WAIT_FOR_RUNS : 0;
  }

  /** After the walk: the first runs of what the apply started; reads only, Ctrl-C just stops. */
  private int waitForRuns(
      Engine engine, ApplyRequest request, ApplyResult result, Instant started, Duration timeout) {
    ConfigRequest config =
        planFile == null
            ? request.config()
            : new ConfigRequest(
                common.dir, engine.planEnvironment(planFile), request.config().inputs());
    AtomicBoolean cancel = new AtomicBoolean();
    WaitOptions options = new WaitOptions(started, timeout, request.listener(), cancel);
    cli.out().println();
    // the summary is written under the interrupt hook too: after a Ctrl-C the JVM exits once the
    // work is done, and a summary written after it was lost
    RunWaitResult waited =
        Interrupts.whileRunning(
            cancel,
            cli,
            "Interrupt received: no longer waiting for runs. Nothing was changed.",
            () -> {
              RunWaitResult w = engine.waitForRuns(config, result, options);
              RunWaitSummary.render(w, cli.out(), cli.err());
              return w;
            });
    return waited.failed() || waited.stopped() ? 1 : 0;
  }

  private Plan noChanges(ApplyRequest request) {
    return new Plan(
        request.config().environment(), "", 0, List.of(), List.of(), List.of(), List.of());
  }
}
