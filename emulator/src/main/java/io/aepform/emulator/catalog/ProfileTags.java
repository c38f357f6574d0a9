package io.aepform.emulator.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.ResourceKind;
import io.aepform.emulator.http.Violation;
import io.aepform.emulator.store.ObjectStore;
import io.aepform.emulator.store.Scope;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A dataset's Profile and Identity tags (help/catalog/datasets/enable-for-profile.md) and the
 * platform's own tags. {@code tags.unifiedProfile} and {@code tags.unifiedIdentity} are "an array
 * containing the string enabled:true" (or {@code enabled:false}); Profile needs "an existing XDM
 * schema that is enabled for Profile" (the {@code union} tag). Turning Profile off is allowed: "you
 * can disable or delete the dataset later, but doing so removes associated profile records"
 * (help/xdm/schema/profile-enablement-planning.md).
 */
final class ProfileTags {
  static final String PROFILE = "unifiedProfile";
  static final String IDENTITY = "unifiedIdentity";

  private ProfileTags() {}

  static void check(ObjectNode dataSet, String schemaId, ObjectNode schema) {
    JsonNode tags = dataSet.path("tags");
    for (String tag : new String[] {PROFILE, IDENTITY}) {
      if (tags.has(tag) && state(tags.get(tag)).isEmpty()) {
        throw new Violation(
            "tag 'tags."
                + tag
                + "' must be an array holding \"enabled:true\" or \"enabled:false\"");
      }
    }
    if (tags.has(PROFILE) && state(tags.get(PROFILE)).orElse(false) && !isUnion(schema)) {
      throw CatalogErrors.error(
          400,
          "1005",
          "Bad Request",
          "tags.unifiedProfile enables Profile, but schema "
              + schemaId
              + " is not enabled for Profile: add \"union\" to its meta:immutableTags first");
    }
  }

  private static Optional<Boolean> state(JsonNode values) {
    for (JsonNode v : values) {
      if (v.asText().equals("enabled:true")) {
        return Optional.of(true);
      }
      if (v.asText().equals("enabled:false")) {
        return Optional.of(false);
      }
    }
    return Optional.empty();
  }

  private static boolean isUnion(ObjectNode schema) {
    for (JsonNode tag : schema.path("meta:immutableTags")) {
      if (tag.asText().equals("union")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The tags Catalog adds at creation, as documented dataset answers show them: {@code
   * "adobe/pqs/table": ["<table name>"]} (the name for Query Service, e.g. "Luma CRM Dataset"
   * becomes {@code luma_crm_dataset}) and {@code "adobe/siphon/table/format": ["delta"]}
   * (help/catalog/api/update-object.md, help/catalog/datasets/enable-for-profile.md).
   */
  static void addPlatformTags(ObjectNode dataSet, ObjectStore store, Scope scope) {
    ObjectNode tags = dataSet.get("tags") instanceof ObjectNode t ? t : dataSet.putObject("tags");
    tags.putArray("adobe/pqs/table").add(tableName(dataSet.path("name").asText(), store, scope));
    tags.putArray("adobe/siphon/table/format").add("delta");
  }

  private static String tableName(String name, ObjectStore store, Scope scope) {
    String base =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (base.isEmpty()) {
      base = "dataset";
    }
    Set<String> taken = new HashSet<>();
    for (Map.Entry<String, ObjectNode> e : store.list(scope, ResourceKind.DATASET)) {
      e.getValue().path("tags").path("adobe/pqs/table").forEach(t -> taken.add(t.asText()));
    }
    String table = base;
    for (int i = 1; taken.contains(table); i++) {
      table = base + "_" + i;
    }
    return table;
  }
}
