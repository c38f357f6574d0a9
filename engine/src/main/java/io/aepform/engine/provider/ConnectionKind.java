package io.aepform.engine.provider;

import io.aepform.engine.kind.Field;
import io.aepform.engine.kind.Fields;
import io.aepform.engine.kind.Identity;
import io.aepform.engine.kind.Remote;
import io.aepform.engine.kind.SpecProblem;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.value.Spelling;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Base connections in the Flow Service ({@code POST /connections}): a cloud-storage connection with
 * {@code auth}, or the dataset base connection (data lake spec), which takes only a name and its
 * spec (sources/tutorials/api/create-dataset-base-connection.md).
 */
final class ConnectionKind extends FlowServiceKind {
  /** The {@code kind:} word: the only place it is written. */
  static final String KIND = "connection";

  private static final Fields FIELDS =
      Fields.of(
          Field.string("/name").required(),
          Field.string("/description"),
          Field.object("/auth"),
          Field.string("/auth/specName"),
          // connector parameters differ per source; which are secret is decided per spec below
          Field.object("/auth/params").open(),
          Field.object("/connectionSpec").required().replaces(),
          Field.string("/connectionSpec/id").required().aliases(Specs.CONNECTION_SPEC_ALIASES),
          Field.string("/connectionSpec/version").required().defaultsTo("1.0"));

  ConnectionKind(Clock clock) {
    super(KIND, "connections", FIELDS, Identity.name("name"), "/connectionSpec", clock);
  }

  @Override
  public Value normalize(Value spec) {
    return markSecrets(super.normalize(spec));
  }

  /**
   * Secrets are decided per declared parameter of the connection spec (identifiers such as an
   * access key id are compared by value), never by what the platform's answer looks like.
   */
  private static Value markSecrets(Value spec) {
    if (!(Values.at(spec, "/auth/params").orElse(null) instanceof Value.Obj params)) {
      return spec;
    }
    String specId =
        Values.at(spec, "/connectionSpec/id").orElse(null) instanceof Value.Str s ? s.value() : "";
    Map<String, Value> marked = new LinkedHashMap<>();
    params
        .fields()
        .forEach(
            (k, v) -> marked.put(k, Specs.isSecretParam(specId, k) ? new Value.Sensitive(v) : v));
    return Values.with(spec, "/auth/params", new Value.Obj(marked));
  }

  @Override
  public List<SpecProblem> check(Value spec) {
    List<SpecProblem> problems = new ArrayList<>(super.check(spec));
    Value specId = Values.at(spec, "/connectionSpec/id").orElse(Value.Null.INSTANCE);
    boolean dataLake = specId instanceof Value.Str s && s.value().equals(Specs.DATA_LAKE);
    if (Values.isKnown(specId) && !dataLake) {
      if (Values.at(spec, "/auth/specName").isEmpty()) {
        problems.add(
            new SpecProblem(
                "/auth",
                "missing required field spec.auth.specName (e.g. \"Access Key\" for amazon-s3)"));
      }
      if (Values.at(spec, "/auth/params").isEmpty()) {
        problems.add(new SpecProblem("/auth", "missing required field spec.auth.params"));
      }
    }
    if (dataLake && Values.at(spec, "/auth").isPresent()) {
      problems.add(
          new SpecProblem("/auth", "the dataset base connection (data-lake) takes no auth"));
    }
    if (specId instanceof Value.Str s
        && Values.at(spec, "/auth/specName").orElse(null) instanceof Value.Str name) {
      Set<String> known = Specs.authSpecNames(s.value());
      if (!known.isEmpty() && !known.contains(name.value())) {
        problems.add(
            new SpecProblem(
                "/auth/specName",
                "spec.auth.specName is not an authentication of this connection spec: "
                    + Spelling.unknown(name.value(), known)));
      }
    }
    return problems;
  }

  /**
   * Credentials are replaced as a whole: Adobe documents {@code replace /auth/params} with the
   * complete object (sources/tutorials/api/update.md), never leaf paths.
   */
  @Override
  public Remote update(
      PlatformClient client, Remote current, Value before, Value after, List<String> changed) {
    return super.update(client, current, before, after, patchedPaths(changed));
  }

  /** The paths a PATCH sends for the changed ones: any parameter change is the whole params. */
  static List<String> patchedPaths(List<String> changed) {
    Set<String> paths = new LinkedHashSet<>();
    for (String p : changed) {
      paths.add(p.startsWith("/auth/params/") ? "/auth/params" : p);
    }
    return List.copyOf(paths);
  }
}
