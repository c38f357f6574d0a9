package io.aepform.engine.manifest;

import io.aepform.engine.provider.http.Endpoints;
import io.aepform.engine.value.Value;
import io.aepform.error.AepformException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads {@code environments/<env>.yaml}. */
public final class EnvironmentLoader {
  private static final Pattern ENV_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");
  private static final Pattern SANDBOX = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Set<String> KEYS = Set.of("sandbox", "platform", "variables", "state");
  private static final Set<String> BACKENDS = Set.of("local", "postgres");
  private static final Set<String> POSTGRES_KEYS = Set.of("backend", "url", "schema", "user");

  private EnvironmentLoader() {}

  /** The environment of that name; {@code default} may have no file, others must. */
  public static EnvironmentConfig load(Path dir, String name) {
    if (!ENV_NAME.matcher(name).matches()) {
      throw new ManifestException(
          Position.of("--env"),
          "invalid environment name '" + name + "': use lowercase letters, digits, - and _");
    }
    Path file = dir.resolve("environments").resolve(name + ".yaml").normalize();
    if (!Files.exists(file)) {
      if (name.equals("default")) {
        return EnvironmentConfig.implicit(name);
      }
      throw new ManifestException(
          Position.of(file.toString()),
          "environment '" + name + "' not found: create " + file + " or pass another --env");
    }
    List<YamlDocument> docs = YamlReader.read(file, file.toString());
    if (docs.size() != 1 || !(docs.get(0).root() instanceof Value.Obj root)) {
      throw new ManifestException(
          Position.of(file.toString()), "an environment file holds one mapping");
    }
    return parse(name, docs.get(0), root);
  }

  private static EnvironmentConfig parse(String name, YamlDocument doc, Value.Obj root) {
    for (String key : root.fields().keySet()) {
      if (!KEYS.contains(key)) {
        throw new ManifestException(
            doc.keyAt("/" + key),
            "unknown key '" + key + "': expected one of " + new TreeSet<>(KEYS));
      }
    }
    Value vars = root.fields().getOrDefault("variables", Value.Obj.empty());
    if (!(vars instanceof Value.Obj varMap)) {
      throw new ManifestException(
          doc.valueAt("/variables"), "variables must be a mapping of name: value");
    }
    String sandbox = text(doc, root, "sandbox");
    if (!sandbox.isEmpty() && !SANDBOX.matcher(sandbox).matches()) {
      throw new ManifestException(
          doc.valueAt("/sandbox"),
          "invalid sandbox name '"
              + sandbox
              + "': AEP sandbox names are lowercase letters, digits and -");
    }
    String platform = text(doc, root, "platform");
    checkPlatform(platform, doc);
    return new EnvironmentConfig(
        name,
        sandbox,
        platform,
        varMap.fields(),
        backend(doc, root),
        stateSettings(doc, root),
        doc.start(),
        positions(doc, varMap));
  }

  private static Map<String, Position> positions(YamlDocument doc, Value.Obj vars) {
    Map<String, Position> out = new HashMap<>();
    vars.fields().keySet().forEach(k -> out.put(k, doc.valueAt("/variables/" + k)));
    return out;
  }

  /** {@code local}, an https:// URL, or http:// on a loopback host (the token travels with it). */
  private static void checkPlatform(String platform, YamlDocument doc) {
    if (platform.isEmpty() || platform.equals("local")) {
      return;
    }
    try {
      Endpoints.requireSecure(new URI(platform), "platform");
    } catch (URISyntaxException | AepformException e) {
      throw new ManifestException(
          doc.valueAt("/platform"),
          "platform '"
              + platform
              + "' must be local, an https:// URL, or http:// on a loopback host (localhost,"
              + " 127.0.0.1, ::1)");
    }
  }

  private static String text(YamlDocument doc, Value.Obj root, String key) {
    Value v = root.fields().get(key);
    if (v == null) {
      return "";
    }
    if (v instanceof Value.Str s) {
      return s.value();
    }
    throw new ManifestException(doc.valueAt("/" + key), key + " must be a plain string");
  }

  /**
   * The settings of a shared backend: {@code url}, {@code schema}, {@code user}. The password is
   * never read from a file: it comes from AEPFORM_PG_PASSWORD.
   */
  private static Map<String, String> stateSettings(YamlDocument doc, Value.Obj root) {
    if (!(root.fields().get("state") instanceof Value.Obj state)) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    boolean postgres =
        state.fields().get("backend") instanceof Value.Str b && b.value().equals("postgres");
    for (var e : state.fields().entrySet()) {
      if (!postgres ? !e.getKey().equals("backend") : !POSTGRES_KEYS.contains(e.getKey())) {
        throw new ManifestException(
            doc.keyAt("/state/" + e.getKey()),
            "unknown key 'state."
                + e.getKey()
                + "'"
                + (postgres
                    ? ": expected one of "
                        + new TreeSet<>(POSTGRES_KEYS)
                        + " (the password comes from AEPFORM_PG_PASSWORD)"
                    : ": the local backend takes only 'backend'"));
      }
      if (!(e.getValue() instanceof Value.Str v)) {
        throw new ManifestException(
            doc.valueAt("/state/" + e.getKey()), "state." + e.getKey() + " must be a plain string");
      }
      out.put(e.getKey(), v.value());
    }
    if (postgres && !out.containsKey("url")) {
      throw new ManifestException(
          doc.valueAt("/state"),
          "state.url is required for backend postgres, e.g. jdbc:postgresql://db.example.com/aepform");
    }
    return out;
  }

  private static String backend(YamlDocument doc, Value.Obj root) {
    Value state = root.fields().get("state");
    if (state == null) {
      return "local";
    }
    Value backend = state instanceof Value.Obj o ? o.fields().get("backend") : null;
    if (!(backend instanceof Value.Str s) || !BACKENDS.contains(s.value())) {
      throw new ManifestException(
          doc.valueAt(backend == null ? "/state" : "/state/backend"),
          "state.backend must be one of " + new TreeSet<>(BACKENDS));
    }
    return s.value();
  }
}
