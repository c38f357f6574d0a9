package io.aepform.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link State}: pretty printed, fields in a fixed order (keys inside {@code
 * spec} and {@code attributes} sorted), {@code \n} line ends; the same state always gives the same
 * bytes. See {@code docs/state.md} for the format.
 */
public final class StateCodec {
  private StateCodec() {}

  /** The bytes of {@code state} as written to a state file. */
  public static byte[] write(State state) {
    ObjectNode root = CanonicalJson.NODES.objectNode();
    root.put("version", state.version());
    root.put("serial", state.serial());
    root.put("lineage", state.lineage());
    root.put("aepformVersion", state.aepformVersion());
    root.put("environment", state.environment());
    root.put("sandbox", state.sandbox());
    root.put("imsOrg", state.imsOrg());
    root.put("secretsSalt", state.secretsSalt());
    ArrayNode resources = root.putArray("resources");
    state.resources().forEach(resource -> resources.add(resource(resource)));
    return CanonicalJson.write(root);
  }

  /**
   * The state in {@code json}.
   *
   * @param source names the bytes in error messages, e.g. the file's path
   * @throws StateException naming {@code source} and the path of what is wrong: not JSON
   *     (truncated, corrupted), a missing or unknown field, a wrong type, an invalid value, or a
   *     format version newer than {@link State#FORMAT_VERSION}
   */
  public static State read(byte[] json, String source) {
    return new StateReader(source).read(json);
  }

  private static ObjectNode resource(ResourceState resource) {
    ObjectNode node = CanonicalJson.NODES.objectNode();
    node.put("address", resource.address());
    node.put("kind", resource.kind());
    node.put("id", resource.id());
    node.put("name", resource.name());
    node.put("etag", resource.etag());
    node.put("status", resource.status().json());
    resource.pending().ifPresent(pending -> node.set("pending", pending(pending)));
    ArrayNode dependencies = node.putArray("dependencies");
    resource.dependencies().forEach(dependencies::add);
    node.set("attributes", CanonicalJson.sorted(resource.attributes()));
    node.set("spec", CanonicalJson.sorted(resource.spec()));
    return node;
  }

  private static ObjectNode pending(PendingCreate pending) {
    ObjectNode node = CanonicalJson.NODES.objectNode();
    node.put("remoteName", pending.remoteName());
    node.put("startedAt", pending.startedAt().toString());
    node.put("runId", pending.runId());
    return node;
  }
}
