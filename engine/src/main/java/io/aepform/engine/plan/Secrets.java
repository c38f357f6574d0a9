package io.aepform.engine.plan;

import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.state.SecretDigests;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets in their stored form: a salted PBKDF2 digest in place of the value, still marked
 * sensitive, so that a desired spec compares with a recorded one and a changed secret shows as an
 * update without the secret ever being stored.
 */
public final class Secrets {
  // PBKDF2 is slow on purpose; one run digests the same secret for plan, state and checks.
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private Secrets() {}

  /** {@code spec} with every sensitive value replaced by its digest under {@code salt}. */
  public static Value digested(Value spec, String salt) {
    if (spec instanceof Value.Sensitive s) {
      Value inner = Values.unmark(s.value());
      if (!Values.isKnown(inner) || isDigest(inner)) {
        return spec;
      }
      return new Value.Sensitive(new Value.Str(digest(text(inner), salt)));
    } else if (spec instanceof Value.Arr a) {
      return new Value.Arr(a.items().stream().map(v -> digested(v, salt)).toList());
    } else if (spec instanceof Value.Obj o) {
      return new Value.Obj(Values.mapValues(o.fields(), v -> digested(v, salt)));
    }
    return spec;
  }

  /** A spec read from state: digests marked sensitive again. */
  public static Value marked(Value stored) {
    if (isDigest(stored)) {
      return new Value.Sensitive(stored);
    } else if (stored instanceof Value.Arr a) {
      return new Value.Arr(a.items().stream().map(Secrets::marked).toList());
    } else if (stored instanceof Value.Obj o) {
      return new Value.Obj(Values.mapValues(o.fields(), Secrets::marked));
    }
    return stored;
  }

  /** The JSON of a digested spec, for state: digests as plain strings. */
  public static com.fasterxml.jackson.databind.JsonNode toStoredJson(Value digested) {
    return Values.toJson(digested, s -> Values.toJsonRevealed(s.value()));
  }

  private static boolean isDigest(Value v) {
    return v instanceof Value.Str s && SecretDigests.isDigest(s.value());
  }

  private static String text(Value v) {
    return v instanceof Value.Str s ? s.value() : Values.toJsonRevealed(v).toString();
  }

  private static String digest(String secret, String salt) {
    return CACHE.computeIfAbsent(salt + "\u0000" + secret, k -> SecretDigests.digest(secret, salt));
  }
}
