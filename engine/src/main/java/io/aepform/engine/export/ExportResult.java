package io.aepform.engine.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code export} did.
 *
 * @param files the files written, in the order written (manifests, then the environment file)
 * @param resources the addresses of the exported resources, in kind order then by name
 * @param placeholders the environment variables the manifests read secrets from: set them before
 *     plan or apply
 * @param warnings what the user should look at, e.g. an id kept literal because its object was not
 *     exported
 * @param imported how many resources were imported into the environment's state (0 without {@code
 *     --import})
 */
public record ExportResult(
    List<Path> files,
    List<String> resources,
    List<EnvPlaceholder> placeholders,
    List<String> warnings,
    int imported) {
  public ExportResult {
    files = List.copyOf(files);
    resources = List.copyOf(resources);
    placeholders = List.copyOf(placeholders);
    warnings = List.copyOf(warnings);
    if (imported < 0) {
      throw new IllegalArgumentException("imported must not be negative");
    }
  }
}
