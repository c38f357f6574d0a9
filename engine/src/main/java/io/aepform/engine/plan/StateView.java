package io.aepform.engine.plan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.PlatformFacts;
import io.aepform.engine.manifest.Resolver;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.state.ResourceState;
import io.aepform.state.ResourceStatus;
import io.aepform.state.State;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The engine's view of a state: recorded resources as values, addressed. */
public final class StateView {
  private StateView() {}

  /** Every created (or tainted) resource of the state; pending creates are resolved before. */
  public static Map<Address, Recorded> recorded(State state) {
    Map<Address, Recorded> out = new LinkedHashMap<>();
    for (ResourceState r : state.resources()) {
      if (r.status() == ResourceStatus.PENDING_CREATE) {
        continue;
      }
      Recorded recorded = recorded(r);
      out.put(recorded.address(), recorded);
    }
    return out;
  }

  /** One created (or tainted) resource as the engine sees it. */
  public static Recorded recorded(ResourceState r) {
    Address address = Address.parse(r.address()).orElseThrow();
    Map<String, Value> attributes = new LinkedHashMap<>();
    if (!r.etag().isEmpty()) {
      attributes.put("etag", new Value.Str(r.etag()));
    }
    r.attributes()
        .fields()
        .forEachRemaining(e -> attributes.put(e.getKey(), Values.fromJson(e.getValue())));
    return new Recorded(
        address,
        Secrets.marked(Values.fromJson(r.spec())),
        attributes,
        r.dependencies().stream().map(d -> Address.parse(d).orElseThrow()).toList(),
        r.status() == ResourceStatus.TAINTED);
  }

  /** The ids recorded in state, for expressions that read them. */
  /**
   * What state shows of the platform without asking it: the tenant in recorded XDM ids, for {@code
   * ${platform.tenantId}} offline (plan without refresh, {@code output}).
   */
  public static PlatformFacts platformFacts(
      Map<Address, Recorded> recorded, Map<String, Kind> kinds) {
    for (Recorded r : recorded.values()) {
      Kind kind = kinds.get(r.address().kind());
      if (kind != null && r.attributes().get("id") instanceof Value.Str id) {
        Optional<String> tenant = kind.tenantIn(id.value());
        if (tenant.isPresent()) {
          return new PlatformFacts(tenant);
        }
      }
    }
    return PlatformFacts.unknown();
  }

  public static Resolver.KnownIds knownIds(Map<Address, Recorded> recorded) {
    return (address, attribute) ->
        Optional.ofNullable(recorded.get(address)).map(r -> r.attributes().get(attribute));
  }

  /** A JSON object of attributes, for state. */
  public static ObjectNode attributesJson(Map<String, Value> attributes) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    attributes.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> node.set(e.getKey(), Values.toJsonRedacted(e.getValue())));
    return node;
  }
}
