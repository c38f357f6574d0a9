package io.aepform.engine.provider;

import io.aepform.engine.kind.Field;
import io.aepform.engine.kind.Fields;
import io.aepform.engine.kind.Identity;
import java.time.Clock;

/**
 * Target connections in the Flow Service ({@code POST /targetConnections}): which dataset the data
 * lands in. As with source connections, only {@code name} and {@code description} change in place
 * (update-dataflows.md: a changed connection is not reflected in its dataflow). Many target
 * connections may write to one dataset: found by name and dataset together.
 */
final class TargetConnectionKind extends FlowServiceKind {
  /** The {@code kind:} word: the only place it is written. */
  static final String KIND = "targetConnection";

  private static final Fields FIELDS =
      Fields.of(
          Field.string("/name").required(),
          Field.string("/description"),
          Field.string("/baseConnectionId").replaces().references(ConnectionKind.KIND),
          Field.object("/connectionSpec").required().replaces(),
          Field.string("/connectionSpec/id").required().aliases(Specs.CONNECTION_SPEC_ALIASES),
          Field.string("/connectionSpec/version").required().defaultsTo("1.0"),
          Field.object("/data").required().replaces(),
          Field.string("/data/format").required(),
          Field.object("/data/schema"),
          Field.string("/data/schema/id").references(SchemaKind.KIND),
          Field.string("/data/schema/version"),
          Field.object("/data/properties").open(),
          Field.object("/params").required().open().replaces(),
          Field.string("/params/dataSetId").required().references(DatasetKind.KIND));

  TargetConnectionKind(Clock clock) {
    super(
        KIND,
        "targetConnections",
        FIELDS,
        Identity.nameAndKey("name", "/params/dataSetId"),
        "/connectionSpec",
        clock);
  }
}
