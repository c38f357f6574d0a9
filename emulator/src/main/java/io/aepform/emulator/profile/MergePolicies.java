package io.aepform.emulator.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.ResourceKind;
import io.aepform.emulator.flowservice.FlowObjects;
import io.aepform.emulator.gateway.Caller;
import io.aepform.emulator.http.Json;
import io.aepform.emulator.store.ObjectStore;
import io.aepform.emulator.store.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stored merge policies: their server fields, the one-default-per-schema-class and
 * one-edge-policy-per-sandbox rules, and Adobe's default policy that every sandbox has.
 */
final class MergePolicies {
  private final ObjectStore store;
  private final Clock clock;

  MergePolicies(ObjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Adobe's default policy, as the list answers of profile/api/merge-policies.md show it, in a
   * sandbox that has no merge policy at all (so a sandbox always has one to start from).
   */
  void seed(Scope scope) {
    if (store.count(scope, ResourceKind.MERGE_POLICY) > 0) {
      return;
    }
    String key = "merge-policy/" + scope.orgId() + "/" + scope.sandbox();
    String id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    ObjectNode spec = Json.object().put("name", "Profile Default Merge Policy");
    spec.putObject("schema").put("name", "_xdm.context.profile");
    spec.putObject("identityGraph").put("type", "none");
    spec.putObject("attributeMerge").put("type", MergePolicyRules.TIMESTAMP_ORDERED);
    spec.put("isActiveOnEdge", true).put("default", true);
    store.put(scope, ResourceKind.MERGE_POLICY, id, document(id, spec, scope, 1));
  }

  /** Creates or replaces a policy from checked client fields; answers the stored policy. */
  ObjectNode save(Caller caller, ObjectNode spec, Optional<ObjectNode> current) {
    Scope scope = caller.scope();
    String id =
        current.map(c -> c.get("id").asText()).orElseGet(() -> UUID.randomUUID().toString());
    int version = current.map(c -> c.get("version").asInt() + 1).orElse(1);
    ObjectNode doc = document(id, spec, scope, version);
    // merge-policies.md: "each IMS Organization can only have one merge policy that is active on
    // edge"; the newer ui-guide.md says each sandbox, which matches how policies are kept.
    if (doc.get("isActiveOnEdge").asBoolean()) {
      for (ObjectNode other : all(scope)) {
        if (!other.get("id").asText().equals(id) && other.path("isActiveOnEdge").asBoolean()) {
          throw ProfileErrors.secondEdgePolicy(other.get("id").asText());
        }
      }
    }
    store.put(scope, ResourceKind.MERGE_POLICY, id, doc);
    if (doc.get("default").asBoolean()) {
      demoteOtherDefaults(scope, id, doc.at("/schema/name").asText());
    }
    return doc;
  }

  // merge-policies.md: "When you set a new merge policy as the default, any existing merge policy
  // that was previously set as the default will automatically be updated to no longer be used as
  // the default." One default per schema class.
  private void demoteOtherDefaults(Scope scope, String id, String schemaName) {
    for (ObjectNode other : all(scope)) {
      boolean sameClass = other.at("/schema/name").asText().equals(schemaName);
      if (sameClass && !other.get("id").asText().equals(id) && other.path("default").asBoolean()) {
        ObjectNode demoted = other.deepCopy().put("default", false);
        demoted.put("version", other.get("version").asInt() + 1).put("updateEpoch", epoch());
        store.put(scope, ResourceKind.MERGE_POLICY, other.get("id").asText(), demoted);
      }
    }
  }

  List<ObjectNode> all(Scope scope) {
    return store.list(scope, ResourceKind.MERGE_POLICY).stream().map(Map.Entry::getValue).toList();
  }

  /** The page's field order; {@code updateEpoch} in seconds, {@code version} an integer. */
  private ObjectNode document(String id, ObjectNode spec, Scope scope, int version) {
    ObjectNode doc = Json.object().put("id", id);
    if (spec.has("name")) {
      doc.put("name", spec.get("name").asText());
    }
    doc.put("imsOrgId", scope.orgId());
    boolean prod = scope.sandbox().equals("prod");
    doc.putObject("sandbox")
        .put("sandboxId", FlowObjects.sandboxId(scope))
        .put("sandboxName", scope.sandbox())
        .put("type", prod ? "production" : "development")
        .put("default", prod);
    doc.set("schema", spec.get("schema").deepCopy());
    doc.put("version", version);
    doc.set("identityGraph", spec.get("identityGraph").deepCopy());
    doc.set("attributeMerge", spec.get("attributeMerge").deepCopy());
    doc.put("isActiveOnEdge", spec.get("isActiveOnEdge").asBoolean());
    doc.put("default", spec.get("default").asBoolean());
    doc.put("updateEpoch", epoch());
    return doc;
  }

  private long epoch() {
    return clock.millis() / 1000;
  }
}
