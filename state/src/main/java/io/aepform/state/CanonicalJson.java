package io.aepform.state;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one JSON dialect of the files this module writes: strict when reading (no duplicate keys, no
 * trailing content), and when writing pretty printed with two-space indents and {@code \n} line
 * ends on every platform, so the same content always gives the same bytes.
 */
final class CanonicalJson {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());

  private CanonicalJson() {}

  /** The bytes of {@code node}, followed by a newline. */
  static byte[] write(JsonNode node) {
    try {
      String text = WRITER.writeValueAsString(node) + "\n";
      return text.getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      // A tree of Jackson nodes always serializes; anything else is a bug.
      throw new UncheckedIOException(e);
    }
  }

  /** The tree of {@code json}; throws Jackson's exception, whose location the caller reports. */
  static JsonNode read(byte[] json) throws IOException {
    return MAPPER.readTree(json);
  }

  /**
   * A copy of {@code node} with the keys of every object sorted, so that two equal trees built in a
   * different order are written the same way.
   */
  static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = NODES.objectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.stream().sorted().forEach(name -> copy.set(name, sorted(node.get(name))));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = NODES.arrayNode(node.size());
      node.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }

  private static DefaultPrettyPrinter prettyPrinter() {
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }
}
