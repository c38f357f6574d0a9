package io.aepform.cli.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The generated part of campaign 5 (hostile input): seeded mutations of the parquet-ingestion
 * example's manifests, and YAML bombs. Deterministic for a seed ({@code -Daepform.hostile.seed}).
 */
final class HostileCorpus {
  static final Path EXAMPLE = Path.of("../examples/parquet-ingestion");

  private static final String[] OPERATORS = {
    "delete-line",
    "indent",
    "random-chars",
    "truncate",
    "wrong-type",
    "unknown-kind",
    "broken-expression",
    "dangling-reference",
    "cycle",
    "duplicate-name",
    "bad-name",
  };
  private static final String HOSTILE_CHARS = ":{}[]&*!|>'\"%@`#,-?\t\\$\u00e9\u2028\uFEFF\u00a0";
  private static final String[] WRONG_VALUES = {
    "[1, 2]", "{a: 1}", "12", "true", "null", "~", "''", "[]", "{}", "-", "!!binary aGk=", "*nope"
  };
  private static final String[] BAD_KINDS = {
    "schemas", "Dataset", "widget", "''", "123", "[dataset]", "flow.ingest", "null", "{a: b}"
  };
  private static final String[] BAD_EXPRESSIONS = {
    "${",
    "${}",
    "${var.}",
    "${schema.demo_profile}",
    "${schema.demo_profile.id",
    "${env.}",
    "${var.nope}",
    "${schema.demo_profile.id.extra}",
    "${sch ema.demo_profile.id}",
    "${schema..id}",
    "${flow.ingest.nosuch}",
    "${var.s3_secret_key.x}",
    "x${schema.demo_profile.id",
    "${env.AEPFORM_HOSTILE_SURELY_UNSET}",
  };
  private static final String[] BAD_NAMES = {
    "Leads", "1st", "a-b", "a.b", "''", "\u00e9t\u00e9", "_x", "[a]", "null", "a b", "x/y", "true"
  };

  private HostileCorpus() {}

  /** One generated configuration: what was done, and its manifest files by name. */
  record Mutant(String label, Map<String, String> files) {
    @Override
    public String toString() {
      return label;
    }
  }

  static Map<String, String> exampleFiles() {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(EXAMPLE)) {
      for (Path p : list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        files.put(p.getFileName().toString(), Files.readString(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  static List<Mutant> mutants(long seed, int count) {
    Map<String, String> example = exampleFiles();
    List<String> names = new ArrayList<>(example.keySet());
    List<Mutant> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Random random = new Random(seed * 1_000_003L + i);
      Map<String, String> files = new LinkedHashMap<>(example);
      StringBuilder label = new StringBuilder(String.format("%03d", i));
      int ops = random.nextInt(4) == 0 ? 2 : 1;
      for (int k = 0; k < ops; k++) {
        String op = OPERATORS[(i + k * 5) % OPERATORS.length];
        String file = pickFile(random, names, files, op);
        String before = files.get(file);
        String[] detail = new String[1];
        files.put(file, mutate(op, before, random, files, file, detail));
        label.append(' ').append(op).append('@').append(file).append(detail[0]);
      }
      out.add(new Mutant(label.toString(), files));
    }
    return out;
  }

  private static String pickFile(
      Random random, List<String> names, Map<String, String> files, String op) {
    List<String> fit =
        names.stream()
            .filter(
                n ->
                    switch (op) {
                      case "broken-expression", "dangling-reference" -> files.get(n).contains("${");
                      case "cycle" -> n.equals("schema.yaml") || n.equals("dataset.yaml");
                      default -> true;
                    })
            .toList();
    return fit.get(random.nextInt(fit.size()));
  }

  private static String mutate(
      String op,
      String text,
      Random random,
      Map<String, String> files,
      String file,
      String[] detail) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    detail[0] = "";
    switch (op) {
      case "delete-line" -> {
        int at = nonBlankLine(lines, random);
        detail[0] = ":" + (at + 1);
        lines.remove(at);
        return String.join("\n", lines);
      }
      case "indent" -> {
        int at = nonBlankLine(lines, random);
        String line = lines.get(at);
        String stripped = line.stripLeading();
        int indent = line.length() - stripped.length();
        int shift = random.nextInt(3) + 1;
        String changed =
            switch (random.nextInt(3)) {
              case 0 -> " ".repeat(indent + shift) + stripped;
              case 1 -> " ".repeat(Math.max(0, indent - shift)) + stripped;
              default -> "\t" + line;
            };
        detail[0] = ":" + (at + 1);
        lines.set(at, changed);
        return String.join("\n", lines);
      }
      case "random-chars" -> {
        int at = random.nextInt(text.length());
        StringBuilder noise = new StringBuilder();
        for (int n = random.nextInt(5) + 1; n > 0; n--) {
          noise.append(HOSTILE_CHARS.charAt(random.nextInt(HOSTILE_CHARS.length())));
        }
        detail[0] = "+" + at;
        return text.substring(0, at) + noise + text.substring(at);
      }
      case "truncate" -> {
        int at = 1 + random.nextInt(text.length() - 1);
        detail[0] = "/" + at;
        return text.substring(0, at);
      }
      case "wrong-type" -> {
        Pattern field = Pattern.compile("^(\\s*-?\\s*[\\w$:]+): (\\S.*)$");
        List<Integer> candidates = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
          if (field.matcher(lines.get(n)).matches() && !lines.get(n).startsWith("#")) {
            candidates.add(n);
          }
        }
        int at = candidates.get(random.nextInt(candidates.size()));
        Matcher m = field.matcher(lines.get(at));
        m.matches();
        String value = WRONG_VALUES[random.nextInt(WRONG_VALUES.length)];
        detail[0] = ":" + (at + 1) + "=" + value;
        lines.set(at, m.group(1) + ": " + value);
        return String.join("\n", lines);
      }
      case "unknown-kind" -> {
        String kind = BAD_KINDS[random.nextInt(BAD_KINDS.length)];
        detail[0] = "=" + kind;
        return replaceNth(text, Pattern.compile("(?m)^kind: .*$"), "kind: " + kind, random);
      }
      case "broken-expression" -> {
        String expr = BAD_EXPRESSIONS[random.nextInt(BAD_EXPRESSIONS.length)];
        detail[0] = "=" + expr;
        return replaceNth(text, Pattern.compile("\\$\\{[^}]*}"), expr, random);
      }
      case "dangling-reference" -> {
        detail[0] = "";
        return replaceNth(
            text, Pattern.compile("\\$\\{(\\w+)\\.(\\w+)\\.(\\w+)}"), "\\${$1.$2_gone.$3}", random);
      }
      case "cycle" -> {
        String edge =
            file.equals("schema.yaml") ? "dependsOn: [flow.ingest]" : "dependsOn: [flow.ingest]";
        return text.replaceFirst("(?m)^(name: .*)$", "$1\n" + edge);
      }
      case "duplicate-name" -> {
        String other = files.keySet().stream().toList().get(random.nextInt(files.size()));
        String[] docs = files.get(other).split("(?m)^---$");
        String doc = docs[random.nextInt(docs.length)];
        detail[0] = "<" + other;
        return text + (text.endsWith("\n") ? "" : "\n") + "---\n" + doc.strip() + "\n";
      }
      case "bad-name" -> {
        String name = BAD_NAMES[random.nextInt(BAD_NAMES.length)];
        detail[0] = "=" + name;
        return replaceNth(text, Pattern.compile("(?m)^name: .*$"), "name: " + name, random);
      }
      default -> throw new IllegalArgumentException(op);
    }
  }

  private static int nonBlankLine(List<String> lines, Random random) {
    while (true) {
      int at = random.nextInt(lines.size());
      if (!lines.get(at).isBlank()) {
        return at;
      }
    }
  }

  private static String replaceNth(String text, Pattern pattern, String replacement, Random r) {
    Matcher m = pattern.matcher(text);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    if (spans.isEmpty()) {
      return text;
    }
    int[] span = spans.get(r.nextInt(spans.size()));
    Matcher one = pattern.matcher(text.substring(span[0], span[1]));
    String replaced = replacement.contains("$1") ? one.replaceFirst(replacement) : replacement;
    return text.substring(0, span[0]) + replaced + text.substring(span[1]);
  }

  /** A YAML bomb: its name, its one manifest, and whether the error has a line and column. */
  record Bomb(String name, String manifest, boolean positioned) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final long LIMIT = 4L * 1024 * 1024;

  static List<Bomb> bombs() {
    List<Bomb> bombs = new ArrayList<>();
    StringBuilder laughs = new StringBuilder("kind: dataset\nname: lol\nspec:\n");
    laughs.append("  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    String prev = "a";
    for (char c = 'b'; c <= 'j'; c++) {
      laughs.append("  ").append(c).append(": &").append(c).append(" [");
      laughs.append(String.join(", ", Collections.nCopies(9, "*" + prev)));
      laughs.append("]\n");
      prev = String.valueOf(c);
    }
    bombs.add(new Bomb("billion laughs", laughs.toString(), true));

    StringBuilder block = new StringBuilder("kind: dataset\nname: deep\nspec:\n");
    for (int i = 1; i <= 300; i++) {
      block.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    bombs.add(new Bomb("deep block nesting (300)", block.toString(), true));
    bombs.add(
        new Bomb(
            "deep flow nesting (900)",
            "kind: dataset\nname: deep\nspec:\n  x: " + "[".repeat(900) + "]".repeat(900) + "\n",
            true));
    bombs.add(
        new Bomb(
            "deep flow mappings (500)",
            "kind: dataset\nname: deep\nspec:\n  x: " + "{a: ".repeat(500) + "1" + "}".repeat(500),
            true));

    // a block scalar just under the limit, in a dataset that lacks its schemaRef
    String head = "kind: dataset\nname: big\nspec:\n  name: |\n";
    StringBuilder big = new StringBuilder(head);
    String line = "    " + "x".repeat(123) + "\n";
    while (big.length() + line.length() < LIMIT - 64) {
      big.append(line);
    }
    bombs.add(new Bomb("huge block scalar just under 4 MiB", big.toString(), true));

    StringBuilder over = new StringBuilder(big);
    while (over.length() <= LIMIT) {
      over.append(line);
    }
    bombs.add(new Bomb("file just over 4 MiB", over.toString(), false));

    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      many.append("---\nkind: variable\nname: v").append(i).append('\n');
    }
    many.append("---\nkind: variable\nname: Bad-Name\n");
    bombs.add(new Bomb("50,000 documents, the last bad", many.toString(), true));

    StringBuilder empty = new StringBuilder("---\n".repeat(250_000));
    empty.append("kind: widget\nname: w\n");
    bombs.add(new Bomb("250,000 empty documents, then a bad one", empty.toString(), true));

    StringBuilder keys = new StringBuilder("kind: dataset\nname: wide\nspec:\n  schemaRef:\n");
    for (int i = 0; i < 150_000; i++) {
      keys.append("    k").append(i).append(": ").append(i).append('\n');
    }
    keys.append("    k7: dup\n");
    bombs.add(new Bomb("150,000 keys, then a duplicate", keys.toString(), true));
    return bombs;
  }

  /** Bombs whose error has no line and column: BUG, see HostileInputIT. */
  static List<Bomb> unpositionedBombs() {
    StringBuilder aliases = new StringBuilder("kind: dataset\nname: x\nspec:\n  a: &a {k: v}\n");
    aliases.append("  l:\n").append("    - *a\n".repeat(1500));
    return List.of(
        new Bomb("1,500 aliases of one mapping", aliases.toString(), true),
        new Bomb(
            "flow nesting (5,000)",
            "kind: dataset\nname: deep\nspec:\n  x: " + "[".repeat(5000) + "]".repeat(5000) + "\n",
            true));
  }
}
