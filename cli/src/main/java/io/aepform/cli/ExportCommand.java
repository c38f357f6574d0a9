package io.aepform.cli;

import io.aepform.cli.render.ExportSummary;
import io.aepform.engine.Engine;
import io.aepform.engine.export.ExportResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aepform export --out DIR [--kind K]... [--import]}: manifests from a sandbox. */
@Command(
    name = "export",
    description =
        "Write manifests for the objects that exist in the environment's sandbox: ids become references, secrets $${env.NAME} placeholders.",
    footer = {
      "",
      "The configuration directory needs only environments/ENV.yaml. DIR gets one file per kind and,",
      "when it has none, a copy of that environment file: set its sandbox before applying elsewhere.",
      "",
      "Examples:",
      "  aepform export --env dev --out ../prod-config",
      "  aepform export --env dev --out adopted --kind schema --kind dataset",
      "  aepform export --env dev --out . --import"
    })
final class ExportCommand implements Callable<Integer> {
  private final Cli cli;

  @Mixin CommonOptions common;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Where to write the manifests (existing manifest files are not overwritten).")
  Path out;

  @Option(
      names = "--kind",
      paramLabel = "K",
      completionCandidates = KindNames.class,
      description = "Export only this kind (repeatable): ${COMPLETION-CANDIDATES}.")
  List<String> kinds = new ArrayList<>();

  /** The kinds the engine knows, for the help and shell completion. */
  static final class KindNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Engine.kindNames().iterator();
    }
  }

  @Option(
      names = "--import",
      description =
          "Also adopt every exported object into the state of the exported configuration, so its next plan is empty.")
  boolean importThem;

  ExportCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    ExportResult result =
        new Engine(Settings.of(cli, common)).export(common.request(), out, kinds, importThem);
    ExportSummary.render(result, common.env, cli.out());
    return 0;
  }
}
