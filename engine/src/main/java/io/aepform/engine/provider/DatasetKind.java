package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.kind.Field;
import io.aepform.engine.kind.Fields;
import io.aepform.engine.kind.Identity;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.value.Pointers;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Datasets in Catalog ({@code POST /catalog/dataSets?requestDataSource=true}; fields of
 * catalog.yaml {@code dataSetRequest}). Deleting one deletes its batches: never replaced
 * implicitly.
 */
final class DatasetKind implements Crud.Served {
  /** The {@code kind:} word: the only place it is written. */
  static final String KIND = "dataset";

  private static final String PROFILE_TAG = "/tags/unifiedProfile";
  private static final Value ENABLED = new Value.Str("enabled:true");

  private static final Fields FIELDS =
      Fields.of(
          Field.string("/name").required(),
          Field.string("/description"),
          Field.object("/schemaRef").required(),
          Field.string("/schemaRef/id").required().replaces().references(SchemaKind.KIND),
          Field.string("/schemaRef/contentType")
              .required()
              .equivalentWhen(XedMediaType::sameSchemaVersion),
          Field.object("/fileDescription").open(),
          Field.string("/fileDescription/format"),
          Field.object("/tags").open(),
          // AEP may add entries of its own (e.g. "enabledAt:..."): what was applied must be there
          Field.strings(PROFILE_TAG).equivalentWhen(DatasetKind::holdsAll),
          Field.strings("/tags/unifiedIdentity").equivalentWhen(DatasetKind::holdsAll),
          Field.bool("/enableErrorDiagnostics"),
          Field.any("/observableSchema"),
          Field.string("/basePath"),
          Field.any("/schema"),
          Field.any("/dataSourceId"));

  /** Fields of a create request that an export does not write: Catalog sets or derives them. */
  private static final List<String> NOT_EXPORTED =
      List.of("observableSchema", "basePath", "schema", "dataSourceId");

  /** Catalog's own tags (e.g. {@code adobe/pqs/table}) are set by the platform, not the client. */
  private static final String PLATFORM_TAG_PREFIX = "adobe/";

  private final CatalogApi api;

  DatasetKind(Clock clock) {
    // lists carry what plans compare; observableSchema would cap pages at 20 (filter-data.md)
    this.api =
        new CatalogApi(
            clock, FIELDS.topLevel().stream().filter(f -> !NOT_EXPORTED.contains(f)).toList());
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Fields fields() {
    return FIELDS;
  }

  @Override
  public Identity identity() {
    return Identity.name("name");
  }

  @Override
  public Set<String> attributes() {
    return Set.of("id", "name");
  }

  @Override
  public boolean receivesIngestedData() {
    return true;
  }

  @Override
  public Optional<String> losesData() {
    return Optional.of("deletes the dataset and every batch ingested into it");
  }

  /**
   * Disabling Profile on a dataset (its {@code unifiedProfile} tag no longer {@code enabled:true}):
   * "you can disable or delete the dataset later, but doing so removes associated profile records"
   * (xdm/schema/profile-enablement-planning.md).
   */
  @Override
  public Optional<String> updateLosesData(Value applied, Value desired, List<String> changed) {
    if (profileEnabled(applied) && !profileEnabled(desired)) {
      return Optional.of(
          "disables Profile on the dataset, which removes its profile records from Real-Time"
              + " Customer Profile (xdm/schema/profile-enablement-planning.md)");
    }
    return Optional.empty();
  }

  private static boolean profileEnabled(Value spec) {
    return Values.at(spec, PROFILE_TAG).map(Values::unmark).orElse(null) instanceof Value.Arr tag
        && tag.items().contains(ENABLED);
  }

  /** True when the platform's list holds every entry that was applied. */
  private static boolean holdsAll(Value applied, Value remote) {
    return applied instanceof Value.Arr a
        && remote instanceof Value.Arr r
        && r.items().containsAll(a.items());
  }

  @Override
  public List<Remote> findByName(PlatformClient client, String name) {
    return api.findByName(client, name);
  }

  /**
   * A JSON Patch of what changed, tags one path each ({@code add /tags/unifiedProfile}, as
   * catalog/datasets/enable-for-profile.md does): Catalog keeps its own tags ({@code
   * adobe/pqs/table}) in the same object, and replacing {@code /tags} whole would wipe them.
   */
  @Override
  public Remote update(
      PlatformClient client, Remote current, Value before, Value after, List<String> changed) {
    List<String> paths = new ArrayList<>();
    for (String p : changed) {
      if (p.equals("/tags")) {
        Set<String> keys = new TreeSet<>();
        for (Value v : List.of(before, after)) {
          if (Values.at(v, "/tags").orElse(null) instanceof Value.Obj tags) {
            keys.addAll(tags.fields().keySet());
          }
        }
        for (String k : keys) {
          String path = Pointers.child("/tags", k);
          if (!Values.at(before, path).equals(Values.at(after, path))) {
            paths.add(path);
          }
        }
      } else {
        paths.add(p);
      }
    }
    return api.update(client, current, JsonPatches.of(before, after, paths));
  }

  @Override
  public void delete(PlatformClient client, Remote remote) {
    api.delete(client, remote);
  }

  @Override
  public ObjectNode exportSpec(JsonNode body) {
    ObjectNode out = Crud.Served.super.exportSpec(body);
    out.remove(NOT_EXPORTED);
    if (out.get("tags") instanceof ObjectNode tags) {
      List<String> platform = new ArrayList<>();
      tags.fieldNames()
          .forEachRemaining(
              k -> {
                if (k.startsWith(PLATFORM_TAG_PREFIX)) {
                  platform.add(k);
                }
              });
      tags.remove(platform);
      if (tags.isEmpty()) {
        out.remove("tags");
      }
    }
    return out;
  }

  @Override
  public Crud api() {
    return api;
  }
}
