package io.aepform.engine.kind;

import io.aepform.engine.value.Value;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * One field of a kind's spec and everything aepform needs to know of it, declared once (as an
 * attribute in Terraform's plugin framework): where it is (a JSON Pointer, {@code *} for every item
 * of an array), its type, and its behaviour. Build one with {@link #string} and the like, then the
 * modifiers, each of which returns a changed copy: a field is never changed once built.
 */
public final class Field {
  private final String pointer;
  private final JsonType type;
  private boolean required;
  private boolean open;
  private boolean replaces;
  private boolean immutable;
  private boolean irreversible;
  private boolean together;
  private Optional<String> references = Optional.empty();
  private Optional<AttributeOf> attributeOf = Optional.empty();
  private Optional<Nested> nested = Optional.empty();
  private Optional<TenantUse> tenantUse = Optional.empty();
  private Map<String, String> aliases = Map.of();
  private Set<String> allowed = Set.of();
  private boolean ignoreCase;
  private Optional<String> defaultValue = Optional.empty();
  private Optional<BiPredicate<Value, Value>> equivalent = Optional.empty();
  private Optional<BiPredicate<String, Value>> wholeExcept = Optional.empty();
  private String description = "";

  private Field(String pointer, JsonType type) {
    if (!pointer.startsWith("/")) {
      throw new IllegalArgumentException("a field pointer starts with /: " + pointer);
    }
    this.pointer = pointer;
    this.type = type;
  }

  private Field copy() {
    Field f = new Field(pointer, type);
    f.required = required;
    f.open = open;
    f.replaces = replaces;
    f.immutable = immutable;
    f.irreversible = irreversible;
    f.together = together;
    f.references = references;
    f.attributeOf = attributeOf;
    f.nested = nested;
    f.tenantUse = tenantUse;
    f.aliases = aliases;
    f.allowed = allowed;
    f.ignoreCase = ignoreCase;
    f.defaultValue = defaultValue;
    f.equivalent = equivalent;
    f.wholeExcept = wholeExcept;
    f.description = description;
    return f;
  }

  public static Field string(String pointer) {
    return new Field(pointer, JsonType.STRING);
  }

  public static Field integer(String pointer) {
    return new Field(pointer, JsonType.INTEGER);
  }

  public static Field bool(String pointer) {
    return new Field(pointer, JsonType.BOOLEAN);
  }

  /** An object whose keys are declared by other fields (or are free, with {@link #open()}). */
  public static Field object(String pointer) {
    return new Field(pointer, JsonType.OBJECT);
  }

  /** A list; its items are declared at {@code pointer + "/*"}. */
  public static Field array(String pointer) {
    return new Field(pointer, JsonType.ARRAY);
  }

  public static Field strings(String pointer) {
    return new Field(pointer, JsonType.STRING_ARRAY);
  }

  /** Any JSON value, free-form (XDM {@code properties}, {@code definitions}). */
  public static Field any(String pointer) {
    return new Field(pointer, JsonType.ANY).open();
  }

  /** The create call refuses a spec without it. */
  public Field required() {
    Field f = copy();
    f.required = true;
    return f;
  }

  /** Keys below it are the user's (XDM properties, connector params): never "unknown". */
  public Field open() {
    Field f = copy();
    f.open = true;
    return f;
  }

  /** A change at or below it cannot be made in place: the object is replaced. */
  public Field replaces() {
    Field f = copy();
    f.replaces = true;
    return f;
  }

  /** A change at or below it is refused: the object can neither update it nor be replaced. */
  public Field immutable() {
    Field f = copy();
    f.immutable = true;
    return f;
  }

  /** Once set it can never be unset (a schema's union tag). */
  public Field irreversible() {
    Field f = copy();
    f.irreversible = true;
    return f;
  }

  /**
   * The object whose id it holds and this one are replaced together: replacing either replaces both
   * (a dataflow and its source and target connections, sources/tutorials/api/update-dataflows.md).
   */
  public Field replacedTogether() {
    Field f = copy();
    f.together = true;
    return f;
  }

  /** It holds ids of {@code kind}: a dependency, and a reference in exports. */
  public Field references(String kind) {
    Field f = copy();
    f.references = Optional.of(kind);
    return f;
  }

  /**
   * It holds {@code attribute} of the object whose id its sibling {@code key} holds (a flow's
   * {@code mappingVersion} next to its {@code mappingId}): an export writes it as that object's
   * attribute, {@code ${mappingSet.x.version}}, where the values agree.
   */
  public Field attributeOf(String key, String attribute) {
    Field f = copy();
    f.attributeOf = Optional.of(new AttributeOf(key, attribute));
    return f;
  }

  /** The sibling key that holds an object's id, and the attribute of that object. */
  public record AttributeOf(String key, String attribute) {}

  /**
   * Below it, at any depth, the values of {@code key} may hold ids of {@code kind} (an XDM field's
   * {@code $ref} to a data type): references in exports, like {@link #references(String)}.
   */
  public Field referencesBelow(String key, String kind) {
    Field f = copy();
    f.nested = Optional.of(new Nested(key, kind));
    return f;
  }

  /** Which key below a field holds ids of which kind. */
  public record Nested(String key, String kind) {}

  /**
   * Below it, at any depth, a key {@code _<tenantId>} is the org's tenant namespace, under which
   * XDM keeps custom fields (xdm/api/getting-started.md, "Know your TENANT_ID"): an export writes
   * it {@code _${platform.tenantId}}, so the manifests work in any org.
   */
  public Field tenantKeysBelow() {
    Field f = copy();
    f.tenantUse = Optional.of(TenantUse.KEYS_BELOW);
    return f;
  }

  /**
   * It holds the path of an XDM field ({@code _<tenantId>.email} or {@code /_<tenantId>/email}),
   * whose first step may be the org's tenant namespace: an export writes it {@code
   * _${platform.tenantId}}.
   */
  public Field xdmPath() {
    Field f = copy();
    f.tenantUse = Optional.of(TenantUse.PATH);
    return f;
  }

  /** Where a field may hold the org's tenant namespace: keys below it, or its path value. */
  public enum TenantUse {
    KEYS_BELOW,
    PATH
  }

  /** Words users may write for well-known values, and the value each stands for. */
  public Field aliases(Map<String, String> words) {
    Field f = copy();
    f.aliases = Map.copyOf(words);
    return f;
  }

  /** The only values it may take. */
  public Field oneOf(String... values) {
    Field f = copy();
    f.allowed = Set.of(values);
    return f;
  }

  /** Values compare without regard to case (AEP answers them in another case than it takes). */
  public Field ignoreCase() {
    Field f = copy();
    f.ignoreCase = true;
    return f;
  }

  /** The value a spec that leaves the field out gets (its parent object being there). */
  public Field defaultsTo(String value) {
    Field f = copy();
    f.defaultValue = Optional.of(value);
    return f;
  }

  /**
   * The platform may answer another form of the same value (a media type without its variant):
   * {@code test(applied, remote)} says when they are the same.
   */
  public Field equivalentWhen(BiPredicate<Value, Value> test) {
    Field f = copy();
    f.equivalent = Optional.of(test);
    return f;
  }

  /**
   * The update sends it whole and the platform keeps only what it is sent (an XDM document's {@code
   * definitions}, which a PUT replaces): drift compares every key the platform answers below it,
   * not only those applied, so a key added outside aepform shows, as the update would remove it.
   * {@code addedByPlatform(key, value)} says which keys the platform adds by itself to what it is
   * sent (XDM's {@code meta:xdmType}): those count only where applied.
   */
  public Field comparedWhole(BiPredicate<String, Value> addedByPlatform) {
    Field f = copy();
    f.wholeExcept = Optional.of(addedByPlatform);
    return f;
  }

  /** A sentence for the editor schema. */
  public Field describe(String text) {
    Field f = copy();
    f.description = text;
    return f;
  }

  public String pointer() {
    return pointer;
  }

  public JsonType type() {
    return type;
  }

  public boolean isRequired() {
    return required;
  }

  public boolean isOpen() {
    return open;
  }

  public boolean forcesReplace() {
    return replaces;
  }

  public boolean isImmutable() {
    return immutable;
  }

  public boolean isIrreversible() {
    return irreversible;
  }

  public boolean isReplacedTogether() {
    return together;
  }

  public Optional<String> references() {
    return references;
  }

  public Optional<AttributeOf> attributeOf() {
    return attributeOf;
  }

  public Optional<Nested> referencesBelow() {
    return nested;
  }

  public Optional<TenantUse> tenantUse() {
    return tenantUse;
  }

  public Map<String, String> aliases() {
    return aliases;
  }

  public Set<String> allowed() {
    return allowed;
  }

  public boolean ignoresCase() {
    return ignoreCase;
  }

  public Optional<String> defaultValue() {
    return defaultValue;
  }

  /** True when the platform's {@code remote} value is the applied value in another form. */
  public boolean same(Value applied, Value remote) {
    if (ignoreCase && applied instanceof Value.Str a && remote instanceof Value.Str r) {
      return a.value().equalsIgnoreCase(r.value());
    }
    return equivalent.map(t -> t.test(applied, remote)).orElse(false);
  }

  /** True when drift compares it whole ({@link #comparedWhole}). */
  public boolean isComparedWhole() {
    return wholeExcept.isPresent();
  }

  /** True for a key below a field compared whole that the platform adds by itself. */
  public boolean addedByPlatform(String key, Value value) {
    return wholeExcept.map(t -> t.test(key, value)).orElse(false);
  }

  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return pointer + " (" + type + ")";
  }
}
