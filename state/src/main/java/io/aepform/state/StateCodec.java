package io.aepform.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The JSON form of a {@link State}: pretty printed, fields in a fixed order (keys inside {@code
 * spec} and {@code attributes} sorted), {@code \n} line ends; the same state always gives the same
 * bytes. See {@code docs/state.md} for the format.
 */
public final class StateCodec {
  private StateCodec() {}

  /** The bytes of {@code state} as written to a state file. */
  public static byte[] write(State state) {
    return write(state, new Fragments());
  }

  /**
   * The text of each resource of the last state written through it, by identity: resources are
   * immutable, so one that is the same instance in the next state (all but those that changed)
   * reuses its text instead of being encoded again. Not thread-safe.
   */
  static final class Fragments {
    private IdentityHashMap<ResourceState, byte[]> last = new IdentityHashMap<>();
  }

  private static final byte[] OPEN = "[\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] BETWEEN = ",\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] CLOSE = "\n  ]\n}\n".getBytes(StandardCharsets.UTF_8);

  /** As {@link #write(State)}, reusing the text of resources unchanged since the last write. */
  static byte[] write(State state, Fragments fragments) {
    List<byte[]> chunks = chunks(state, fragments);
    int size = 0;
    for (byte[] chunk : chunks) {
      size += chunk.length;
    }
    byte[] out = new byte[size];
    int at = 0;
    for (byte[] chunk : chunks) {
      System.arraycopy(chunk, 0, out, at, chunk.length);
      at += chunk.length;
    }
    return out;
  }

  /**
   * The bytes of {@link #write(State, Fragments)} as the pieces they are made of, in order: the
   * text of each resource is shared with the last write, not copied into one large array per write
   * (a large apply writes its state hundreds of times).
   */
  static List<byte[]> chunks(State state, Fragments fragments) {
    byte[] head = CanonicalJson.write(header(state));
    if (state.resources().isEmpty()) {
      return List.of(head);
    }
    // the header ends with "resources": []\n}\n; each resource is an element at depth 2
    String emptyEnd = "[]\n}\n";
    String headText = new String(head, StandardCharsets.UTF_8);
    if (!headText.endsWith(emptyEnd)) {
      throw new IllegalStateException("unexpected state header: " + headText);
    }
    IdentityHashMap<ResourceState, byte[]> now = new IdentityHashMap<>();
    List<byte[]> out = new ArrayList<>(2 * state.resources().size() + 2);
    out.add(Arrays.copyOf(head, head.length - emptyEnd.length()));
    out.add(OPEN);
    for (ResourceState r : state.resources()) {
      byte[] text = fragments.last.get(r);
      if (text == null) {
        text = indented(CanonicalJson.write(resource(r)));
      }
      now.put(r, text);
      if (out.size() > 2) {
        out.add(BETWEEN);
      }
      out.add(text);
    }
    out.add(CLOSE);
    fragments.last = now;
    return out;
  }

  /** A resource's JSON (ending in a newline) indented by four spaces, as an element at depth 2. */
  private static byte[] indented(byte[] json) {
    String text = new String(json, 0, json.length - 1, StandardCharsets.UTF_8);
    // JSON strings escape their line breaks: every \n here is between tokens
    return ("    " + text.replace("\n", "\n    ")).getBytes(StandardCharsets.UTF_8);
  }

  private static ObjectNode header(State state) {
    ObjectNode root = CanonicalJson.NODES.objectNode();
    root.put("version", state.version());
    root.put("serial", state.serial());
    root.put("lineage", state.lineage());
    root.put("aepformVersion", state.aepformVersion());
    root.put("environment", state.environment());
    root.put("sandbox", state.sandbox());
    root.put("imsOrg", state.imsOrg());
    root.put("secretsSalt", state.secretsSalt());
    root.putArray("resources");
    return root;
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
