package io.aepform.engine.kind;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One field of a kind's spec and everything aepform needs to know of it, declared once (as an
 * attribute in Terraform's plugin framework): where it is (a JSON Pointer, {@code *} for every item
 * of an array), its type, and its behaviour. Build one with {@link #string} and the like, then the
 * modifiers, each of which returns a copy.
 */
public final class Field {
  private final String pointer;
  private final JsonType type;
  private final boolean required;
  private final boolean open;
  private final boolean replaces;
  private final boolean immutable;
  private final boolean irreversible;
  private final Optional<String> references;
  private final Map<String, String> aliases;
  private final Set<String> allowed;
  private final boolean ignoreCase;
  private final String description;
  private Optional<String> defaultValue = Optional.empty();

  @SuppressWarnings("checkstyle:ParameterNumber")
  private Field(
      String pointer,
      JsonType type,
      boolean required,
      boolean open,
      boolean replaces,
      boolean immutable,
      boolean irreversible,
      Optional<String> references,
      Map<String, String> aliases,
      Set<String> allowed,
      boolean ignoreCase,
      String description) {
    if (!pointer.startsWith("/")) {
      throw new IllegalArgumentException("a field pointer starts with /: " + pointer);
    }
    this.pointer = pointer;
    this.type = Objects.requireNonNull(type, "type");
    this.required = required;
    this.open = open;
    this.replaces = replaces;
    this.immutable = immutable;
    this.irreversible = irreversible;
    this.references = Objects.requireNonNull(references, "references");
    this.aliases = Map.copyOf(aliases);
    this.allowed = Set.copyOf(allowed);
    this.ignoreCase = ignoreCase;
    this.description = Objects.requireNonNull(description, "description");
  }

  private static Field of(String pointer, JsonType type) {
    return new Field(
        pointer,
        type,
        false,
        false,
        false,
        false,
        false,
        Optional.empty(),
        Map.of(),
        Set.of(),
        false,
        "");
  }

  public static Field string(String pointer) {
    return of(pointer, JsonType.STRING);
  }

  public static Field integer(String pointer) {
    return of(pointer, JsonType.INTEGER);
  }

  public static Field bool(String pointer) {
    return of(pointer, JsonType.BOOLEAN);
  }

  /** An object whose keys are declared by other fields (or are free, with {@link #open()}). */
  public static Field object(String pointer) {
    return of(pointer, JsonType.OBJECT);
  }

  /** A list; its items are declared at {@code pointer + "/*"}. */
  public static Field array(String pointer) {
    return of(pointer, JsonType.ARRAY);
  }

  public static Field strings(String pointer) {
    return of(pointer, JsonType.STRING_ARRAY);
  }

  /** Any JSON value, free-form (XDM {@code properties}, {@code definitions}). */
  public static Field any(String pointer) {
    return of(pointer, JsonType.ANY).open();
  }

  /** The create call refuses a spec without it. */
  public Field required() {
    return copy(true, open, replaces, immutable, irreversible, references, aliases, allowed);
  }

  /** Keys below it are the user's (XDM properties, connector params): never "unknown". */
  public Field open() {
    return copy(required, true, replaces, immutable, irreversible, references, aliases, allowed);
  }

  /** A change at or below it cannot be made in place: the object is replaced. */
  public Field replaces() {
    return copy(required, open, true, immutable, irreversible, references, aliases, allowed);
  }

  /** A change at or below it is refused: the object can neither update it nor be replaced. */
  public Field immutable() {
    return copy(required, open, replaces, true, irreversible, references, aliases, allowed);
  }

  /** Once set it can never be unset (a schema's union tag). */
  public Field irreversible() {
    return copy(required, open, replaces, immutable, true, references, aliases, allowed);
  }

  /** It holds ids of {@code kind}: a dependency, and a reference in exports. */
  public Field references(String kind) {
    return copy(
        required, open, replaces, immutable, irreversible, Optional.of(kind), aliases, allowed);
  }

  /** Words users may write for well-known values, and the value each stands for. */
  public Field aliases(Map<String, String> words) {
    return copy(required, open, replaces, immutable, irreversible, references, words, allowed);
  }

  /** The only values it may take. */
  public Field oneOf(String... values) {
    return copy(
        required, open, replaces, immutable, irreversible, references, aliases, Set.of(values));
  }

  /** Values compare without regard to case (AEP answers them in another case than it takes). */
  public Field ignoreCase() {
    return new Field(
        pointer,
        type,
        required,
        open,
        replaces,
        immutable,
        irreversible,
        references,
        aliases,
        allowed,
        true,
        description);
  }

  /** The value a spec gets when it leaves the field out (its parent object being there). */
  public Field defaultsTo(String value) {
    Field out = describe(description);
    out.defaultValue = Optional.of(value);
    return out;
  }

  /** A sentence for the editor schema. */
  public Field describe(String text) {
    return new Field(
        pointer,
        type,
        required,
        open,
        replaces,
        immutable,
        irreversible,
        references,
        aliases,
        allowed,
        ignoreCase,
        text);
  }

  private Field copyOf(Field made) {
    made.defaultValue = defaultValue;
    return made;
  }

  private Field copy(
      boolean required,
      boolean open,
      boolean replaces,
      boolean immutable,
      boolean irreversible,
      Optional<String> references,
      Map<String, String> aliases,
      Set<String> allowed) {
    return new Field(
        pointer,
        type,
        required,
        open,
        replaces,
        immutable,
        irreversible,
        references,
        aliases,
        allowed,
        ignoreCase,
        description);
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

  public Optional<String> references() {
    return references;
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

  public String description() {
    return description;
  }

  /** What a spec that leaves the field out gets. */
  public Optional<String> defaultValue() {
    return defaultValue;
  }

  @Override
  public String toString() {
    return pointer + " (" + type + ")";
  }
}
