package io.aepform.cli.render;

import io.aepform.engine.export.EnvPlaceholder;
import io.aepform.engine.export.ExportResult;
import java.io.PrintStream;
import java.nio.file.Path;

/** What {@code export} wrote, what it imported, and the environment variables left to set. */
public final class ExportSummary {
  private ExportSummary() {}

  public static void render(ExportResult result, String environment, PrintStream out) {
    out.println(
        "Exported "
            + result.resources().size()
            + " resource"
            + (result.resources().size() == 1 ? "" : "s")
            + (result.files().isEmpty() ? "." : ":"));
    for (Path f : result.files()) {
      out.println("  " + f);
    }
    if (result.imported() > 0) {
      out.println(
          "\nImported "
              + result.imported()
              + " into the state of environment '"
              + environment
              + "': the next plan of the exported configuration shows no changes.");
    }
    if (!result.warnings().isEmpty()) {
      out.println();
      result.warnings().forEach(w -> out.println("Warning: " + w));
    }
    if (!result.placeholders().isEmpty()) {
      out.println(
          "\nAEP does not return secrets. Set these environment variables before plan or apply:");
      int width = result.placeholders().stream().mapToInt(p -> p.name().length()).max().orElse(0);
      for (EnvPlaceholder p : result.placeholders()) {
        out.println(
            "  "
                + String.format("%-" + width + "s", p.name())
                + "  "
                + p.address()
                + " spec"
                + p.pointer().replace('/', '.'));
      }
    }
  }
}
