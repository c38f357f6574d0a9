package io.aepform.emulator.schemaregistry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET /stats}: the org's {@code tenantId} and its use of the registry, shaped as
 * help/xdm/api/getting-started.md "Know your TENANT_ID" shows it ({@code classUsage} keyed by
 * class, as the page shows, where schema-registry.yaml has an array). Tenant classes are not
 * emulated, so {@code counts.classes} is 0.
 */
final class Stats {
  /** The page shows two; five keeps the answer short and still useful. */
  private static final int RECENT = 5;

  private static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("EEE MMM dd yyyy HH:mm:ss 'GMT+0000 (UTC)'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private Stats() {}

  static ObjectNode answer(String orgId, XdmRegistry registry) {
    ObjectNode out = Json.object().put("imsOrg", orgId).put("tenantId", registry.tenant());
    List<ObjectNode> schemas = registry.all(XdmKind.SCHEMA);
    Set<String> unions = new TreeSet<>();
    schemas.stream()
        .filter(XdmRegistry::isUnion)
        .forEach(s -> unions.add(s.path("meta:class").asText()));
    out.putObject("counts")
        .put("schemas", schemas.size())
        .put("mixins", registry.all(XdmKind.FIELD_GROUP).size())
        .put("datatypes", registry.all(XdmKind.DATA_TYPE).size())
        .put("classes", 0)
        .put("unions", unions.size());
    List<ObjectNode> all = new ArrayList<>();
    for (XdmKind kind : XdmKind.values()) {
      all.addAll(registry.all(kind));
    }
    recent(out.putArray("recentlyCreatedResources"), all, "repo:createdDate", "meta:created");
    recent(out.putArray("recentlyUpdatedResources"), all, "repo:lastModifiedDate", "meta:updated");
    ObjectNode usage = out.putObject("classUsage");
    for (ObjectNode s : schemas) {
      String cls = s.path("meta:class").asText();
      ArrayNode list = usage.has(cls) ? (ArrayNode) usage.get(cls) : usage.putArray(cls);
      list.addObject()
          .put("$id", s.path("$id").asText())
          .put("title", s.path("title").asText())
          .put("description", s.path("description").asText());
    }
    return out;
  }

  private static void recent(ArrayNode into, List<ObjectNode> all, String key, String field) {
    all.stream()
        .sorted(Comparator.comparingLong((ObjectNode o) -> time(o, key)).reversed())
        .limit(RECENT)
        .forEach(
            o ->
                into.addObject()
                    .put("$id", o.path("$id").asText())
                    .put("title", o.path("title").asText())
                    .put("description", o.path("description").asText())
                    .put("meta:resourceType", o.path("meta:resourceType").asText())
                    .put(field, CREATED.format(Instant.ofEpochMilli(time(o, key))))
                    .put("version", o.path("version").asText()));
  }

  private static long time(ObjectNode o, String key) {
    return o.path("meta:registryMetadata").path(key).asLong();
  }
}
