package io.aepform.engine.provider;

import java.time.Clock;
import java.util.Set;

/** Source connections in the Flow Service: what to read, from which base connection. */
public final class SourceConnectionHandler extends FlowServiceHandler {
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

  public SourceConnectionHandler(Clock clock) {
    super(
        "sourceConnection",
        "sourceConnections",
        SHAPE,
        Set.of("/connectionSpec", "/baseConnectionId"),
        "/connectionSpec",
        Specs.CONNECTION_SPEC_ALIASES,
        clock);
  }
}
