package io.aepform.engine.provider;

import io.aepform.engine.kind.Fields;
import io.aepform.engine.kind.Identity;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.value.Value;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * What the four Flow Service kinds share: one collection each, a {@code name}, a spec block with an
 * aliased id ({@code connectionSpec} or {@code flowSpec}) whose version defaults to {@code "1.0"},
 * updates by JSON Patch with {@code If-Match}. Each kind declares its fields and identity.
 */
abstract class FlowServiceKind implements Crud.Served {
  protected final FlowServiceApi api;
  protected final Clock clock;
  private final String kind;
  private final Fields fields;
  private final Identity identity;
  private final String specBlock;

  FlowServiceKind(
      String kind,
      String collection,
      Fields fields,
      Identity identity,
      String specBlock,
      Clock clock) {
    this.api = new FlowServiceApi(collection, clock);
    this.clock = clock;
    this.kind = kind;
    this.fields = fields;
    this.identity = identity;
    this.specBlock = specBlock;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public Fields fields() {
    return fields;
  }

  @Override
  public Identity identity() {
    return identity;
  }

  @Override
  public Set<String> attributes() {
    return Set.of("id", "name");
  }

  @Override
  public Value prepare(String logicalName, Value spec) {
    return SpecDefaults.version(Crud.Served.super.prepare(logicalName, spec), specBlock);
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

  @Override
  public Crud api() {
    return api;
  }
}
