package io.aepform.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** Turns the bytes of one state file into a {@link State}, or says precisely what is wrong. */
final class StateReader {
  private static final Set<String> STATE_FIELDS =
      Set.of(
          "version",
          "serial",
          "lineage",
          "aepformVersion",
          "environment",
          "sandbox",
          "imsOrg",
          "secretsSalt",
          "resources");
  private static final Set<String> RESOURCE_FIELDS =
      Set.of(
          "address",
          "kind",
          "id",
          "name",
          "etag",
          "status",
          "pending",
          "dependencies",
          "attributes",
          "spec");
  private static final Set<String> PENDING_FIELDS = Set.of("remoteName", "startedAt", "runId");

  private final String source;

  StateReader(String source) {
    this.source = source;
  }

  State read(byte[] json) {
    JsonFields root = new JsonFields(parse(json), "", source);
    int version = version(root);
    root.allowOnly(STATE_FIELDS);
    long serial = root.integer("serial");
    List<ResourceState> resources = resources(root.array("resources"));
    return build(
        root,
        "",
        () ->
            new State(
                version,
                serial,
                root.text("lineage"),
                root.text("aepformVersion"),
                root.text("environment"),
                root.text("sandbox"),
                root.text("imsOrg"),
                root.text("secretsSalt"),
                resources));
  }

  private JsonNode parse(byte[] json) {
    if (new String(json, StandardCharsets.UTF_8).isBlank()) {
      throw new StateException(StateException.Code.CORRUPT, source + ": the file is empty");
    }
    try {
      return CanonicalJson.read(json);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new StateException(
          StateException.Code.CORRUPT,
          source
              + ": not valid JSON"
              + where
              + " (truncated or corrupted?): "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new StateException(
          StateException.Code.CORRUPT, source + ": cannot be parsed: " + e.getMessage(), e);
    }
  }

  /** Checked first: a newer format may differ in any other way, so its version is the news. */
  private int version(JsonFields root) {
    long version = root.integer("version");
    if (version > State.FORMAT_VERSION) {
      throw new StateException(
          StateException.Code.UNSUPPORTED_VERSION,
          String.format(
              "%s: written by a newer aepform (state format version %d; this aepform reads up to"
                  + " version %d). Upgrade aepform to use this state.",
              source, version, State.FORMAT_VERSION));
    }
    if (version < 1) {
      throw root.error("version", "must be at least 1, found " + version);
    }
    return (int) version;
  }

  private List<ResourceState> resources(ArrayNode array) {
    List<ResourceState> resources = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      resources.add(resource(new JsonFields(array.get(i), "resources[" + i + "]", source)));
    }
    return resources;
  }

  private ResourceState resource(JsonFields fields) {
    fields.allowOnly(RESOURCE_FIELDS);
    String statusText = fields.text("status");
    ResourceStatus status =
        ResourceStatus.fromJson(statusText)
            .orElseThrow(
                () ->
                    fields.error(
                        "status",
                        "unknown status '"
                            + statusText
                            + "'; expected created, pending-create or tainted"));
    List<String> dependencies = strings(fields, "dependencies");
    Optional<PendingCreate> pending = fields.optional("pending").map(node -> pending(fields, node));
    return build(
        fields,
        "",
        () ->
            new ResourceState(
                fields.text("address"),
                fields.text("kind"),
                fields.text("id"),
                fields.text("name"),
                fields.text("etag"),
                status,
                fields.object("spec"),
                fields.object("attributes"),
                dependencies,
                pending));
  }

  private PendingCreate pending(JsonFields parent, JsonNode node) {
    JsonFields fields = new JsonFields(node, parent.pathOf("pending"), source);
    fields.allowOnly(PENDING_FIELDS);
    String startedAt = fields.text("startedAt");
    Instant started;
    try {
      started = Instant.parse(startedAt);
    } catch (DateTimeParseException e) {
      throw fields.error("startedAt", "not an ISO-8601 instant: '" + startedAt + "'");
    }
    return build(
        fields,
        "",
        () -> new PendingCreate(fields.text("remoteName"), started, fields.text("runId")));
  }

  private List<String> strings(JsonFields fields, String name) {
    ArrayNode array = fields.array(name);
    List<String> strings = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      JsonNode element = array.get(i);
      if (!element.isTextual()) {
        throw fields.error(
            name + "[" + i + "]", "expected a string, found " + JsonFields.describe(element));
      }
      strings.add(element.textValue());
    }
    return strings;
  }

  /** Runs a record constructor, reporting its validation failure at the object's path. */
  private static <T> T build(JsonFields fields, String name, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw fields.error(name, e.getMessage());
    }
  }
}
