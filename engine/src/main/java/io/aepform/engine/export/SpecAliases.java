package io.aepform.engine.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.provider.Specs;
import java.util.Map;
import java.util.TreeMap;

/** Well-known connection and flow spec ids written back as the aliases users write. */
final class SpecAliases {
  private static final Map<String, String> CONNECTION_SPECS =
      reversed(Specs.CONNECTION_SPEC_ALIASES);
  private static final Map<String, String> FLOW_SPECS = reversed(Specs.FLOW_SPEC_ALIASES);

  private SpecAliases() {}

  /** Replaces {@code connectionSpec.id} and {@code flowSpec.id} by their alias, in place. */
  static void write(ObjectNode spec) {
    alias(spec.get("connectionSpec"), CONNECTION_SPECS);
    alias(spec.get("flowSpec"), FLOW_SPECS);
  }

  private static void alias(JsonNode block, Map<String, String> aliases) {
    if (block instanceof ObjectNode o && o.path("id").isTextual()) {
      String alias = aliases.get(o.get("id").asText());
      if (alias != null) {
        o.put("id", alias);
      }
    }
  }

  private static Map<String, String> reversed(Map<String, String> aliases) {
    Map<String, String> out = new TreeMap<>();
    aliases.forEach((alias, id) -> out.put(id, alias));
    return out;
  }
}
