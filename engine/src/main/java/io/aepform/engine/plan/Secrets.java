package io.aepform.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.aepform.engine.manifest.Resolver;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import io.aepform.state.SecretDigests;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /**
   * What state holds for a secret of an imported object: AEP never returns secrets, so it is not
   * known until an apply sends it. Plans show no change for it.
   */
  public static final String UNVERIFIED = "unverified";

  /** {@code applied} with every secret of {@code declared} recorded as {@link #UNVERIFIED}. */
  public static Value unverified(Value applied, Value declared) {
    Value out = applied;
    for (String pointer : sensitivePointers(declared, "")) {
      out = Values.with(out, pointer, new Value.Sensitive(new Value.Str(UNVERIFIED)));
    }
    return out;
  }

  /** The pointers of the sensitive values in {@code v}. */
  public static List<String> sensitivePointers(Value v, String at) {
    return Values.sensitivePointers(v, at);
  }

  /** The clear text of every known secret in {@code v}, e.g. to scrub it from traces. */
  public static List<String> clearValues(Value v) {
    List<String> out = new ArrayList<>();
    if (v instanceof Value.Sensitive s) {
      Value inner = Values.unmark(s.value());
      if (Values.isKnown(inner) && !isDigest(inner)) {
        out.add(text(inner));
      }
    } else if (v instanceof Value.Obj o) {
      o.fields().values().forEach(x -> out.addAll(clearValues(x)));
    } else if (v instanceof Value.Arr a) {
      a.items().forEach(x -> out.addAll(clearValues(x)));
    }
    return out;
  }

  /**
   * The clear text of every secret the configuration holds (variables and secret parameters), known
   * before any call: registered with the redactor as a session opens, so that neither the -v trace
   * nor --record-traffic ever shows one.
   */
  public static List<String> configured(Resolver.Resolved resolved) {
    return resolved.resources().stream().flatMap(d -> clearValues(d.spec()).stream()).toList();
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
  public static JsonNode toStoredJson(Value digested) {
    return Values.toJson(digested, s -> Values.toJsonRevealed(s.value()));
  }

  private static boolean isDigest(Value v) {
    return v instanceof Value.Str s
        && (SecretDigests.isDigest(s.value()) || s.value().equals(UNVERIFIED));
  }

  private static String text(Value v) {
    return v instanceof Value.Str s ? s.value() : Values.toJsonRevealed(v).toString();
  }

  /**
   * Starts digesting {@code secrets} under {@code salt} on a background thread, so the digests an
   * apply stores with its first results are ready, or under way, by then (PBKDF2 takes a good part
   * of a second on a cold JVM). A result still being computed is waited for, never computed twice.
   */
  public static void digestAhead(Collection<String> secrets, String salt) {
    Set<String> distinct = new LinkedHashSet<>(secrets);
    distinct.removeIf(secret -> CACHE.containsKey(salt + "\u0000" + secret));
    if (distinct.isEmpty()) {
      return;
    }
    Thread thread = new Thread(() -> distinct.forEach(s -> digest(s, salt)), "aepform-digest");
    thread.setDaemon(true);
    thread.start();
  }

  private static String digest(String secret, String salt) {
    return CACHE.computeIfAbsent(salt + "\u0000" + secret, k -> SecretDigests.digest(secret, salt));
  }
}
