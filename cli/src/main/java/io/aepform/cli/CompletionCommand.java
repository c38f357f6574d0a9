package io.aepform.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aepform completion bash|zsh}: a shell completion script. */
@Command(
    name = "completion",
    description = "Print a shell completion script for bash or zsh.",
    footer = {
      "",
      "Examples:",
      "  source <(aepform completion bash)                 # this shell",
      "  aepform completion bash > /etc/bash_completion.d/aepform",
      "  aepform completion zsh > \"$${fpath[1]}/_aepform\"   # zsh, through bashcompinit"
    })
final class CompletionCommand implements Callable<Integer> {
  private final Cli cli;

  @Spec CommandLine.Model.CommandSpec spec;

  /**
   * Words rather than one {@link Shell}: picocli converts a positional as soon as it reads it, so
   * an option this command does not take ({@code completion --dir . bash}) was reported as a bad
   * shell ('.'); read as words, the unknown option is what the error names.
   */
  @Parameters(
      arity = "1..*",
      paramLabel = "bash|zsh",
      completionCandidates = Shells.class,
      description = "The shell.")
  List<String> words;

  /** What the completion script offers after {@code aepform completion}. */
  static final class Shells implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Shell.values()).map(Shell::name).iterator();
    }
  }

  @CommandLine.Mixin GlobalOptions global;

  enum Shell {
    bash,
    zsh
  }

  CompletionCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    Shell chosen = shell();
    String script = AutoComplete.bash("aepform", spec.root().commandLine());
    if (chosen == Shell.zsh) {
      // picocli's script is bash; zsh runs it through its bash completion layer
      script =
          "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n"
              + script;
    }
    cli.out().print(script);
    return 0;
  }

  private Shell shell() {
    String word = words.get(0);
    if (words.size() > 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "completion takes one shell, bash or zsh: got '" + String.join(" ", words) + "'");
    }
    try {
      return Shell.valueOf(word);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "Invalid value for positional parameter at index 0 (bash|zsh): expected one of [bash,"
              + " zsh] (case-sensitive) but was '"
              + word
              + "'");
    }
  }
}
