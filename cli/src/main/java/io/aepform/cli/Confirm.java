package io.aepform.cli;

import io.aepform.error.UsageException;
import java.util.List;

/** The "yes" prompt of apply and destroy, which refuses to guess when there is no terminal. */
final class Confirm {
  private Confirm() {}

  /** What is asked, in the words of the command that asks (Terraform's). */
  enum Question {
    APPLY(
        "apply",
        "Do you want to perform these actions?",
        "aepform will perform the actions described above.",
        "Only 'yes' will be accepted to approve."),
    DESTROY(
        "destroy",
        "Do you really want to destroy all resources?",
        "aepform will destroy all the objects the state of this environment holds, as shown above.",
        "There is no undo. Only 'yes' will be accepted to confirm."),
    REFRESH_ONLY(
        "apply --refresh-only",
        "Would you like to update the aepform state to reflect these detected changes?",
        "aepform will write these changes to the state without modifying any remote objects.",
        "There is no undo. Only 'yes' will be accepted to confirm.");

    final String command;
    final List<String> lines;

    Question(String command, String... lines) {
      this.command = command;
      this.lines = List.of(lines);
    }
  }

  /** Shows {@code plan} (rendered) and asks; true to go on. */
  static boolean ask(Cli cli, boolean autoApprove, String plan, Question question) {
    cli.out().print(plan);
    if (autoApprove) {
      cli.out().println();
      return true;
    }
    if (!cli.terminal().interactive()) {
      throw new UsageException(
          UsageException.Code.NO_TERMINAL,
          question.command
              + " needs confirmation but there is no terminal: review the plan and run with"
              + " --auto-approve"
              + (question == Question.APPLY
                  ? ", or save it with plan --out and apply that file"
                  : ""));
    }
    cli.out().println();
    cli.out().println(question.lines.get(0));
    question.lines.subList(1, question.lines.size()).forEach(l -> cli.out().println("  " + l));
    cli.out().println();
    String answer = cli.terminal().readLine("  Enter a value: ").orElse("");
    cli.out().println();
    return answer.trim().equals("yes");
  }
}
