package io.aepform.emulator.schemaregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.ApiRequest;
import io.aepform.emulator.http.Json;
import io.aepform.emulator.http.Violation;
import java.util.List;

/**
 * Descriptor lists (help/xdm/api/descriptors.md "Retrieve a list of descriptors"): an object with
 * an array per {@code @type} that has descriptors ("the registry will not return an empty array for
 * that descriptor type"), holding ids ({@code xdm-id}), paths {@code /tenant/descriptors/{id}}
 * ({@code xdm-link}) or whole descriptors ({@code xdm}). {@code property=field==value} filters. The
 * paging {@code xdm-v2} types are not emulated.
 */
final class DescriptorListing {
  private DescriptorListing() {}

  static ObjectNode list(ApiRequest request, XdmRegistry registry) {
    String accept = request.header("accept").orElse("").trim();
    String form =
        switch (accept) {
          case "application/vnd.adobe.xdm-id+json" -> "id";
          case "application/vnd.adobe.xdm-link+json" -> "link";
          case "application/vnd.adobe.xdm+json" -> "full";
          default -> throw XdmErrors.descriptorListAccept(accept);
        };
    ObjectNode out = Json.object();
    for (ObjectNode d : registry.descriptors()) {
      if (!matches(d, request.queryParams("property"))) {
        continue;
      }
      String type = d.path("@type").asText();
      ArrayNode group = out.has(type) ? (ArrayNode) out.get(type) : out.putArray(type);
      String id = d.path("@id").asText();
      switch (form) {
        case "id" -> group.add(id);
        case "link" -> group.add("/tenant/descriptors/" + id);
        default -> group.add(d.deepCopy());
      }
    }
    return out;
  }

  private static boolean matches(ObjectNode d, List<String> conditions) {
    for (String c : conditions) {
      String[] kv = c.split("==", 2);
      if (kv.length != 2) {
        throw new Violation("property filter '" + c + "' must look like field==value");
      }
      JsonNode v = d.get(kv[0].trim());
      if (v == null || !v.asText().equals(kv[1])) {
        return false;
      }
    }
    return true;
  }
}
