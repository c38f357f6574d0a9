package io.aepform.engine.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.provider.Kinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's rule, checked: a kind is one place. Outside {@code provider/} (where each kind's file
 * lives and {@code Kinds} registers it), no main code of the engine or the CLI has a kind's word as
 * a string, nor a top-level spec field that only one kind declares in one: such a rule belongs to
 * the kind (a method on {@link Kind}, a flag on {@link Field}).
 */
class KindsInOnePlaceTest {
  private static final Path ENGINE = Path.of("src/main/java");
  private static final Path PROVIDER = ENGINE.resolve("io/aepform/engine/provider");
  private static final Path CLI = Path.of("../cli/src/main/java");
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern WORD = Pattern.compile("[A-Za-z:@$]+");

  /** Words of these fields that are also ordinary words of aepform's own vocabulary. */
  private static final Set<String> SHARED_WORDS =
      Set.of("name", "description", "title", "type", "state", "default", "items", "code");

  /** Files where a kind's word means something else: the PostgreSQL schema of the state. */
  private static final Set<String> OTHER_MEANING =
      Set.of("EnvironmentLoader.java:\"schema\"", "StateStores.java:\"schema\"");

  @Test
  void noMainCodeOutsideTheKindFilesNamesAKindOrOneKindsField() throws IOException {
    Map<String, String> owner = ownedWords();
    List<String> found = new ArrayList<>();
    for (Path root : List.of(ENGINE, CLI)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          if (!file.startsWith(PROVIDER)) {
            scan(file, owner, found);
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  /** Each kind's word, and each top-level field word that exactly one kind declares. */
  private static Map<String, String> ownedWords() {
    Map<String, String> owner = new HashMap<>();
    Map<String, Integer> declaredBy = new HashMap<>();
    List<String> kinds = new ArrayList<>();
    for (Kind kind : Kinds.all(Clock.systemUTC()).values()) {
      kinds.add(kind.kind());
      for (String field : kind.fields().topLevel()) {
        declaredBy.merge(field, 1, Integer::sum);
        owner.putIfAbsent(field, kind.kind());
      }
    }
    declaredBy.forEach(
        (field, n) -> {
          if (n > 1 || SHARED_WORDS.contains(field)) {
            owner.remove(field);
          }
        });
    kinds.forEach(k -> owner.put("\"" + k + "\"", k));
    return owner;
  }

  private static void scan(Path file, Map<String, String> owner, List<String> found)
      throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
        continue;
      }
      Matcher s = STRING.matcher(line);
      while (s.find()) {
        String kind = owner.get(s.group());
        if (kind != null && !OTHER_MEANING.contains(file.getFileName() + ":" + s.group())) {
          found.add(file + ":" + (i + 1) + ": " + s.group() + " (the kind " + kind + ")");
        }
        Matcher w = WORD.matcher(s.group(1));
        while (w.find()) {
          String field = owner.get(w.group());
          if (field != null) {
            found.add(file + ":" + (i + 1) + ": '" + w.group() + "' (a field of " + field + ")");
          }
        }
      }
    }
  }
}
