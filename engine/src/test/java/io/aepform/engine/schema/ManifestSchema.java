package io.aepform.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The published JSON Schema for manifest documents (docs/schema/aepform-manifest.schema.json), and
 * YAML read into JSON trees the way aepform's YamlReader reads it, so the schema judges the same
 * values the validator does.
 */
final class ManifestSchema {
  static final Path REPO = Path.of("..");
  static final Path FILE = REPO.resolve("docs/schema/aepform-manifest.schema.json");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Schema schema;
  private final JsonNode tree;

  private ManifestSchema(Schema schema, JsonNode tree) {
    this.schema = schema;
    this.tree = tree;
  }

  static ManifestSchema load() {
    try {
      String text = Files.readString(FILE);
      Schema schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
              .getSchema(text, InputFormat.JSON);
      return new ManifestSchema(schema, new ObjectMapper().readTree(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema itself, as JSON. */
  JsonNode tree() {
    return tree;
  }

  /** What the schema says about one document: empty when it accepts it. */
  List<String> errors(JsonNode document) {
    return schema.validate(document).stream().map(ManifestSchema::describe).toList();
  }

  private static String describe(Error e) {
    String property = e.getProperty() == null ? "" : " '" + e.getProperty() + "'";
    return e.getInstanceLocation() + ": " + e.getKeyword() + property + ": " + e.getMessage();
  }

  /** Every document of a YAML text, empty documents skipped, as aepform's reader does. */
  static List<JsonNode> documents(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setNestingDepthLimit(1_000);
    List<JsonNode> docs = new ArrayList<>();
    for (Node node : new Yaml(options).composeAll(new StringReader(yaml))) {
      if (node != null && !(node instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) {
        docs.add(json(node));
      }
    }
    return docs;
  }

  static List<JsonNode> documents(Path file) {
    try {
      return documents(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Scalars resolved like YamlReader: YAML 1.1 null, booleans, numbers; all else text. */
  private static JsonNode json(Node node) {
    if (node instanceof MappingNode map) {
      ObjectNode object = JSON.objectNode();
      for (NodeTuple t : map.getValue()) {
        object.set(((ScalarNode) t.getKeyNode()).getValue(), json(t.getValueNode()));
      }
      return object;
    }
    if (node instanceof SequenceNode seq) {
      ArrayNode array = JSON.arrayNode();
      seq.getValue().forEach(item -> array.add(json(item)));
      return array;
    }
    ScalarNode scalar = (ScalarNode) node;
    Tag tag = scalar.getTag();
    String text = scalar.getValue();
    if (tag.equals(Tag.NULL)) {
      return JSON.nullNode();
    }
    if (tag.equals(Tag.BOOL)) {
      String word = text.toLowerCase(Locale.ROOT);
      return JSON.booleanNode(word.equals("true") || word.equals("yes") || word.equals("on"));
    }
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
      try {
        BigDecimal n = new BigDecimal(text.replace("_", ""));
        return n.scale() <= 0 && n.precision() - n.scale() < 19
            ? JSON.numberNode(n.longValueExact())
            : JSON.numberNode(n);
      } catch (NumberFormatException e) {
        return JSON.textNode(text);
      }
    }
    return JSON.textNode(text);
  }
}
