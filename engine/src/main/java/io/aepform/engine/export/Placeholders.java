package io.aepform.engine.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.aepform.engine.kind.Field;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.plan.Secrets;
import io.aepform.engine.value.Pointers;
import io.aepform.engine.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an exported spec writes in place of a remote value: secrets (AEP returns them masked) as
 * {@code ${env.NAME}} placeholders, well-known ids as the aliases users write. Which values are
 * secret, and which fields take aliases, each kind declares.
 */
final class Placeholders {
  private Placeholders() {}

  /**
   * Replaces the values {@code kind} marks secret in {@code spec}, in place, by placeholders: NAME
   * from the logical name and the field, {@code s3SecretKey} of {@code connection.s3_base} is read
   * from {@code S3_BASE_S3SECRETKEY}.
   */
  static List<EnvPlaceholder> secrets(Address address, ObjectNode spec, Kind kind) {
    List<EnvPlaceholder> out = new ArrayList<>();
    for (String pointer : Secrets.sensitivePointers(kind.normalize(Values.fromJson(spec)), "")) {
      List<String> tokens = Pointers.tokens(pointer);
      String env = envName(address.name(), tokens.get(tokens.size() - 1));
      set(spec, tokens, TextNode.valueOf("${env." + env + "}"));
      out.add(new EnvPlaceholder(env, address.toString(), pointer));
    }
    return out;
  }

  /**
   * {@code S3_BASE_CONNECTION_S3SECRETKEY} for {@code s3_base_connection} and {@code s3SecretKey}.
   */
  static String envName(String logicalName, String param) {
    return (logicalName + "_" + param).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
  }

  /** Writes the alias of each well-known id back, in the fields that declare aliases. */
  static void aliases(ObjectNode spec, Kind kind) {
    for (Field f : kind.fields().all()) {
      if (f.aliases().isEmpty() || f.pointer().contains("*")) {
        continue;
      }
      Map<String, String> byId = new TreeMap<>();
      f.aliases().forEach((alias, id) -> byId.put(id, alias));
      List<String> tokens = Pointers.tokens(f.pointer());
      JsonNode value = spec.at(f.pointer());
      if (value.isTextual() && byId.containsKey(value.asText())) {
        set(spec, tokens, TextNode.valueOf(byId.get(value.asText())));
      }
    }
  }

  private static void set(JsonNode root, List<String> tokens, JsonNode value) {
    JsonNode parent = root;
    for (String t : tokens.subList(0, tokens.size() - 1)) {
      parent = parent.isArray() ? parent.get(Integer.parseInt(t)) : parent.get(t);
    }
    String last = tokens.get(tokens.size() - 1);
    if (parent instanceof ArrayNode a) {
      a.set(Integer.parseInt(last), value);
    } else if (parent instanceof ObjectNode o) {
      o.set(last, value);
    }
  }
}
