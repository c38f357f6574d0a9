package io.aepform.emulator.dataprep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.Fields;
import io.aepform.emulator.http.Violation;
import io.aepform.emulator.schemaregistry.SchemaIds;
import io.aepform.emulator.store.ObjectStore;
import io.aepform.emulator.store.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What makes a mapping set valid. Body-level problems (missing output schema, wrong types) are a
 * 400 everywhere; problems of single mappings are what {@code /mappingSets/validate} reports per
 * mapping, and a create or PUT refuses them.
 */
final class MappingRules {
  /**
   * sourceType as sent (data-prep.yaml SourceType enum) and as answered: GET answers ATTRIBUTE as
   * {@code text/x.schema-path} (api/mapping-set.md); an older data-prep/mapping-set.md maps a
   * static value with {@code text/plain}, and {@code text/x.aep-xl} is AEP's expression type.
   */
  static final Map<String, String> MEDIA_TYPES =
      Map.of(
          "ATTRIBUTE", "text/x.schema-path",
          "EXPRESSION", "text/x.aep-xl",
          "STATIC", "text/plain");

  // data-prep/troubleshooting-guide.md: "Calculated fields have a maximum length of 4096
  // characters."
  static final int MAX_EXPRESSION = 4096;

  // The destination forms of data-prep/mapping-set.md: name, pi.name, piList[0], pi[*].names, _id
  private static final String FIELD = "[A-Za-z_][A-Za-z0-9_]*(\\[(\\d+|\\*)\\])?";
  private static final Pattern DESTINATION = Pattern.compile(FIELD + "(\\." + FIELD + ")*");

  private static final Pattern CONTENT_TYPE =
      Pattern.compile(
          "application/vnd\\.adobe\\.xed(-full|-notext|-full-notext|-full-desc)?\\+json"
              + "\\s*;\\s*version=1(\\.\\d+)?");
  private static final Pattern TENANT_SCHEMA =
      Pattern.compile("https://ns\\.adobe\\.com/[a-z0-9_]+/schemas/[0-9a-f]+");

  private MappingRules() {}

  /** Checks the body's structure and output schema; answers its mappings. */
  static ArrayNode checkBody(ObjectNode body, ObjectStore store, Scope scope) {
    Fields.optionalString(body, "name", "name");
    if (body.has("inputSchema")) {
      Fields.requireObject(body, "inputSchema", "inputSchema");
    }
    ObjectNode out = Fields.requireObject(body, "outputSchema", "outputSchema");
    ObjectNode ref = Fields.requireObject(out, "schemaRef", "outputSchema.schemaRef");
    String id = Fields.requireString(ref, "id", "outputSchema.schemaRef.id");
    String ct = Fields.requireString(ref, "contentType", "outputSchema.schemaRef.contentType");
    if (!CONTENT_TYPE.matcher(ct).matches()) {
      throw new Violation(
          "outputSchema.schemaRef.contentType '"
              + ct
              + "' must look like application/vnd.adobe.xed-full+json;version=1");
    }
    // Tenant schemas must exist; standard and union schemas (https://ns.adobe.com/xdm/...) are
    // Adobe's and always there.
    if (!id.startsWith("https://ns.adobe.com/")
        || TENANT_SCHEMA.matcher(id).matches() && SchemaIds.find(store, scope, id).isEmpty()) {
      throw DataPrepErrors.missingReference(
          "outputSchema.schemaRef.id '" + id + "' is not a schema in sandbox " + scope.sandbox());
    }
    JsonNode mappings = body.get("mappings");
    if (mappings == null || !mappings.isArray() || mappings.isEmpty()) {
      throw new Violation("field 'mappings' must be a non-empty array");
    }
    for (int i = 0; i < mappings.size(); i++) {
      checkStructure(mappings.get(i), "mappings[" + i + "]");
    }
    return (ArrayNode) mappings;
  }

  private static void checkStructure(JsonNode m, String path) {
    if (!m.isObject()) {
      throw new Violation("'" + path + "' must be an object");
    }
    Fields.requireString(m, "sourceType", path + ".sourceType");
    Fields.requireString(m, "source", path + ".source");
    Fields.requireString(m, "destination", path + ".destination");
    Fields.optionalString(m, "name", path + ".name");
    Fields.optionalString(m, "description", path + ".description");
  }

  /** Per mapping, in order: what is wrong with it, if anything. */
  static List<Optional<String>> problems(ArrayNode mappings) {
    List<Optional<String>> out = new ArrayList<>();
    mappings.forEach(m -> out.add(problem(m)));
    return out;
  }

  private static Optional<String> problem(JsonNode m) {
    String type = mediaType(m.get("sourceType").asText()).orElse(null);
    if (type == null) {
      return Optional.of(
          "sourceType '"
              + m.get("sourceType").asText()
              + "' is not ATTRIBUTE, EXPRESSION or STATIC");
    }
    String destination = m.get("destination").asText();
    if (!DESTINATION.matcher(destination).matches()) {
      return Optional.of(
          "destination '" + destination + "' is not a field path like person.name.firstName");
    }
    if (type.equals(MEDIA_TYPES.get("EXPRESSION"))) {
      return expressionProblem(m.get("source").asText());
    }
    return Optional.empty();
  }

  /** The media type AEP answers for a sourceType sent either way (ATTRIBUTE or its media type). */
  static Optional<String> mediaType(String sourceType) {
    if (MEDIA_TYPES.containsKey(sourceType)) {
      return Optional.of(MEDIA_TYPES.get(sourceType));
    }
    return MEDIA_TYPES.containsValue(sourceType) ? Optional.of(sourceType) : Optional.empty();
  }

  /** Length and balanced parentheses and quotes: enough to catch a truncated expression. */
  private static Optional<String> expressionProblem(String expression) {
    if (expression.length() > MAX_EXPRESSION) {
      return Optional.of("expression is longer than " + MAX_EXPRESSION + " characters");
    }
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '(' || c == ')') {
        depth += c == '(' ? 1 : -1;
        if (depth < 0) {
          return Optional.of("expression has an unmatched ')'");
        }
      }
    }
    if (quote != 0 || depth != 0) {
      return Optional.of("expression has an unclosed " + (quote != 0 ? "quote" : "'('"));
    }
    return Optional.empty();
  }
}
