package io.aepform.engine.manifest;

import io.aepform.engine.kind.Kind;
import io.aepform.engine.value.Reference;
import io.aepform.engine.value.Values;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The variables whose values reach a secret field (a connection's secret auth parameter, as the
 * kind marks it): sensitive everywhere, as if declared {@code sensitive}, whatever their
 * declaration says, so that no output, plan text or plan file shows them in clear.
 */
public final class SecretInputs {
  private SecretInputs() {}

  public static Set<String> of(Configuration config, Map<String, Kind> kinds) {
    Set<String> out = new TreeSet<>();
    for (ResourceDecl r : config.resources()) {
      Kind kind = kinds.get(r.kind());
      if (kind == null) {
        continue;
      }
      for (String pointer : Values.sensitivePointers(kind.normalize(r.spec()), "")) {
        Values.at(r.spec(), pointer)
            .ifPresent(
                v ->
                    ReferenceScanner.references(v).stream()
                        .map(ReferenceScanner.Found::reference)
                        .filter(ref -> ref.scope() == Reference.Scope.VAR)
                        .forEach(ref -> out.add(ref.name())));
      }
    }
    return out;
  }
}
