package io.aepform.emulator.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.ResourceKind;
import io.aepform.emulator.http.Fields;
import io.aepform.emulator.http.Json;
import io.aepform.emulator.http.Violation;
import io.aepform.emulator.store.ObjectStore;
import io.aepform.emulator.store.Scope;
import java.util.HashSet;
import java.util.Set;

/**
 * What a merge policy body must hold (profile.yaml PostMergePolicy; profile/api/merge-policies.md,
 * "Components of merge policies"). Server fields a PUT body carries ({@code id}, {@code imsOrgId},
 * {@code version}, {@code updateEpoch}: the page's PUT example sends them) are ignored.
 */
final class MergePolicyRules {
  static final String TIMESTAMP_ORDERED = "timestampOrdered";
  static final String DATASET_PRECEDENCE = "dataSetPrecedence";

  // profile/merge-policies/ui-guide.md: "You can select up to 50 datasets"
  static final int MAX_DATASETS = 50;

  private MergePolicyRules() {}

  /** The client-settable fields of a valid policy, normalised (booleans default to false). */
  static ObjectNode check(ObjectNode body, ObjectStore store, Scope scope) {
    Fields.optionalString(body, "name", "name");
    String schema =
        Fields.requireString(Fields.requireObject(body, "schema", "schema"), "name", "schema.name");
    String graph =
        Fields.requireString(
            Fields.requireObject(body, "identityGraph", "identityGraph"),
            "type",
            "identityGraph.type");
    if (!graph.equals("none") && !graph.equals("pdg")) {
      throw new Violation("identityGraph.type must be \"none\" or \"pdg\", got '" + graph + "'");
    }
    Fields.optionalBoolean(body, "default", "default");
    Fields.optionalBoolean(body, "isActiveOnEdge", "isActiveOnEdge");
    ObjectNode out = Json.object();
    if (body.has("name")) {
      out.put("name", body.get("name").asText());
    }
    out.putObject("schema").put("name", schema);
    out.putObject("identityGraph").put("type", graph);
    out.set("attributeMerge", attributeMerge(body, store, scope));
    out.put("isActiveOnEdge", body.path("isActiveOnEdge").asBoolean(false));
    out.put("default", body.path("default").asBoolean(false));
    return out;
  }

  private static ObjectNode attributeMerge(ObjectNode body, ObjectStore store, Scope scope) {
    ObjectNode am = Fields.requireObject(body, "attributeMerge", "attributeMerge");
    String type = Fields.requireString(am, "type", "attributeMerge.type");
    ObjectNode out = Json.object().put("type", type);
    if (type.equals(TIMESTAMP_ORDERED)) {
      if (am.has("order")) {
        throw new Violation("attributeMerge.order is only used with dataSetPrecedence");
      }
      return out;
    }
    if (!type.equals(DATASET_PRECEDENCE)) {
      throw new Violation(
          "attributeMerge.type must be timestampOrdered or dataSetPrecedence, got '" + type + "'");
    }
    // merge-policies.md: "When using this merge type, the order attribute is required"
    JsonNode order = Fields.requireStringArray(am, "order", "attributeMerge.order");
    if (order.size() > MAX_DATASETS) {
      throw new Violation("attributeMerge.order lists more than " + MAX_DATASETS + " datasets");
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode id : order) {
      if (!seen.add(id.asText())) {
        throw new Violation("attributeMerge.order lists dataset '" + id.asText() + "' twice");
      }
      if (store.get(scope, ResourceKind.DATASET, id.asText()).isEmpty()) {
        throw ProfileErrors.missingDataset(id.asText());
      }
    }
    out.set("order", order.deepCopy());
    return out;
  }
}
