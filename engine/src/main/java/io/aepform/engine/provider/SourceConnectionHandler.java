package io.aepform.engine.provider;

import io.aepform.engine.manifest.ResourceKind;
import io.aepform.engine.value.Value;
import java.util.List;
import java.util.Set;

/** Source connections in the Flow Service: what to read, from which base connection. */
public final class SourceConnectionHandler implements ResourceKind {
  private static final SpecShape SHAPE =
      SpecShape.builder()
          .required("/name", JsonType.STRING)
          .optional("/description", JsonType.STRING)
          .required("/baseConnectionId", JsonType.STRING)
          .required("/connectionSpec/id", JsonType.STRING)
          .required("/connectionSpec/version", JsonType.STRING)
          .required("/data/format", JsonType.STRING)
          .optional("/data/schema/id", JsonType.STRING)
          .optional("/data/schema/version", JsonType.STRING)
          .optional("/params", JsonType.OBJECT)
          .optional("/params/path", JsonType.STRING)
          .build();

  @Override
  public String kind() {
    return "sourceConnection";
  }

  @Override
  public String nameField() {
    return "name";
  }

  @Override
  public Set<String> attributes() {
    return Set.of("id", "name");
  }

  @Override
  public Value prepare(String logicalName, Value spec) {
    Value out = SpecDefaults.name(spec, "name", logicalName);
    return SpecDefaults.specRef(out, "/connectionSpec", Specs.CONNECTION_SPEC_ALIASES);
  }

  @Override
  public Value normalize(Value spec) {
    return SHAPE.normalize(spec);
  }

  @Override
  public List<SpecProblem> check(Value spec) {
    return SHAPE.check(spec);
  }
}
