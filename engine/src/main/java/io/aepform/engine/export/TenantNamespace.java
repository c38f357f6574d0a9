package io.aepform.engine.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.aepform.engine.kind.Field;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.value.Pointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the org's tenant namespace {@code _<tenantId>} as {@code _${platform.tenantId}} where a
 * kind declares it may be (keys below an XDM document's fields, paths of XDM fields), so exported
 * manifests work in a sandbox of another org, whose tenant id differs.
 */
final class TenantNamespace {
  static final String EXPRESSION = "_${platform.tenantId}";

  private TenantNamespace() {}

  /** The tenant the remote objects' ids name ({@code https://ns.adobe.com/<tenant>/...}). */
  static Optional<String> fromIds(Map<String, ? extends Kind> kinds, Map<String, List<Remote>> by) {
    return by.entrySet().stream()
        .filter(e -> kinds.containsKey(e.getKey()))
        .flatMap(e -> e.getValue().stream().map(r -> kinds.get(e.getKey()).tenantIn(r.id())))
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** True when {@code kind} declares a field that may hold the tenant namespace. */
  static boolean usedBy(Kind kind) {
    return kind.fields().all().stream().anyMatch(f -> f.tenantUse().isPresent());
  }

  /** Rewrites {@code spec} of {@code kind} in place. */
  static void write(ObjectNode spec, Kind kind, String tenant) {
    for (Field f : kind.fields().all()) {
      f.tenantUse()
          .ifPresent(use -> at(spec, Pointers.tokens(f.pointer()), use, "_" + tenant, null, null));
    }
  }

  /** Walks {@code path} ({@code *}: every item) from {@code node}, child of {@code parent}. */
  private static void at(
      JsonNode node,
      List<String> path,
      Field.TenantUse use,
      String ns,
      JsonNode parent,
      String key) {
    if (path.isEmpty()) {
      if (use == Field.TenantUse.KEYS_BELOW) {
        keys(node, ns);
      } else if (node.isTextual() && parent != null) {
        set(parent, key, TextNode.valueOf(path(node.asText(), ns)));
      }
      return;
    }
    String step = path.get(0);
    List<String> rest = path.subList(1, path.size());
    if (step.equals("*") && node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        at(array.get(i), rest, use, ns, array, String.valueOf(i));
      }
    } else if (node instanceof ObjectNode object && object.has(step)) {
      at(object.get(step), rest, use, ns, object, step);
    }
  }

  /** {@code _acme.email} or {@code /_acme/email}: the first step written as the expression. */
  static String path(String text, String ns) {
    Matcher m = Pattern.compile("^(/?)" + Pattern.quote(ns) + "(?=$|[./\\[])").matcher(text);
    return m.find() ? m.group(1) + EXPRESSION + text.substring(m.end()) : text;
  }

  /** Renames every key {@code ns} below {@code node}, keeping the order of keys. */
  private static void keys(JsonNode node, String ns) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      if (names.contains(ns)) {
        ObjectNode renamed = JsonNodeFactory.instance.objectNode();
        names.forEach(n -> renamed.set(n.equals(ns) ? EXPRESSION : n, object.get(n)));
        object.removeAll();
        object.setAll(renamed);
      }
      object.elements().forEachRemaining(v -> keys(v, ns));
    } else if (node instanceof ArrayNode array) {
      array.forEach(v -> keys(v, ns));
    }
  }

  private static void set(JsonNode parent, String key, JsonNode value) {
    if (parent instanceof ArrayNode a) {
      a.set(Integer.parseInt(key), value);
    } else if (parent instanceof ObjectNode o) {
      o.set(key, value);
    }
  }
}
