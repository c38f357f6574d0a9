package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.value.Value;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Target connections in the Flow Service: which dataset the data lands in. */
public final class TargetConnectionHandler implements ResourceHandler {
  private final FlowServiceApi api;

  public TargetConnectionHandler(Clock clock) {
    this.api = new FlowServiceApi("targetConnections", clock);
  }

  private static final SpecShape SHAPE =
      SpecShape.builder()
          .required("/name", JsonType.STRING)
          .optional("/description", JsonType.STRING)
          .optional("/baseConnectionId", JsonType.STRING)
          .required("/connectionSpec/id", JsonType.STRING)
          .required("/connectionSpec/version", JsonType.STRING)
          .required("/data/format", JsonType.STRING)
          .optional("/data/schema/id", JsonType.STRING)
          .optional("/data/schema/version", JsonType.STRING)
          .required("/params/dataSetId", JsonType.STRING)
          .build();

  @Override
  public String kind() {
    return "targetConnection";
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
    return SHAPE.normalize(spec);
  }

  @Override
  public List<SpecProblem> check(Value spec) {
    return SHAPE.check(spec);
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
    return Set.of("/connectionSpec", "/baseConnectionId");
  }

  @Override
  public List<Remote> list(PlatformClient client) {
    return api.list(client);
  }
}
