package io.aepform.engine.manifest;

import io.aepform.engine.value.Pointers;
import io.aepform.engine.value.Value;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads YAML files into {@link YamlDocument}s with positions, through SnakeYAML's node API and with
 * limits against hostile input (alias bombs, deep nesting, huge files).
 */
public final class YamlReader {
  /** Larger manifest files are refused before parsing. */
  public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  // SnakeYAML's own limits are set loose and backstop ours, which report where they were hit.
  private static final int YAML_MAX_ALIASES = 1_000;
  private static final int YAML_MAX_DEPTH = 1_000;
  private static final int MAX_DEPTH = 64;
  private static final int MAX_LINE_CHARS = 256 * 1024;
  private static final int MAX_VALUES_PER_DOCUMENT = 200_000;

  private YamlReader() {}

  /** All documents of a file; empty documents are skipped. */
  public static List<YamlDocument> read(Path file, String displayName) {
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new ManifestException(
            Position.of(displayName),
            "file is " + size + " bytes, over the limit of " + MAX_FILE_BYTES + ": split it up");
      }
      return read(Files.readString(file, StandardCharsets.UTF_8), displayName);
    } catch (MalformedInputException e) {
      throw new ManifestException(Position.of(displayName), "file is not valid UTF-8");
    } catch (IOException e) {
      throw new ManifestException(Position.of(displayName), "cannot read file: " + e.getMessage());
    }
  }

  /** All documents of a YAML text. */
  public static List<YamlDocument> read(String text, String displayName) {
    refuseHugeLines(text, displayName);
    List<YamlDocument> docs = new ArrayList<>();
    try (Reader reader = new StringReader(text)) {
      for (Node node : new Yaml(options()).composeAll(reader)) {
        if (node != null && !isEmptyDocument(node)) {
          docs.add(new Converter(displayName).document(node));
        }
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new ManifestException(
          position(displayName, mark),
          "invalid YAML: " + indentation(e).orElseGet(() -> problem(e) + context(e)));
    } catch (ReaderException e) {
      throw new ManifestException(
          at(text, displayName, e.getPosition()), "invalid YAML: " + oneLine(e));
    } catch (YAMLException e) {
      // SnakeYAML's own limits (aliases, nesting) fail without a position: find where ours break
      Optional<ManifestException> located = overLimits(text, displayName);
      if (located.isPresent()) {
        throw located.get();
      }
      throw new ManifestException(Position.of(displayName), "invalid YAML: " + oneLine(e));
    } catch (IOException e) {
      throw new ManifestException(Position.of(displayName), "cannot read: " + e.getMessage());
    } catch (StackOverflowError e) {
      throw new ManifestException(Position.of(displayName), "YAML nested too deeply");
    }
    return docs;
  }

  /**
   * Where {@code text} first goes over the alias or nesting limits, found from its events (a pass
   * made only after composing failed without a position); empty when it does not.
   */
  private static Optional<ManifestException> overLimits(String text, String file) {
    int aliases = 0;
    int depth = 0;
    Mark last = null;
    try (Reader reader = new StringReader(text)) {
      for (Event event : new Yaml(options()).parse(reader)) {
        last = event.getStartMark();
        if (event instanceof AliasEvent && ++aliases > YAML_MAX_ALIASES) {
          return Optional.of(
              new ManifestException(
                  position(file, last),
                  "over " + YAML_MAX_ALIASES + " aliases in one document (a YAML alias bomb?)"));
        } else if (event instanceof CollectionStartEvent && ++depth > MAX_DEPTH) {
          return Optional.of(
              new ManifestException(
                  position(file, last), "YAML nested deeper than " + MAX_DEPTH + " levels"));
        } else if (event instanceof CollectionEndEvent) {
          depth--;
        } else if (event instanceof DocumentStartEvent) {
          aliases = 0;
          depth = 0;
        }
      }
    } catch (YAMLException | IOException | StackOverflowError e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static boolean isEmptyDocument(Node node) {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  private static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(YAML_MAX_ALIASES);
    options.setNestingDepthLimit(YAML_MAX_DEPTH);
    options.setCodePointLimit((int) MAX_FILE_BYTES);
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    return options;
  }

  /**
   * SnakeYAML's reader takes quadratic time on one very long line; no manifest needs one, so they
   * are refused before parsing, where they are.
   */
  private static void refuseHugeLines(String text, String displayName) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > MAX_LINE_CHARS) {
          throw new ManifestException(
              new Position(displayName, line, 1),
              "line is "
                  + (i - start)
                  + " characters long, over the limit of "
                  + MAX_LINE_CHARS
                  + ": split the value");
        }
        line++;
        start = i + 1;
      }
    }
  }

  /** The line and column of a character offset in {@code text}. */
  private static Position at(String text, String file, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < Math.min(offset, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new Position(file, line, column);
  }

  static Position position(String file, Mark mark) {
    return mark == null
        ? Position.of(file)
        : new Position(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static String problem(MarkedYAMLException e) {
    String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
    return problem == null ? oneLine(e) : problem.replaceAll("\\s+", " ").trim();
  }

  /**
   * SnakeYAML's "expected &lt;block end&gt;" means a line that lines up with none of the blocks
   * around it: said as the indentation problem it is.
   */
  private static Optional<String> indentation(MarkedYAMLException e) {
    Mark problem = e.getProblemMark();
    Mark context = e.getContextMark();
    if (e.getProblem() == null || !e.getProblem().startsWith("expected <block end>")) {
      return Optional.empty();
    }
    if (problem == null || context == null) {
      return Optional.empty();
    }
    String block =
        e.getContext() != null && e.getContext().contains("sequence") ? "list" : "mapping";
    return Optional.of(
        "bad indentation: line "
            + (problem.getLine() + 1)
            + " is indented unlike the lines it belongs with (in the "
            + block
            + " that starts at line "
            + (context.getLine() + 1)
            + ", column "
            + (context.getColumn() + 1)
            + "): indent it as far as its siblings");
  }

  /** Where the construct that failed started, when that is elsewhere (e.g. an unclosed quote). */
  private static String context(MarkedYAMLException e) {
    Mark context = e.getContextMark();
    Mark problem = e.getProblemMark();
    if (context == null || problem == null || context.getLine() == problem.getLine()) {
      return "";
    }
    String what = e.getContext() == null ? "" : e.getContext().replaceAll("\\s+", " ").trim() + " ";
    return " ("
        + what
        + "started at line "
        + (context.getLine() + 1)
        + ", column "
        + (context.getColumn() + 1)
        + ")";
  }

  private static String oneLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("\\s+", " ").trim();
  }

  /** Turns one document's node tree into values, recording positions on the way. */
  private static final class Converter {
    private final String file;
    private final Map<String, Position> values = new HashMap<>();
    private final Map<String, Position> keys = new HashMap<>();
    private int count;

    Converter(String file) {
      this.file = file;
    }

    YamlDocument document(Node root) {
      Value value = convert(root, "", 0);
      return new YamlDocument(value, at(root), values, keys);
    }

    private Value convert(Node node, String pointer, int depth) {
      if (++count > MAX_VALUES_PER_DOCUMENT) {
        throw new ManifestException(
            at(node),
            "document expands to over " + MAX_VALUES_PER_DOCUMENT + " values (a YAML alias bomb?)");
      }
      if (depth > MAX_DEPTH) {
        throw new ManifestException(at(node), "YAML nested deeper than " + MAX_DEPTH + " levels");
      }
      values.putIfAbsent(pointer, at(node));
      if (node instanceof MappingNode map) {
        return mapping(map, pointer, depth);
      }
      if (node instanceof SequenceNode seq) {
        List<Value> items = new ArrayList<>();
        for (Node item : seq.getValue()) {
          items.add(convert(item, Pointers.child(pointer, items.size()), depth + 1));
        }
        return new Value.Arr(items);
      }
      return scalar((ScalarNode) node);
    }

    private Value mapping(MappingNode map, String pointer, int depth) {
      Map<String, Value> fields = new LinkedHashMap<>();
      for (NodeTuple tuple : map.getValue()) {
        if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
          throw new ManifestException(at(tuple.getKeyNode()), "keys must be plain strings");
        }
        if (keyNode.getTag().equals(Tag.MERGE)) {
          throw new ManifestException(at(keyNode), "YAML merge keys (<<) are not supported");
        }
        String key = keyNode.getValue();
        String child = Pointers.child(pointer, key);
        if (fields.containsKey(key)) {
          throw new ManifestException(at(keyNode), "duplicate key '" + key + "'");
        }
        keys.put(child, at(keyNode));
        fields.put(key, convert(tuple.getValueNode(), child, depth + 1));
      }
      return new Value.Obj(fields);
    }

    private Value scalar(ScalarNode node) {
      Tag tag = node.getTag();
      String text = node.getValue();
      if (tag.equals(Tag.NULL)) {
        return Value.Null.INSTANCE;
      } else if (tag.equals(Tag.BOOL)) {
        // YAML 1.1 booleans, as SnakeYAML resolves them: true/yes/on and false/no/off
        String word = text.toLowerCase(Locale.ROOT);
        return new Value.Bool(word.equals("true") || word.equals("yes") || word.equals("on"));
      } else if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
        return number(node);
      }
      return ExpressionParser.parse(text, at(node));
    }

    private Value number(ScalarNode node) {
      String text = node.getValue().replace("_", "");
      try {
        return new Value.Num(new BigDecimal(text));
      } catch (NumberFormatException e) {
        // YAML 1.1 forms such as 0x1F, 0o17 or .inf: keep what the user wrote as text.
        return new Value.Str(node.getValue());
      }
    }

    private Position at(Node node) {
      return position(file, node.getStartMark());
    }
  }
}
