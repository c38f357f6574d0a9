package io.aepform.cli;

import io.aepform.cli.render.PlanTextRenderer;
import io.aepform.engine.plan.Plan;
import io.aepform.error.AepformException;
import io.aepform.error.ErrorCode;
import java.io.Console;

/** The "yes" prompt of apply, which refuses to guess when there is no terminal. */
final class Confirm {
  private Confirm() {}

  static boolean ask(Cli cli, boolean autoApprove, Plan plan, PlanTextRenderer renderer) {
    cli.out().print(renderer.render(plan));
    if (autoApprove) {
      cli.out().println();
      return true;
    }
    Console console = System.console();
    if (console == null) {
      throw new AepformException(
          ErrorCode.USAGE,
          "apply needs confirmation but there is no terminal: review the plan and run with --auto-approve, or save it with plan --out and apply that file");
    }
    cli.out().println();
    cli.out().println("Do you want to perform these actions?");
    cli.out().println("  aepform will perform the actions described above.");
    cli.out().println("  Only 'yes' will be accepted to approve.");
    cli.out().println();
    String answer = console.readLine("  Enter a value: ");
    cli.out().println();
    return answer != null && answer.trim().equals("yes");
  }
}
