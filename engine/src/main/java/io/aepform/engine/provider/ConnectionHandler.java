package io.aepform.engine.provider;

import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Base connections in the Flow Service: a cloud-storage connection with {@code auth}, or the
 * dataset base connection (data lake spec), which takes only a name and its spec.
 */
public final class ConnectionHandler extends FlowServiceHandler {

  private static final SpecShape SHAPE =
      SpecShape.builder()
          .required("/name", JsonType.STRING)
          .optional("/description", JsonType.STRING)
          .required("/connectionSpec/id", JsonType.STRING)
          .required("/connectionSpec/version", JsonType.STRING)
          .optional("/auth", JsonType.OBJECT)
          .optional("/auth/specName", JsonType.STRING)
          .optional("/auth/params", JsonType.OBJECT)
          .build();

  public ConnectionHandler(Clock clock) {
    super(
        "connection",
        "connections",
        SHAPE,
        Set.of("/connectionSpec"),
        "/connectionSpec",
        Specs.CONNECTION_SPEC_ALIASES,
        clock);
  }

  @Override
  public Value normalize(Value spec) {
    return markSecrets(super.normalize(spec));
  }

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
    return problems;
  }
}
