package io.aepform.engine.provider;

import io.aepform.engine.kind.Field;
import io.aepform.engine.kind.Fields;
import io.aepform.engine.kind.Identity;
import io.aepform.engine.kind.SpecProblem;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Source connections in the Flow Service ({@code POST /sourceConnections}): what to read, from
 * which base connection. Only {@code name} and {@code description} change in place: Adobe's
 * update-dataflows page warns that a changed connection is not reflected in its dataflow ("create a
 * new pair of source and target connections, as well as a new dataflow"), so any other change
 * replaces it, and its flow with it. Found by its name and its base connection.
 */
final class SourceConnectionKind extends FlowServiceKind {
  /** The {@code kind:} word: the only place it is written. */
  static final String KIND = "sourceConnection";

  private static final Fields FIELDS =
      Fields.of(
          Field.string("/name").required(),
          Field.string("/description"),
          Field.string("/baseConnectionId").required().replaces().references(ConnectionKind.KIND),
          Field.object("/connectionSpec").required().replaces(),
          Field.string("/connectionSpec/id").required().aliases(Specs.CONNECTION_SPEC_ALIASES),
          Field.string("/connectionSpec/version").required().defaultsTo("1.0"),
          Field.object("/data").required().replaces(),
          Field.string("/data/format").required(),
          Field.object("/data/schema"),
          Field.string("/data/schema/id").references(SchemaKind.KIND),
          Field.string("/data/schema/version"),
          // format options such as columnDelimiter (sources/tutorials/api/collect/cloud-storage.md)
          Field.object("/data/properties").open(),
          // path, type, recursive, ... differ per connector
          Field.object("/params").open().replaces(),
          Field.string("/params/path"));

  SourceConnectionKind(Clock clock) {
    super(
        KIND,
        "sourceConnections",
        FIELDS,
        Identity.nameAndKey("name", "/baseConnectionId"),
        "/connectionSpec",
        clock);
  }

  /** A source connection reads through its base connection: both name the same connector. */
  @Override
  public List<SpecProblem> checkAgainst(Value spec, Function<String, Optional<Target>> referenced) {
    Optional<Value> mine = Values.at(spec, "/connectionSpec/id").filter(Values::isKnown);
    return referenced
        .apply("/baseConnectionId")
        .flatMap(
            base ->
                Values.at(base.spec(), "/connectionSpec/id")
                    .filter(Values::isKnown)
                    .filter(theirs -> mine.isPresent() && !theirs.equals(mine.get()))
                    .map(
                        theirs ->
                            new SpecProblem(
                                "/connectionSpec/id",
                                "spec.connectionSpec.id "
                                    + Values.toJsonRedacted(mine.get())
                                    + " is not the connection spec of its base connection "
                                    + base.address()
                                    + " ("
                                    + Values.toJsonRedacted(theirs)
                                    + "): a source connection reads through a base connection of the same connector")))
        .stream()
        .toList();
  }
}
