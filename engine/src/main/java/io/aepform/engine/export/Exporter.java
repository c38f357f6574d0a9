package io.aepform.engine.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.error.UsageException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the objects of a sandbox and turns them into manifest documents: logical names from remote
 * names, the create request body as spec with the remote name kept, ids of other exported objects
 * as references, well-known spec ids as aliases, secrets as {@code ${env.NAME}} placeholders.
 */
public final class Exporter {
  private final Map<String, Kind> handlers;

  /** {@code handlers} in the order kinds are exported (the order of {@code Kinds.handlers}). */
  public Exporter(Map<String, ? extends Kind> handlers) {
    this.handlers = new LinkedHashMap<>(handlers);
  }

  /** One exported object: its address, the remote object, and the spec to write. */
  public record Exported(Address address, Remote remote, ObjectNode spec) {
    public Exported {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(remote, "remote");
      spec = spec.deepCopy();
    }

    @Override
    public ObjectNode spec() {
      return spec.deepCopy();
    }
  }

  /**
   * The exported objects in kind order then by logical name, the placeholders and warnings, and the
   * org's tenant id the specs were written without (when they held it).
   */
  public record Export(
      List<Exported> resources,
      List<EnvPlaceholder> placeholders,
      List<String> warnings,
      Optional<String> tenant) {
    public Export {
      resources = List.copyOf(resources);
      placeholders = List.copyOf(placeholders);
      warnings = List.copyOf(warnings);
      Objects.requireNonNull(tenant, "tenant");
    }
  }

  /**
   * Lists {@code kinds} (every kind when empty) in the sandbox and exports what is there; {@code
   * orgTenant} is asked for the org's tenant id only when no exported XDM id names it.
   */
  public Export export(
      PlatformClient client, List<String> kinds, Supplier<Optional<String>> orgTenant) {
    for (String k : kinds) {
      if (!handlers.containsKey(k)) {
        throw new UsageException(
            UsageException.Code.INVALID_ARGUMENTS,
            "unknown kind '" + k + "': expected one of " + handlers.keySet());
      }
    }
    Map<String, List<Remote>> remotes = new LinkedHashMap<>();
    handlers.forEach(
        (kind, handler) -> {
          if (kinds.isEmpty() || kinds.contains(kind)) {
            remotes.put(kind, handler.list(client));
          }
        });
    return transform(remotes, orgTenant);
  }

  /** Exports the given remote objects per kind; makes no call. */
  public Export transform(Map<String, List<Remote>> remotes) {
    return transform(remotes, Optional::empty);
  }

  /** As {@link #transform(Map)}, asking {@code orgTenant} when the ids name no tenant. */
  public Export transform(Map<String, List<Remote>> remotes, Supplier<Optional<String>> orgTenant) {
    Optional<String> tenant = tenant(remotes, orgTenant);
    List<Exported> named = new ArrayList<>();
    References references = new References(handlers);
    for (String kind : handlers.keySet()) {
      LogicalNames names = new LogicalNames(kind);
      List<Remote> sorted = new ArrayList<>(remotes.getOrDefault(kind, List.of()));
      sorted.sort(
          Comparator.comparing(Remote::name)
              .thenComparing(Remote::createdAt)
              .thenComparing(Remote::id));
      for (Remote r : sorted) {
        if (handlers.get(kind).system(r)) {
          continue; // Adobe keeps it in every sandbox: not the user's to declare
        }
        Address address = new Address(kind, names.next(r.name()));
        named.add(new Exported(address, r, clean(kind, r)));
        references.add(address, ids(kind, r), r.attributes());
      }
    }
    List<Exported> out = new ArrayList<>();
    List<EnvPlaceholder> placeholders = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Exported e : named) {
      ObjectNode spec = e.spec();
      references.replace(e.address(), spec, warnings::add);
      // secrets first: which values are secret may depend on a real id an alias would hide
      Kind kind = handlers.get(e.address().kind());
      tenant.ifPresent(t -> TenantNamespace.write(spec, kind, t));
      placeholders.addAll(Placeholders.secrets(e.address(), spec, kind));
      Placeholders.aliases(spec, kind);
      out.add(new Exported(e.address(), e.remote(), spec));
    }
    out.sort(
        Comparator.comparing((Exported e) -> kindOrder(e.address().kind()))
            .thenComparing(e -> e.address().name()));
    return new Export(out, placeholders, warnings, tenant);
  }

  /** The tenant the XDM ids name, else the org's when an exported object may hold it. */
  private Optional<String> tenant(
      Map<String, List<Remote>> remotes, Supplier<Optional<String>> orgTenant) {
    Optional<String> fromIds = TenantNamespace.fromIds(handlers, remotes);
    boolean used =
        remotes.entrySet().stream()
            .anyMatch(
                e ->
                    !e.getValue().isEmpty()
                        && handlers.containsKey(e.getKey())
                        && TenantNamespace.usedBy(handlers.get(e.getKey())));
    return fromIds.isPresent() || !used ? fromIds : orgTenant.get();
  }

  private int kindOrder(String kind) {
    return new ArrayList<>(handlers.keySet()).indexOf(kind);
  }

  /** The create body, remote strings escaped, the remote name first and explicit. */
  private ObjectNode clean(String kind, Remote r) {
    Kind k = handlers.get(kind);
    ObjectNode body = k.exportSpec(Values.toJsonRevealed(k.normalizeRemote(r.body())));
    escape(body);
    String nameField = handlers.get(kind).nameField();
    ObjectNode spec = JsonNodeFactory.instance.objectNode();
    // the remote name is written even where it would default, so a later rename of the logical
    // name never renames the remote object
    if (!nameField.isEmpty()) {
      spec.put(nameField, r.name().replace("${", "$${"));
    }
    body.properties()
        .forEach(
            e -> {
              if (!e.getKey().equals(nameField)) {
                spec.set(e.getKey(), e.getValue());
              }
            });
    return spec;
  }

  /** A remote text is text: {@code ${} in it is written {@code $${} so it is not evaluated. */
  private static void escape(JsonNode node) {
    if (node instanceof ObjectNode o) {
      List<String> keys = new ArrayList<>();
      o.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        JsonNode v = o.get(k);
        if (v.isTextual()) {
          o.set(k, TextNode.valueOf(v.asText().replace("${", "$${")));
        } else {
          escape(v);
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).isTextual()) {
          a.set(i, TextNode.valueOf(a.get(i).asText().replace("${", "$${")));
        } else {
          escape(a.get(i));
        }
      }
    }
  }

  /**
   * The attributes that identify the object, for references to it: the ids the platform assigned
   * first, then its name (a descriptor names an identity namespace by its code).
   */
  private Map<String, String> ids(String kind, Remote r) {
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("id", r.id());
    String nameField = handlers.get(kind).nameField();
    r.attributes()
        .forEach(
            (attr, v) -> {
              if (!attr.equals(nameField) && v instanceof Value.Str s) {
                ids.putIfAbsent(attr, s.value());
              }
            });
    if (!nameField.isEmpty() && r.attributes().get(nameField) instanceof Value.Str s) {
      ids.putIfAbsent(nameField, s.value());
    }
    return ids;
  }
}
