package io.aepform.engine.provider;

import io.aepform.engine.manifest.ResourceKind;
import io.aepform.engine.value.Value;
import java.util.List;
import java.util.Set;

/** Datasets in Catalog: {@code POST /catalog/dataSets?requestDataSource=true}. */
public final class DatasetHandler implements ResourceKind {
  private static final SpecShape SHAPE =
      SpecShape.builder()
          .required("/name", JsonType.STRING)
          .optional("/description", JsonType.STRING)
          .required("/schemaRef/id", JsonType.STRING)
          .required("/schemaRef/contentType", JsonType.STRING)
          .optional("/fileDescription", JsonType.OBJECT)
          .optional("/fileDescription/format", JsonType.STRING)
          .optional("/tags", JsonType.OBJECT)
          .build();

  @Override
  public String kind() {
    return "dataset";
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
    return SpecDefaults.name(spec, "name", logicalName);
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
