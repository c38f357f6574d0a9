package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.value.Value;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the four Flow Service kinds share: their calls (one collection each), a {@code name}, a spec
 * block with an aliased id ({@code connectionSpec} or {@code flowSpec}), updates by JSON Patch with
 * {@code If-Match}. Each kind adds its shape and its own rules.
 */
abstract class FlowServiceHandler implements ResourceHandler {
  protected final FlowServiceApi api;
  private final String kind;
  private final SpecShape shape;
  private final Set<String> replaceFields;
  private final String specBlock;
  private final Map<String, String> aliases;

  FlowServiceHandler(
      String kind,
      String collection,
      SpecShape shape,
      Set<String> replaceFields,
      String specBlock,
      Map<String, String> aliases,
      Clock clock) {
    this.api = new FlowServiceApi(collection, clock);
    this.kind = kind;
    this.shape = shape;
    this.replaceFields = Set.copyOf(replaceFields);
    this.specBlock = specBlock;
    this.aliases = Map.copyOf(aliases);
  }

  @Override
  public String kind() {
    return kind;
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
  public Set<String> replaceFields() {
    return replaceFields;
  }

  @Override
  public Value prepare(String logicalName, Value spec) {
    return SpecDefaults.specRef(SpecDefaults.name(spec, "name", logicalName), specBlock, aliases);
  }

  @Override
  public Value normalize(Value spec) {
    return shape.normalize(spec);
  }

  @Override
  public List<SpecProblem> check(Value spec) {
    return shape.check(spec);
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
  public List<Remote> list(PlatformClient client) {
    return api.list(client);
  }

  @Override
  public List<Remote> findByName(PlatformClient client, String name) {
    return api.findByName(client, name);
  }

  @Override
  public Remote update(
      PlatformClient client, Remote current, Value before, Value after, List<String> changed) {
    return api.update(client, current, JsonPatches.of(before, after, changed));
  }

  @Override
  public void delete(PlatformClient client, Remote remote) {
    api.delete(client, remote);
  }
}
