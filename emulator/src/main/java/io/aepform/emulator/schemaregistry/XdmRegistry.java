package io.aepform.emulator.schemaregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.ResourceKind;
import io.aepform.emulator.store.ObjectStore;
import io.aepform.emulator.store.Scope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One sandbox's Schema Registry resources, with the look-ups the rules need. */
final class XdmRegistry {
  private final ObjectStore store;
  private final Scope scope;
  private final String tenant;

  XdmRegistry(ObjectStore store, Scope scope) {
    this.store = store;
    this.scope = scope;
    this.tenant = SchemaIds.tenant(scope.orgId());
  }

  String tenant() {
    return tenant;
  }

  Optional<ObjectNode> find(XdmKind kind, String idOrAltId) {
    return store.get(scope, kind.stored(), SchemaIds.toAltId(idOrAltId));
  }

  /** The resource a tenant {@code $id} names, whatever its kind. */
  Optional<ObjectNode> byId(String id) {
    return XdmKind.ofTenantId(id, tenant).flatMap(k -> find(k, id));
  }

  List<ObjectNode> all(XdmKind kind) {
    return values(kind.stored());
  }

  /** What a list call answers: without objects written less than the list lag ago. */
  List<ObjectNode> listed(XdmKind kind) {
    return store.listVisible(scope, kind.stored()).stream().map(Map.Entry::getValue).toList();
  }

  List<ObjectNode> descriptors() {
    return values(ResourceKind.DESCRIPTOR);
  }

  /** The descriptors whose {@code xdm:sourceSchema} is this schema. */
  List<ObjectNode> descriptorsOf(String schemaId) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode d : descriptors()) {
      if (d.path("xdm:sourceSchema").asText().equals(schemaId)) {
        out.add(d);
      }
    }
    return out;
  }

  /** Any schema, field group or data type with this title, other than {@code ownId}. */
  Optional<ObjectNode> titleOwner(String title, String ownId) {
    for (XdmKind kind : XdmKind.values()) {
      for (ObjectNode o : all(kind)) {
        if (o.path("title").asText().equals(title) && !o.path("$id").asText().equals(ownId)) {
          return Optional.of(o);
        }
      }
    }
    return Optional.empty();
  }

  /** Resources that reference {@code id} directly (in {@code allOf} or a field's {@code $ref}). */
  List<ObjectNode> usersOf(String id) {
    List<ObjectNode> out = new ArrayList<>();
    for (XdmKind kind : XdmKind.values()) {
      for (ObjectNode o : all(kind)) {
        if (XdmRefs.all(o).contains(id)) {
          out.add(o);
        }
      }
    }
    return out;
  }

  /** Schemas that use {@code id} directly or through field groups and data types. */
  Set<ObjectNode> schemasUsing(String id) {
    Set<ObjectNode> schemas = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    List<String> todo = new ArrayList<>(List.of(id));
    while (!todo.isEmpty()) {
      String next = todo.remove(todo.size() - 1);
      if (!seen.add(next)) {
        continue;
      }
      for (ObjectNode user : usersOf(next)) {
        if ("schemas".equals(user.path("meta:resourceType").asText())) {
          schemas.add(user);
        } else {
          todo.add(user.path("$id").asText());
        }
      }
    }
    return schemas;
  }

  /** A Catalog dataset of the sandbox based on the schema ({@code schemaRef.id}), if any. */
  Optional<String> datasetOf(String schemaId) {
    String alt = SchemaIds.toAltId(schemaId);
    return store.list(scope, ResourceKind.DATASET).stream()
        .filter(
            e -> SchemaIds.toAltId(e.getValue().path("schemaRef").path("id").asText()).equals(alt))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  private List<ObjectNode> values(ResourceKind kind) {
    return store.list(scope, kind).stream().map(Map.Entry::getValue).toList();
  }

  static boolean isUnion(JsonNode schema) {
    for (JsonNode tag : schema.path("meta:immutableTags")) {
      if (tag.asText().equals("union")) {
        return true;
      }
    }
    return false;
  }
}
