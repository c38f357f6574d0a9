package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** XDM schemas in the Schema Registry: {@code POST /schemaregistry/tenant/schemas}. */
public final class SchemaHandler implements ResourceHandler {

  private static final SpecShape SHAPE =
      SpecShape.builder()
          .required("/title", JsonType.STRING)
          .required("/type", JsonType.STRING)
          .required("/description", JsonType.STRING)
          .required("/allOf", JsonType.ARRAY)
          .optional("/meta:class", JsonType.STRING)
          .build();

  @Override
  public String kind() {
    return "schema";
  }

  @Override
  public String nameField() {
    return "title";
  }

  @Override
  public Set<String> attributes() {
    return Set.of("id", "altId", "title");
  }

  @Override
  public Value prepare(String logicalName, Value spec) {
    Value out = SpecDefaults.name(spec, "title", logicalName);
    out = SpecDefaults.orElse(out, "/type", "object");
    // createSchema declares description as required; AEP takes "" for none.
    return SpecDefaults.orElse(out, "/description", "");
  }

  @Override
  public Value normalize(Value spec) {
    return SHAPE.normalize(spec);
  }

  @Override
  public List<SpecProblem> check(Value spec) {
    List<SpecProblem> problems = new ArrayList<>(SHAPE.check(spec));
    if (Values.at(spec, "/type").orElse(null) instanceof Value.Str t
        && !t.value().equals("object")) {
      problems.add(new SpecProblem("/type", "spec.type of a schema must be \"object\""));
    }
    if (Values.at(spec, "/allOf").orElse(null) instanceof Value.Arr all) {
      if (all.items().isEmpty()) {
        problems.add(
            new SpecProblem("/allOf", "spec.allOf needs at least the class: - $ref: <class $id>"));
      }
      for (int i = 0; i < all.items().size(); i++) {
        Value ref = Values.at(all.items().get(i), "/$ref").orElse(null);
        if (ref == null || (Values.isKnown(ref) && !(Values.unmark(ref) instanceof Value.Str))) {
          problems.add(new SpecProblem("/allOf/" + i, "each spec.allOf entry needs a $ref string"));
        }
      }
    }
    return problems;
  }

  @Override
  public Remote create(PlatformClient client, JsonNode body) {
    return SchemaRegistryApi.create(client, body);
  }

  @Override
  public Optional<Remote> read(PlatformClient client, String id) {
    return SchemaRegistryApi.read(client, id);
  }

  @Override
  public List<Remote> findByName(PlatformClient client, String name) {
    return SchemaRegistryApi.findByTitle(client, name);
  }

  @Override
  public void delete(PlatformClient client, Remote remote) {
    SchemaRegistryApi.delete(client, remote);
  }

  /** Schema Registry updates by PUT of the whole schema. */
  @Override
  public Remote update(
      PlatformClient client, Remote current, Value before, Value after, List<String> changed) {
    return SchemaRegistryApi.update(client, current, createBody(after));
  }

  @Override
  public Set<String> replaceFields() {
    return Set.of("/meta:class");
  }

  @Override
  public boolean holdsData() {
    return true;
  }

  @Override
  public List<Remote> list(PlatformClient client) {
    return SchemaRegistryApi.list(client);
  }
}
