package io.aepform.emulator.dataprep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.gateway.Caller;
import io.aepform.emulator.http.Json;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Builds mapping sets as data-prep/api/mapping-set.md answers them: 32-hex ids, integer {@code
 * version} from 0, epoch-millisecond dates, each mapping with its own id and its sourceType as a
 * media type, and the derived {@code schemaRef}, {@code xdmSchema}, {@code xdmVersion}.
 */
final class MappingSetDocuments {
  /** What POST answers (mapping-set.md, "Create a mapping set"). */
  static final List<String> SUMMARY =
      List.of("id", "version", "createdDate", "modifiedDate", "createdBy", "modifiedBy");

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  MappingSetDocuments(Clock clock) {
    this.clock = clock;
  }

  /**
   * A new mapping set, or the next version of {@code previous}: version + 1, new mapping ids,
   * creation kept (mapping-set.md, "Update a mapping set": version 0 becomes 1).
   */
  ObjectNode build(ObjectNode body, Caller caller, Optional<ObjectNode> previous) {
    long now = clock.millis();
    String user = caller.clientId() + "@techacct.adobe.com";
    ObjectNode doc = Json.object();
    doc.put("id", previous.map(p -> p.get("id").asText()).orElseGet(this::newId));
    doc.put("version", previous.map(p -> p.get("version").asInt() + 1).orElse(0));
    doc.put("createdDate", previous.map(p -> p.get("createdDate").asLong()).orElse(now));
    doc.put("modifiedDate", now);
    doc.put("createdBy", previous.map(p -> p.get("createdBy").asText()).orElse(user));
    doc.put("modifiedBy", user).put("supportVersion", "1.1");
    if (body.has("name")) {
      doc.put("name", body.get("name").asText());
    }
    if (body.has("inputSchema")) {
      doc.set("inputSchema", body.get("inputSchema").deepCopy());
    }
    JsonNode ref = body.at("/outputSchema/schemaRef");
    ObjectNode out = doc.putObject("outputSchema").put("id", newId()).put("version", 0);
    out.set("schemaRef", schemaRef(ref));
    doc.set("mappings", mappings((ArrayNode) body.get("mappings"), now, user));
    doc.put("status", "DRAFT").put("strictMapping", false).put("allowNullValues", false);
    doc.put("xdmVersion", ref.get("contentType").asText());
    doc.set("schemaRef", schemaRef(ref));
    doc.put("xdmSchema", ref.get("id").asText());
    return doc;
  }

  private ArrayNode mappings(ArrayNode sent, long now, String user) {
    ArrayNode out = Json.array();
    for (JsonNode m : sent) {
      ObjectNode o = out.addObject().put("id", newId()).put("version", 0);
      o.put("createdDate", now).put("modifiedDate", now);
      o.put("createdBy", user).put("modifiedBy", user);
      String type = MappingRules.mediaType(m.get("sourceType").asText()).orElseThrow();
      o.put("sourceType", type);
      o.put("source", m.get("source").asText()).put("destination", m.get("destination").asText());
      for (String optional : List.of("name", "description")) {
        if (m.has(optional)) {
          o.put(optional, m.get(optional).asText());
        }
      }
      o.put("identity", false).put("primaryIdentity", false).put("matchScore", 0.0);
      o.put("functionVersion", 1).put("sourceAttribute", m.get("source").asText());
      o.put("destinationXdmPath", m.get("destination").asText());
    }
    return out;
  }

  private static ObjectNode schemaRef(JsonNode ref) {
    return Json.object()
        .put("id", ref.get("id").asText())
        .put("contentType", ref.get("contentType").asText());
  }

  /** The POST answer: the first fields of the stored set. */
  static ObjectNode summary(ObjectNode doc) {
    ObjectNode out = Json.object();
    SUMMARY.forEach(f -> out.set(f, doc.get(f).deepCopy()));
    return out;
  }

  private String newId() {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
