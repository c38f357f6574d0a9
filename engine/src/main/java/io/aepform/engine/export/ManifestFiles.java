package io.aepform.engine.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aepform.engine.manifest.EnvironmentConfig;
import io.aepform.error.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes exported documents: one file per kind ({@code schemas.yaml}, {@code connections.yaml},
 * ...) with {@code ---} between documents, and the environment file when the directory has none.
 * Never overwrites a manifest: export goes into a new directory, or one without those files.
 */
public final class ManifestFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ManifestFiles() {}

  /**
   * The file a kind's documents go to: {@code source_connections.yaml} for sourceConnection, {@code
   * merge_policies.yaml} for mergePolicy.
   */
  static String fileName(String kind) {
    String snake = LogicalNames.snake(kind);
    return (snake.matches(".*[^aeiou]y")
            ? snake.substring(0, snake.length() - 1) + "ies"
            : snake + "s")
        + ".yaml";
  }

  /** Writes the manifests of {@code export} under {@code out}; returns the files written. */
  public static List<Path> write(Path out, Exporter.Export export, String sandbox) {
    Map<String, List<Exporter.Exported>> byKind = new LinkedHashMap<>();
    export
        .resources()
        .forEach(e -> byKind.computeIfAbsent(e.address().kind(), k -> new ArrayList<>()).add(e));
    for (String kind : byKind.keySet()) {
      if (Files.exists(out.resolve(fileName(kind)))) {
        throw new UsageException(
            UsageException.Code.INVALID_ARGUMENTS,
            out.resolve(fileName(kind))
                + " already exists: export into a new directory, or remove the file first");
      }
    }
    List<Path> written = new ArrayList<>();
    Yaml yaml = yaml();
    for (Map.Entry<String, List<Exporter.Exported>> e : byKind.entrySet()) {
      StringBuilder text = new StringBuilder();
      text.append("# Exported by aepform from sandbox '").append(sandbox).append("'.\n");
      for (int i = 0; i < e.getValue().size(); i++) {
        text.append(i == 0 ? "" : "---\n").append(yaml.dump(document(e.getValue().get(i))));
      }
      written.add(writeFile(out.resolve(fileName(e.getKey())), text.toString()));
    }
    return written;
  }

  /**
   * Writes {@code environments/<env>.yaml} from the source environment when the directory has none:
   * the same sandbox, platform and state backend, without the variables (the exported manifests
   * declare none). Empty when the file exists or the source has no environment file.
   */
  public static Optional<Path> writeEnvironment(Path out, EnvironmentConfig source) {
    Path file = out.resolve("environments").resolve(source.name() + ".yaml");
    if (Files.exists(file) || source.equals(EnvironmentConfig.implicit(source.name()))) {
      return Optional.empty();
    }
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("sandbox", source.sandbox());
    env.put("platform", source.platform());
    if (!source.stateBackend().equals("local") || !source.stateSettings().isEmpty()) {
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("backend", source.stateBackend());
      state.putAll(source.stateSettings());
      env.put("state", state);
    }
    env.values().removeIf(v -> v instanceof String s && s.isEmpty());
    String text =
        "# Copied by aepform export from the environment the objects were read from.\n"
            + "# Set sandbox: (and platform:) to where this configuration is to be applied.\n"
            + yaml().dump(env);
    return Optional.of(writeFile(file, text));
  }

  private static Map<String, Object> document(Exporter.Exported e) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("kind", e.address().kind());
    doc.put("name", e.address().name());
    doc.put("spec", JSON.convertValue(e.spec(), Map.class));
    return doc;
  }

  private static Yaml yaml() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setSplitLines(false);
    options.setWidth(Integer.MAX_VALUE);
    return new Yaml(options);
  }

  private static Path writeFile(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UsageException(
          UsageException.Code.INVALID_ARGUMENTS, "cannot write " + file + ": " + e.getMessage());
    }
  }
}
