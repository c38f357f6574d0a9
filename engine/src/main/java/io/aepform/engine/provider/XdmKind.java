package io.aepform.engine.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.kind.Field;
import io.aepform.engine.kind.Fields;
import io.aepform.engine.kind.Identity;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Schema Registry's tenant kinds share (schemas, field groups, data types): one collection
 * each, documents with {@code $id}, {@code meta:altId} and a title unique in the sandbox across
 * schemas, field groups, classes and data types (xdm/api/getting-started.md), whole-document PUT
 * for updates, {@code description} required by the create calls (send {@code ""} for none).
 */
abstract class XdmKind implements Crud.Served {
  /** What the registry sets or echoes on a document; users may paste them, export leaves them. */
  private static final Set<String> SERVER_ECHO =
      Set.of(
          "meta:containerId",
          "meta:resourceType",
          "meta:xdmType",
          "meta:extends",
          "meta:extensible",
          "meta:abstract");

  protected final SchemaRegistryApi api;

  /**
   * What the registry adds by itself to the XDM it is sent, as its answers show: {@code
   * meta:xdmType} on every field and definition, {@code "type": "object"} on definitions, on {@code
   * $ref} fields and on {@code allOf} entries (xdm/api/field-groups.md, xdm/api/data-types.md,
   * xdm/tutorials/create-schema-api.md). Drift compares an XDM document's {@code definitions},
   * {@code properties}, {@code items} and {@code allOf} whole, as the update PUTs them: a field
   * added outside aepform shows, as the update would remove it; these keys do not.
   */
  static boolean addedByRegistry(String key, Value value) {
    return key.equals("meta:xdmType")
        || key.equals("type") && value.equals(new Value.Str("object"))
        // the lookup answer of xdm/api/field-groups.md shows "isRequired": false on a field its
        // create did not mark: absent and false mean the same, so neither is drift
        || key.equals("isRequired") && value.equals(new Value.Bool(false))
        || key.equals("required") && value instanceof Value.Arr list && list.items().isEmpty();
  }

  /**
   * A tree of XDM fields ({@code properties}, {@code definitions}, {@code items}): data types used
   * by {@code $ref}, custom fields under the tenant namespace, compared whole as the update PUTs
   * it.
   */
  static Field fieldTree(String pointer) {
    return Field.any(pointer)
        .referencesBelow("$ref", DataTypeKind.KIND)
        .tenantKeysBelow()
        .comparedWhole(XdmKind::addedByRegistry);
  }

  private final String kind;
  private final Fields fields;

  XdmKind(String kind, String collection, Fields fields) {
    this.api = new SchemaRegistryApi(collection);
    this.kind = kind;
    this.fields = fields;
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
    return Identity.name("title");
  }

  private static final Pattern TENANT_ID =
      Pattern.compile("https://ns\\.adobe\\.com/([a-z0-9]+)/[a-z]+/[0-9a-f]+");

  /** {@code https://ns.adobe.com/{tenant}/schemas/{hex}} (xdm/api/getting-started.md). */
  @Override
  public Optional<String> tenantIn(String id) {
    Matcher m = TENANT_ID.matcher(id);
    return m.matches() && !m.group(1).equals("xdm") ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Adobe's own XDM (classes, field groups, data types) lives under this namespace. */
  @Override
  public boolean standard(String id) {
    return id.startsWith("https://ns.adobe.com/xdm/");
  }

  @Override
  public Set<String> attributes() {
    return Set.of("id", "altId", "title");
  }

  /**
   * A field group or data type that a schema enabled for Profile keeps using cannot go: the schema
   * stays in AEP (it cannot be deleted) and AEP deletes nothing a schema still uses.
   */
  @Override
  public Optional<String> undeletable(Value applied, List<Tracked> others) {
    return ownId(applied, others)
        .flatMap(id -> ProfileSchemas.keepingInUse(id, others))
        .map(
            schema ->
                schema
                    + " uses it, and that schema is enabled for Profile, so it stays in AEP"
                    + " (\"when you enable a schema for Profile, you cannot disable or delete it\","
                    + " xdm/schema/profile-enablement-planning.md), and AEP deletes nothing a"
                    + " schema uses");
  }

  /**
   * A field group or data type shares its fields with every schema that uses it: once one of those
   * is enabled for Profile or has a dataset, AEP refuses to remove or redefine them (a schema's own
   * breaking changes replace it instead, {@link SchemaKind}). Refused at plan time, before any
   * other change is made, rather than by AEP in the middle of the apply.
   */
  @Override
  public Optional<String> refuseUpdate(
      Value applied, Value desired, List<String> changed, List<Tracked> others) {
    Optional<String> breaking = ProfileSchemas.breakingChange(applied, desired);
    if (breaking.isEmpty()) {
      return Optional.empty();
    }
    return ownId(applied, others)
        .flatMap(id -> ProfileSchemas.frozenBy(id, others))
        .map(
            why ->
                breaking.get()
                    + ", which AEP refuses: "
                    + why
                    + " (xdm/schema/composition.md: the fields become non-editable in every schema"
                    + " that references them). Add fields only, or declare a new "
                    + kind
                    + " under another title with the change and use it instead");
  }

  /** The id state records for this object: titles are unique in a sandbox. */
  private Optional<String> ownId(Value applied, List<Tracked> others) {
    Optional<Value> title = Values.at(applied, "/title").map(Values::unmark);
    return others.stream()
        .filter(t -> t.kind().equals(kind) && !t.id().isEmpty())
        .filter(t -> Values.at(t.spec(), "/title").map(Values::unmark).equals(title))
        .map(Tracked::id)
        .findFirst();
  }

  @Override
  public List<Remote> findByName(PlatformClient client, String name) {
    return api.findByTitle(client, name);
  }

  /** The registry updates by PUT of the whole document. */
  @Override
  public Remote update(
      PlatformClient client, Remote current, Value before, Value after, List<String> changed) {
    return api.replace(client, current, createBody(after));
  }

  @Override
  public void delete(PlatformClient client, Remote remote) {
    api.delete(client, remote);
  }

  /** The create body of a document the registry returned: without what the registry echoes. */
  @Override
  public ObjectNode exportSpec(JsonNode body) {
    ObjectNode out = Crud.Served.super.exportSpec(body);
    out.remove(SERVER_ECHO);
    if (out.get("allOf") instanceof ArrayNode allOf) {
      allOf.forEach(
          item -> {
            if (item instanceof ObjectNode o && o.has("$ref")) {
              o.remove(List.of("type", "meta:xdmType"));
            }
          });
    }
    return out;
  }

  @Override
  public Crud api() {
    return api;
  }
}
