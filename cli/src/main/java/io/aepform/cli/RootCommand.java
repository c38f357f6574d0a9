package io.aepform.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code aepform}: the top of the command tree. */
@Command(
    name = "aepform",
    mixinStandardHelpOptions = false,
    description =
        "A plan/apply engine for Adobe Experience Platform: declare schemas, connections, datasets and dataflows in YAML; plan and apply only the calls needed.",
    synopsisSubcommandLabel = "COMMAND",
    footer = {
      "",
      "Examples:",
      "  aepform validate --dir examples/parquet-ingestion --env local",
      "  aepform plan --env dev"
    })
final class RootCommand implements Runnable {
  /**
   * The subcommands in the order help lists them. They are added by {@link Cli}, not by the
   * annotation, so that a command line naming one builds only that one's model: picocli reads every
   * command's annotations when it is added, and its classes cannot be class-data shared on Java 17,
   * so building all fifteen costs more than most commands take to run.
   */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> all = new LinkedHashMap<>();
    all.put("validate", ValidateCommand.class);
    all.put("plan", PlanCommand.class);
    all.put("apply", ApplyCommand.class);
    all.put("destroy", DestroyCommand.class);
    all.put("graph", GraphCommand.class);
    all.put("output", OutputCommand.class);
    all.put("show", ShowCommand.class);
    all.put("status", StatusCommand.class);
    all.put("state", StateCommand.class);
    all.put("import", ImportCommand.class);
    all.put("export", ExportCommand.class);
    all.put("force-unlock", ForceUnlockCommand.class);
    all.put("emulator", EmulatorCommand.class);
    all.put("completion", CompletionCommand.class);
    all.put("version", VersionCommand.class);
    all.put("help", CommandLine.HelpCommand.class);
    return Collections.unmodifiableMap(all);
  }

  @CommandLine.Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }
}
