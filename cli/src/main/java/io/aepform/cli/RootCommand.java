package io.aepform.cli;

import picocli.CommandLine.Command;

/** {@code aepform}: the top of the command tree. */
@Command(
    name = "aepform",
    mixinStandardHelpOptions = false,
    description =
        "A plan/apply engine for Adobe Experience Platform: declare schemas, connections, datasets and dataflows in YAML; plan and apply only the calls needed.",
    subcommands = {
      ValidateCommand.class,
      PlanCommand.class,
      ApplyCommand.class,
      DestroyCommand.class,
      GraphCommand.class,
      OutputCommand.class,
      ShowCommand.class,
      StateCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      ForceUnlockCommand.class,
      EmulatorCommand.class,
      CompletionCommand.class,
      VersionCommand.class,
      picocli.CommandLine.HelpCommand.class
    },
    synopsisSubcommandLabel = "COMMAND",
    footer = {
      "",
      "Examples:",
      "  aepform validate --dir examples/parquet-ingestion",
      "  aepform plan --env dev"
    })
final class RootCommand implements Runnable {
  @picocli.CommandLine.Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }
}
