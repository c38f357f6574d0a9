package io.aepform.cli;

import io.aepform.engine.ConfigRequest;
import io.aepform.engine.manifest.VariableValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every command takes: where the configuration is, which environment, how to talk. */
final class CommonOptions {
  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Configuration directory (default: .).")
  Path dir = Path.of(".");

  @Option(
      names = "--env",
      paramLabel = "ENV",
      description = "Environment: environments/ENV.yaml (default: default).")
  String env = "default";

  @Option(names = "--no-color", description = "No colors (also when NO_COLOR is set).")
  boolean noColor;

  @Option(
      names = {"-v", "--verbose"},
      description = "More detail; stack traces on errors.")
  boolean verbose;

  @Option(
      names = "--record-traffic",
      paramLabel = "DIR",
      description =
          "Write every request to the platform and its answer into DIR, one JSON fixture per"
              + " exchange, secrets redacted (docs/local-platform.md).")
  Path recordTraffic;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  /** The request for the engine, without variables. */
  ConfigRequest request() {
    return request(new VarOptions());
  }

  ConfigRequest request(VarOptions vars) {
    return new ConfigRequest(dir, env, vars.inputs());
  }

  /** Options that set variables. */
  static final class VarOptions {
    @Option(
        names = "--var",
        paramLabel = "NAME=VALUE",
        description = "Set a variable (repeatable).")
    List<String> vars = new ArrayList<>();

    @Option(
        names = "--var-file",
        paramLabel = "FILE",
        description = "Read variables from a YAML file (repeatable).")
    List<Path> varFiles = new ArrayList<>();

    VariableValues.Inputs inputs() {
      return new VariableValues.Inputs(vars, varFiles);
    }
  }
}
