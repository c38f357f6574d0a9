package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Base connections in the Flow Service: a cloud-storage connection with {@code auth}, or the
 * dataset base connection (data lake spec), which takes only a name and its spec.
 */
public final class ConnectionHandler implements ResourceHandler {
  private final FlowServiceApi api;

  public ConnectionHandler(Clock clock) {
    this.api = new FlowServiceApi("connections", clock);
  }

  private static final SpecShape SHAPE =
      SpecShape.builder()
          .required("/name", JsonType.STRING)
          .optional("/description", JsonType.STRING)
          .required("/connectionSpec/id", JsonType.STRING)
          .required("/connectionSpec/version", JsonType.STRING)
          .optional("/auth", JsonType.OBJECT)
          .optional("/auth/specName", JsonType.STRING)
          .optional("/auth/params", JsonType.OBJECT)
          .build();

  @Override
  public String kind() {
    return "connection";
  }

  @Override
  public String nameField() {
    return "name";
  }

  @Override
  public Set<String> attributes() {
    return Set.of("id", "name");
  }

  @Override
  public Value prepare(String logicalName, Value spec) {
    Value out = SpecDefaults.name(spec, "name", logicalName);
    return SpecDefaults.specRef(out, "/connectionSpec", Specs.CONNECTION_SPEC_ALIASES);
  }

  @Override
  public Value normalize(Value spec) {
    return markSecrets(SHAPE.normalize(spec));
  }

  private static Value markSecrets(Value spec) {
    if (!(Values.at(spec, "/auth/params").orElse(null) instanceof Value.Obj params)) {
      return spec;
    }
    String specId =
        Values.at(spec, "/connectionSpec/id").orElse(null) instanceof Value.Str s ? s.value() : "";
    Map<String, Value> marked = new LinkedHashMap<>();
    params
        .fields()
        .forEach(
            (k, v) -> marked.put(k, Specs.isSecretParam(specId, k) ? new Value.Sensitive(v) : v));
    return Values.with(spec, "/auth/params", new Value.Obj(marked));
  }

  @Override
  public List<SpecProblem> check(Value spec) {
    List<SpecProblem> problems = new ArrayList<>(SHAPE.check(spec));
    Value specId = Values.at(spec, "/connectionSpec/id").orElse(Value.Null.INSTANCE);
    boolean dataLake = specId instanceof Value.Str s && s.value().equals(Specs.DATA_LAKE);
    if (Values.isKnown(specId) && !dataLake) {
      if (Values.at(spec, "/auth/specName").isEmpty()) {
        problems.add(
            new SpecProblem(
                "/auth",
                "missing required field spec.auth.specName (e.g. \"Access Key\" for amazon-s3)"));
      }
      if (Values.at(spec, "/auth/params").isEmpty()) {
        problems.add(new SpecProblem("/auth", "missing required field spec.auth.params"));
      }
    }
    if (dataLake && Values.at(spec, "/auth").isPresent()) {
      problems.add(
          new SpecProblem("/auth", "the dataset base connection (data-lake) takes no auth"));
    }
    return problems;
  }

  @Override
  public Remote create(PlatformClient client, JsonNode body) {
    return api.create(client, body);
  }

  @Override
  public Optional<Remote> read(PlatformClient client, String id) {
    return api.read(client, id);
  }

  @Override
  public List<Remote> findByName(PlatformClient client, String name) {
    return api.findByName(client, name);
  }

  @Override
  public void delete(PlatformClient client, Remote remote) {
    api.delete(client, remote);
  }

  @Override
  public Remote update(
      PlatformClient client, Remote current, Value before, Value after, List<String> changed) {
    return api.update(client, current, JsonPatches.of(before, after, changed));
  }

  @Override
  public Set<String> replaceFields() {
    return Set.of("/connectionSpec");
  }

  @Override
  public List<Remote> list(PlatformClient client) {
    return api.list(client);
  }
}
