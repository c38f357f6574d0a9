package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.value.Value;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Datasets in Catalog: {@code POST /catalog/dataSets?requestDataSource=true}. */
public final class DatasetHandler implements ResourceHandler {
  private final CatalogApi api;

  public DatasetHandler(Clock clock) {
    this.api = new CatalogApi(clock);
  }

  private static final SpecShape SHAPE =
      SpecShape.builder()
          .required("/name", JsonType.STRING)
          .optional("/description", JsonType.STRING)
          .required("/schemaRef/id", JsonType.STRING)
          .required("/schemaRef/contentType", JsonType.STRING)
          .optional("/fileDescription", JsonType.OBJECT)
          .optional("/fileDescription/format", JsonType.STRING)
          .optional("/tags", JsonType.OBJECT)
          .build();

  @Override
  public String kind() {
    return "dataset";
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
    return SpecDefaults.name(spec, "name", logicalName);
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
    return Set.of("/schemaRef");
  }

  @Override
  public boolean holdsData() {
    return true;
  }

  @Override
  public List<Remote> list(PlatformClient client) {
    return api.list(client);
  }
}
