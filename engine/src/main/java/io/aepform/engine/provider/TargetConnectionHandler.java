package io.aepform.engine.provider;

import java.time.Clock;
import java.util.Set;

/** Target connections in the Flow Service: which dataset the data lands in. */
public final class TargetConnectionHandler extends FlowServiceHandler {
  private static final SpecShape SHAPE =
      SpecShape.builder()
          .required("/name", JsonType.STRING)
          .optional("/description", JsonType.STRING)
          .optional("/baseConnectionId", JsonType.STRING)
          .required("/connectionSpec/id", JsonType.STRING)
          .required("/connectionSpec/version", JsonType.STRING)
          .required("/data/format", JsonType.STRING)
          .optional("/data/schema/id", JsonType.STRING)
          .optional("/data/schema/version", JsonType.STRING)
          .required("/params/dataSetId", JsonType.STRING)
          .build();

  public TargetConnectionHandler(Clock clock) {
    super(
        "targetConnection",
        "targetConnections",
        SHAPE,
        Set.of("/connectionSpec", "/baseConnectionId"),
        "/connectionSpec",
        Specs.CONNECTION_SPEC_ALIASES,
        clock);
  }
}
