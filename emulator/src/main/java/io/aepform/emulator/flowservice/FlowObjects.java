package io.aepform.emulator.flowservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.ResourceKind;
import io.aepform.emulator.gateway.Caller;
import io.aepform.emulator.http.Json;
import io.aepform.emulator.store.ObjectStore;
import io.aepform.emulator.store.Scope;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Builds Flow Service objects as GET returns them: the client's fields plus the server's. */
public final class FlowObjects {
  /**
   * Where a stored flow keeps the connections it was created with ({@link FlowRules#snapshot});
   * never part of an answer.
   */
  public static final String SNAPSHOT = "_emulatorSnapshot";

  /** Fields only the server sets; a client may neither send nor patch them. */
  static final Set<String> SERVER_FIELDS =
      Set.of(
          "id",
          "createdAt",
          "updatedAt",
          "createdBy",
          "updatedBy",
          "createdClient",
          "updatedClient",
          "sandboxId",
          "sandboxName",
          "imsOrgId",
          "state",
          "version",
          "etag",
          "inheritedAttributes",
          "runs",
          "lastOperation",
          "lastRunDetails",
          "providerRefId",
          SNAPSHOT);

  private final ObjectStore store;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public FlowObjects(ObjectStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  ObjectNode created(ResourceKind kind, String id, ObjectNode body, Caller caller) {
    long now = clock.millis();
    ObjectNode o = Json.object().put("id", id).put("createdAt", now).put("updatedAt", now);
    o.put("createdBy", caller.clientId() + "@AdobeID")
        .put("updatedBy", caller.clientId() + "@AdobeID");
    o.put("createdClient", caller.clientId()).put("updatedClient", caller.clientId());
    o.put("sandboxId", sandboxId(caller.scope())).put("sandboxName", caller.sandbox());
    o.put("imsOrgId", caller.orgId());
    o.setAll(body.deepCopy());
    o.put("state", "enabled");
    return finish(kind, o, caller.scope());
  }

  ObjectNode updated(ResourceKind kind, ObjectNode current, ObjectNode user, Caller caller) {
    ObjectNode o = Json.object();
    for (String f : SERVER_FIELDS) {
      if (current.has(f)) {
        o.set(f, current.get(f).deepCopy());
      }
    }
    o.setAll(user.deepCopy());
    o.put("updatedAt", clock.millis()).put("updatedBy", caller.clientId() + "@AdobeID");
    o.put("updatedClient", caller.clientId());
    return finish(kind, o, caller.scope());
  }

  ObjectNode withState(ObjectNode current, String state, Caller caller) {
    return updated(ResourceKind.FLOW, current, userView(current), caller).put("state", state);
  }

  /** An object changed outside the API (by a test): a new etag and updatedAt, as AEP would give. */
  public ObjectNode touch(ResourceKind kind, ObjectNode o, Scope scope) {
    return finish(kind, o.put("updatedAt", clock.millis()), scope);
  }

  /** A fresh etag and the derived fields; secrets masked. */
  ObjectNode finish(ResourceKind kind, ObjectNode o, Scope scope) {
    if (kind == ResourceKind.CONNECTION) {
      AuthSpecs.mask(o);
    }
    if (kind == ResourceKind.FLOW) {
      FlowSchedule.normalise(o);
      // Taken once, at creation: later changes of the connections are not carried into the flow
      // (help/sources/tutorials/api/update-dataflows.md, TIP).
      if (!o.has("inheritedAttributes")) {
        o.set("inheritedAttributes", FlowRules.inherited(o, store, scope));
        o.set(SNAPSHOT, FlowRules.snapshot(o, store, scope));
      }
      o.put("runs", "/runs?property=flowId==" + o.path("id").asText());
    }
    String etag = newEtag();
    return o.put("version", etag).put("etag", etag);
  }

  /** A stored object as GET and lists answer it: a copy without the emulator's own fields. */
  public static ObjectNode answer(ObjectNode stored) {
    ObjectNode copy = stored.deepCopy();
    copy.remove(SNAPSHOT);
    return copy;
  }

  /** The object without server fields: what a client may patch. */
  static ObjectNode userView(ObjectNode stored) {
    ObjectNode view = stored.deepCopy();
    view.remove(SERVER_FIELDS);
    return view;
  }

  /** A flow that uses base connection {@code baseId} through its source or target connections. */
  Optional<String> flowUsingBase(Scope scope, String baseId) {
    for (Map.Entry<String, ObjectNode> flow : store.list(scope, ResourceKind.FLOW)) {
      if (uses(
              scope, flow.getValue(), "sourceConnectionIds", ResourceKind.SOURCE_CONNECTION, baseId)
          || uses(
              scope,
              flow.getValue(),
              "targetConnectionIds",
              ResourceKind.TARGET_CONNECTION,
              baseId)) {
        return Optional.of(flow.getKey());
      }
    }
    return Optional.empty();
  }

  private boolean uses(
      Scope scope, ObjectNode flow, String field, ResourceKind kind, String baseId) {
    for (JsonNode id : flow.path(field)) {
      Optional<ObjectNode> conn = store.get(scope, kind, id.asText());
      if (conn.isPresent() && conn.get().path("baseConnectionId").asText("").equals(baseId)) {
        return true;
      }
    }
    return false;
  }

  /**
   * AEP's etag shape: a quoted, UUID-like value, e.g. {@code
   * "c4004435-0000-0200-0000-5e7437d90000"}.
   */
  String newEtag() {
    byte[] b = new byte[4];
    random.nextBytes(b);
    String time = String.format("%012x", clock.millis() / 1000 * 0x10000L & 0xffffffffffffL);
    return "\"" + HexFormat.of().formatHex(b) + "-0000-0200-0000-" + time + "\"";
  }

  /** A stable sandbox id per org and sandbox, as AEP gives each sandbox one. */
  public static String sandboxId(Scope scope) {
    String key = scope.orgId() + "/" + scope.sandbox();
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
