package io.aepform.engine.plan;

import io.aepform.engine.kind.Field;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.manifest.ReferenceScanner;
import io.aepform.engine.manifest.ResourceDecl;
import io.aepform.engine.value.Reference;
import io.aepform.engine.workspace.Workspace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Objects a kind declares to be replaced together ({@link Field#replacedTogether}): when one is
 * replaced, the others it references in such fields must be too. A dataflow runs with the
 * connections it was created with: Adobe's update-dataflows page says a changed source or target
 * connection is not reflected in its dataflow, and to create a new pair and a new dataflow.
 */
final class ReplaceGroups {
  private ReplaceGroups() {}

  /**
   * The recorded objects a plan keeps or updates although something replaced in it is replaced
   * together with them, each with the reason; {@code forced} are already replaced.
   */
  static Map<Address, String> joining(
      Plan plan, Workspace ws, Map<String, Kind> kinds, Map<Address, String> forced) {
    Map<Address, ResourceChange> byAddress = new LinkedHashMap<>();
    plan.changes().forEach(c -> byAddress.put(c.address(), c));
    Map<Address, String> out = new LinkedHashMap<>();
    for (ResourceChange c : plan.changes()) {
      if (c.action() != Action.REPLACE) {
        continue;
      }
      Optional<ResourceDecl> decl = ws.config().resource(c.address());
      if (decl.isEmpty()) {
        continue;
      }
      Kind kind = kinds.get(c.kind());
      for (ReferenceScanner.Found f : ReferenceScanner.references(decl.get().spec())) {
        boolean together =
            kind.fields().find(f.pointer()).map(Field::isReplacedTogether).orElse(false);
        Reference r = f.reference();
        if (!together || r.scope() != Reference.Scope.RESOURCE) {
          continue;
        }
        Address other = new Address(r.kind(), r.name());
        ResourceChange theirs = byAddress.get(other);
        boolean kept =
            theirs != null && (theirs.action() == Action.UPDATE || theirs.action() == Action.NO_OP);
        if (kept && !forced.containsKey(other)) {
          out.putIfAbsent(
              other,
              "replaced together with "
                  + c.address()
                  + ", which is replaced: a change to one is not reflected in the other");
        }
      }
    }
    return out;
  }
}
