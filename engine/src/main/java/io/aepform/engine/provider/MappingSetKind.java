package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.aepform.engine.kind.Field;
import io.aepform.engine.kind.Fields;
import io.aepform.engine.kind.Identity;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.kind.SpecProblem;
import io.aepform.engine.provider.http.ApiException;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Data Prep mapping sets ({@code POST /data/foundation/conversion/mappingSets},
 * data-prep/api/mapping-set.md): how the columns of a source reach the fields of an XDM schema. A
 * flow uses one through a {@code Mapping} transformation with its id and version. A mapping set has
 * no name to find it by and no DELETE: it is recognised by its content (so a retried create never
 * leaves a duplicate), an update (PUT) makes a new version that the flows using it follow, and
 * destroy leaves it in AEP.
 */
final class MappingSetKind implements Crud.Served {
  /** The {@code kind:} word: the only place it is written. */
  static final String KIND = "mappingSet";

  /**
   * {@code sourceType} as sent (data-prep.yaml's enum) and as Data Prep answers it: {@code
   * ATTRIBUTE} comes back {@code text/x.schema-path} (mapping-set.md), {@code STATIC} {@code
   * text/plain} (data-prep/mapping-set.md), {@code EXPRESSION} {@code text/x.aep-xl}.
   */
  private static final Map<String, String> SOURCE_TYPES =
      Map.of(
          "text/x.schema-path", "ATTRIBUTE",
          "text/x.aep-xl", "EXPRESSION",
          "text/plain", "STATIC");

  private static final Fields FIELDS =
      Fields.of(
          Field.string("/name"),
          Field.object("/outputSchema").required(),
          Field.object("/outputSchema/schemaRef").required(),
          Field.string("/outputSchema/schemaRef/id").required().references(SchemaKind.KIND),
          Field.string("/outputSchema/schemaRef/contentType")
              .required()
              .defaultsTo("application/vnd.adobe.xed-full+json;version=1")
              .equivalentWhen(XedMediaType::sameSchemaVersion),
          Field.array("/mappings").required(),
          Field.object("/mappings/*"),
          Field.string("/mappings/*/sourceType")
              .required()
              .oneOf("ATTRIBUTE", "EXPRESSION", "STATIC")
              .describe("ATTRIBUTE (a source field), EXPRESSION (a Data Prep function) or STATIC"),
          Field.string("/mappings/*/source").required(),
          Field.string("/mappings/*/destination").required().xdmPath(),
          Field.string("/mappings/*/name"),
          Field.string("/mappings/*/description"));

  private static final List<String> MAPPING_KEYS =
      List.of("sourceType", "source", "destination", "name", "description");

  private final DataPrepApi api;

  MappingSetKind(Clock clock) {
    this.api = new DataPrepApi(clock);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Fields fields() {
    return FIELDS;
  }

  /** {@code version} is what a flow pins, next to the id; a PUT renews it. */
  @Override
  public Set<String> attributes() {
    return Set.of("id", "version");
  }

  @Override
  public Identity identity() {
    return Identity.content("/name", "/outputSchema/schemaRef/id", "/mappings");
  }

  @Override
  public Set<String> renewedByUpdate() {
    return Set.of("version");
  }

  @Override
  public Optional<String> undeletable(Value applied, List<Tracked> others) {
    return Optional.of(
        "AEP cannot delete a mapping set (the Data Prep API has no DELETE): it stays in AEP");
  }

  /**
   * A set destroy left in AEP (or state forgot) that the configuration declares again with the same
   * content is adopted, not created again: a second one could never be deleted either.
   */
  @Override
  public boolean adoptsExisting() {
    return true;
  }

  /** Media-type spellings of {@code sourceType} are read as the words the create call takes. */
  @Override
  public Value normalize(Value spec) {
    return FIELDS.normalize(withSourceTypeWords(spec));
  }

  /** The answer cut to what a create sends: the output schema's reference and the mappings. */
  @Override
  public Value normalizeRemote(Value body) {
    Map<String, Value> out = new LinkedHashMap<>();
    Values.at(body, "/name").ifPresent(v -> out.put("name", v));
    Optional<Value> ref =
        Values.at(body, "/outputSchema/schemaRef").or(() -> Values.at(body, "/schemaRef"));
    ref.ifPresent(
        r ->
            out.put(
                "outputSchema", new Value.Obj(Map.of("schemaRef", only(r, "id", "contentType")))));
    if (Values.at(body, "/mappings").orElse(null) instanceof Value.Arr mappings) {
      List<Value> items = new ArrayList<>();
      mappings.items().forEach(m -> items.add(only(m, MAPPING_KEYS.toArray(String[]::new))));
      out.put("mappings", new Value.Arr(items));
    }
    return normalize(new Value.Obj(out));
  }

  @Override
  public List<SpecProblem> check(Value spec) {
    List<SpecProblem> problems = new ArrayList<>(FIELDS.check(spec));
    if (Values.at(spec, "/mappings").orElse(null) instanceof Value.Arr a && a.items().isEmpty()) {
      problems.add(new SpecProblem("/mappings", "spec.mappings needs at least one mapping"));
    }
    return problems;
  }

  /**
   * Data Prep's own verdict ({@code POST /mappingSets/validate}): each mapping it fails is a
   * problem at that mapping; a body it refuses as a whole is one at the output schema.
   */
  @Override
  public List<SpecProblem> checkOnline(PlatformClient client, Value spec, Optional<String> id) {
    if (!Values.isKnown(spec)) {
      return List.of(); // an output schema created by this apply: its create call will tell
    }
    JsonNode answer;
    try {
      answer = api.validate(client, createBody(spec));
    } catch (ApiException e) {
      if (e.status() != 400) {
        throw e;
      }
      return List.of(
          new SpecProblem("/outputSchema", "Data Prep refuses the mapping set: " + e.getMessage()));
    }
    List<SpecProblem> problems = new ArrayList<>();
    JsonNode results = answer.path("validationResponse");
    for (int i = 0; i < results.size(); i++) {
      JsonNode r = results.get(i);
      if (!r.path("status").asText().equals("FAILED")) {
        continue;
      }
      List<String> why = new ArrayList<>();
      r.path("errors").forEach(e -> why.add(e.path("exception").asText()));
      problems.add(
          new SpecProblem(
              "/mappings/" + i,
              "Data Prep refuses spec.mappings["
                  + i
                  + "]: "
                  + (why.isEmpty() ? "validation failed" : String.join("; ", why))));
    }
    return problems;
  }

  /** A PUT of the whole set: Data Prep makes the next version, which state then records. */
  @Override
  public Remote update(
      PlatformClient client, Remote current, Value before, Value after, List<String> changed) {
    return api.replace(client, current, createBody(after));
  }

  /** Never called for an object state records: {@link #undeletable} makes destroy forget it. */
  @Override
  public void delete(PlatformClient client, Remote remote) {
    throw new UnsupportedOperationException("AEP cannot delete a mapping set");
  }

  private static Value withSourceTypeWords(Value spec) {
    if (!(Values.at(spec, "/mappings").orElse(null) instanceof Value.Arr mappings)) {
      return spec;
    }
    Value out = spec;
    for (int i = 0; i < mappings.items().size(); i++) {
      String pointer = "/mappings/" + i + "/sourceType";
      if (Values.at(out, pointer).orElse(null) instanceof Value.Str s
          && SOURCE_TYPES.containsKey(s.value())) {
        out = Values.with(out, pointer, new Value.Str(SOURCE_TYPES.get(s.value())));
      }
    }
    return out;
  }

  /** {@code value} with only the given keys (in that order). */
  private static Value only(Value value, String... keys) {
    if (!(value instanceof Value.Obj o)) {
      return value;
    }
    Map<String, Value> out = new LinkedHashMap<>();
    for (String k : keys) {
      if (o.fields().containsKey(k)) {
        out.put(k, o.fields().get(k));
      }
    }
    return new Value.Obj(out);
  }

  @Override
  public Crud api() {
    return api;
  }
}
