package io.aepform.cli;

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

  @Parameters(paramLabel = "bash|zsh", description = "The shell.")
  Shell shell;

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
    String script = AutoComplete.bash("aepform", spec.root().commandLine());
    if (shell == Shell.zsh) {
      // picocli's script is bash; zsh runs it through its bash completion layer
      script =
          "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n"
              + script;
    }
    cli.out().print(script);
    return 0;
  }
}
