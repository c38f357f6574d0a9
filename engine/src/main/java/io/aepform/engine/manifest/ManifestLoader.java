package io.aepform.engine.manifest;

import io.aepform.engine.kind.Kind;
import io.aepform.engine.kind.SpecProblem;
import io.aepform.engine.value.Spelling;
import io.aepform.engine.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads every {@code *.yaml}/{@code *.yml} file of a configuration directory (sorted by name, not
 * recursive, dot files ignored) into a {@link Configuration}, collecting every problem it finds.
 */
public final class ManifestLoader {
  private static final Set<String> RESOURCE_KEYS =
      Set.of("kind", "name", "spec", "dependsOn", "lifecycle");
  private static final Set<String> VARIABLE_KEYS =
      Set.of("kind", "name", "default", "description", "sensitive");
  private static final Set<String> OUTPUT_KEYS =
      Set.of("kind", "name", "value", "description", "sensitive");

  private final Map<String, Kind> kinds;

  public ManifestLoader(Map<String, Kind> kinds) {
    this.kinds = Map.copyOf(kinds);
  }

  /** The manifest files of a directory, in the order they are read. */
  public static List<Path> manifestFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ManifestException(
          Position.of(dir.toString()), "configuration directory not found: pass --dir DIR");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .map(Path::normalize)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ManifestException(Position.of(dir.toString()), "cannot list: " + e.getMessage());
    }
  }

  /** Loads and checks a directory; throws a {@link ManifestException} with every problem found. */
  public Configuration load(Path dir) {
    List<Path> files = manifestFiles(dir);
    if (files.isEmpty()) {
      throw new ManifestException(
          Position.of(dir.toString()),
          "no *.yaml manifest files in this directory: pass --dir DIR");
    }
    Collector collector = new Collector();
    for (Parsed parsed : parse(files)) {
      if (parsed.error() != null) {
        collector.problems.addAll(parsed.error().problems());
      } else {
        parsed.documents().forEach(collector::document);
      }
    }
    return collector.finish();
  }

  /** A file's documents, or why it could not be read. */
  private record Parsed(List<YamlDocument> documents, ManifestException error) {}

  /** Files of large configurations together add up to more than this: parse them in parallel. */
  private static final long PARALLEL_BYTES = 512 * 1024;

  /**
   * Parses the files, in parallel when there are several and they are large (parsing is most of
   * loading a large configuration); the results keep the files' order, so problems are reported in
   * the same order either way.
   */
  private static List<Parsed> parse(List<Path> files) {
    long bytes = 0;
    for (Path file : files) {
      try {
        bytes += Files.size(file);
      } catch (IOException e) {
        // YamlReader reports it
      }
    }
    Stream<Path> stream = files.stream();
    if (files.size() > 1 && bytes > PARALLEL_BYTES) {
      stream = stream.parallel();
    }
    return stream.map(ManifestLoader::parse).toList();
  }

  private static Parsed parse(Path file) {
    try {
      return new Parsed(YamlReader.read(file, file.toString()), null);
    } catch (ManifestException e) {
      return new Parsed(List.of(), e);
    }
  }

  /** Accumulates documents and problems across files. */
  private final class Collector {
    final List<Problem> problems = new ArrayList<>();
    final List<ResourceDecl> resources = new ArrayList<>();
    final List<VariableDecl> variables = new ArrayList<>();
    final List<OutputDecl> outputs = new ArrayList<>();
    final Map<String, Position> seen = new HashMap<>();
    final RefactoringReader refactorings = new RefactoringReader(kinds, problems);

    void document(YamlDocument doc) {
      if (!(doc.root() instanceof Value.Obj root)) {
        problems.add(
            Problem.error(doc.start(), "a document must be a mapping with 'kind' and 'name'"));
        return;
      }
      Optional<String> kind = text(doc, root, "kind");
      if (kind.isPresent() && RefactoringReader.WORDS.contains(kind.get())) {
        refactorings.read(doc, root, kind.get());
        return;
      }
      Optional<String> name = text(doc, root, "name");
      if (kind.isEmpty() || name.isEmpty()) {
        return;
      }
      if (!Address.NAME.matcher(name.get()).matches()) {
        problems.add(
            Problem.error(
                doc.valueAt("/name"),
                "invalid name '"
                    + name.get()
                    + "': use lowercase letters, digits and _, starting with a letter"));
        return;
      }
      if (!unique(doc, kind.get() + "." + name.get())) {
        return;
      }
      switch (kind.get()) {
        case "variable" -> variable(doc, root, name.get());
        case "output" -> output(doc, root, name.get());
        default -> resource(doc, root, kind.get(), name.get());
      }
    }

    private boolean unique(YamlDocument doc, String address) {
      Position first = seen.putIfAbsent(address, doc.valueAt("/name"));
      if (first != null) {
        problems.add(
            Problem.error(
                doc.valueAt("/name"), "duplicate " + address + ", first declared at " + first));
      }
      return first == null;
    }

    private void resource(YamlDocument doc, Value.Obj root, String kind, String name) {
      Kind rules = kinds.get(kind);
      if (rules == null) {
        problems.add(
            Problem.error(
                doc.valueAt("/kind"), "unknown kind " + Spelling.unknown(kind, kindWords())));
        return;
      }
      unknownKeys(doc, root, RESOURCE_KEYS);
      Value spec = root.fields().get("spec");
      if (!(spec instanceof Value.Obj)) {
        problems.add(
            Problem.error(doc.keyAt("/spec"), kind + "." + name + " needs a 'spec' mapping"));
        return;
      }
      Address address = new Address(kind, name);
      Lifecycle lifecycle = LifecycleReader.read(doc, root, problems);
      List<Dependency> deps = new ArrayList<>(ReferenceScanner.dependencies(doc, spec));
      deps.addAll(dependsOn(doc, root));
      Value prepared = rules.prepare(name, spec);
      for (SpecProblem p : rules.unknownFields(prepared)) {
        Position at =
            p.atKey() ? doc.keyAt("/spec" + p.pointer()) : doc.valueAt("/spec" + p.pointer());
        problems.add(Problem.error(at, address + ": " + p.message()));
      }
      resources.add(new ResourceDecl(address, prepared, deps, lifecycle, doc));
    }

    private List<Dependency> dependsOn(YamlDocument doc, Value.Obj root) {
      Value value = root.fields().get("dependsOn");
      List<Dependency> deps = new ArrayList<>();
      if (value == null) {
        return deps;
      }
      if (!(value instanceof Value.Arr list)) {
        problems.add(
            Problem.error(doc.valueAt("/dependsOn"), "dependsOn must be a list of addresses"));
        return deps;
      }
      for (int i = 0; i < list.items().size(); i++) {
        Position at = doc.valueAt("/dependsOn/" + i);
        Optional<Address> target =
            list.items().get(i) instanceof Value.Str s
                ? Address.parse(s.value())
                : Optional.empty();
        if (target.isEmpty()) {
          problems.add(Problem.error(at, "dependsOn entries are addresses such as dataset.leads"));
        } else {
          deps.add(new Dependency(target.get(), at, "dependsOn"));
        }
      }
      return deps;
    }

    private void variable(YamlDocument doc, Value.Obj root, String name) {
      unknownKeys(doc, root, VARIABLE_KEYS);
      variables.add(
          new VariableDecl(
              name,
              Optional.ofNullable(root.fields().get("default")),
              optionalText(doc, root, "description"),
              flag(doc, root, "sensitive"),
              doc.start()));
    }

    private void output(YamlDocument doc, Value.Obj root, String name) {
      unknownKeys(doc, root, OUTPUT_KEYS);
      Value value = root.fields().get("value");
      if (value == null) {
        problems.add(Problem.error(doc.start(), "output." + name + " needs a 'value'"));
        return;
      }
      outputs.add(
          new OutputDecl(
              name,
              value,
              optionalText(doc, root, "description"),
              flag(doc, root, "sensitive"),
              doc.start()));
    }

    private void unknownKeys(YamlDocument doc, Value.Obj root, Set<String> allowed) {
      for (String key : root.fields().keySet()) {
        if (!allowed.contains(key)) {
          problems.add(
              Problem.error(
                  doc.keyAt("/" + key),
                  "unknown key '" + key + "': expected one of " + new TreeSet<>(allowed)));
        }
      }
    }

    private Optional<String> text(YamlDocument doc, Value.Obj root, String key) {
      Value value = root.fields().get(key);
      if (value instanceof Value.Str s && !s.value().isBlank()) {
        return Optional.of(s.value());
      }
      problems.add(
          Problem.error(
              value == null ? doc.start() : doc.valueAt("/" + key),
              value == null ? "missing '" + key + "'" : "'" + key + "' must be a plain string"));
      return Optional.empty();
    }

    private String optionalText(YamlDocument doc, Value.Obj root, String key) {
      Value value = root.fields().get(key);
      if (value == null) {
        return "";
      }
      if (value instanceof Value.Str s) {
        return s.value();
      }
      problems.add(Problem.error(doc.valueAt("/" + key), "'" + key + "' must be a string"));
      return "";
    }

    private boolean flag(YamlDocument doc, Value.Obj root, String key) {
      Value value = root.fields().get(key);
      if (value == null || value instanceof Value.Bool) {
        return value != null && ((Value.Bool) value).value();
      }
      problems.add(Problem.error(doc.valueAt("/" + key), "'" + key + "' must be true or false"));
      return false;
    }

    Configuration finish() {
      Configuration config = new Configuration(resources, variables, outputs, List.of());
      problems.addAll(ReferenceChecker.check(config, kinds));
      Refactorings refactored =
          refactorings.finish(
              resources.stream().map(ResourceDecl::address).collect(Collectors.toSet()));
      if (problems.stream().anyMatch(Problem::isError)) {
        throw new ManifestException(problems);
      }
      return new Configuration(resources, variables, outputs, problems, refactored);
    }
  }

  private Set<String> kindWords() {
    Set<String> words = new TreeSet<>(kinds.keySet());
    words.add("variable");
    words.addAll(RefactoringReader.WORDS);
    words.add("output");
    return words;
  }
}
