package io.aepform.cli;

import io.aepform.cli.render.StateRenderer;
import io.aepform.engine.Engine;
import io.aepform.state.ResourceState;
import io.aepform.state.State;
import io.aepform.state.StateCodec;
import io.aepform.state.StateException;
import io.aepform.state.StateVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code aepform state ...}: inspect state; nothing remote changes. */
@Command(
    name = "state",
    description = "Inspect the state of an environment. Nothing remote changes.",
    subcommands = {
      StateCommand.ListCommand.class,
      StateCommand.ShowCommand.class,
      StateCommand.RemoveCommand.class,
      StateCommand.MoveCommand.class,
      StateCommand.PullCommand.class,
      StateCommand.PushCommand.class,
      StateCommand.HistoryCommand.class
    },
    synopsisSubcommandLabel = "COMMAND",
    footer = {
      "",
      "Examples:",
      "  aepform state list --env dev",
      "  aepform state show flow.ingest --env dev"
    })
final class StateCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Override
  public void run() {
    List<String> names = List.copyOf(spec.subcommands().keySet());
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "a subcommand is required: "
            + String.join(", ", names.subList(0, names.size() - 1))
            + " or "
            + names.get(names.size() - 1));
  }

  static State read(Cli cli, CommonOptions common) {
    return new Engine(cli.env())
        .state(common.request())
        .orElseThrow(
            () ->
                new StateException(
                    StateException.Code.NOT_FOUND,
                    "no state for environment '" + common.env + "' yet: nothing has been applied"));
  }

  /** {@code state list}: the addresses in state. */
  @Command(name = "list", description = "List the resources in state, one address per line.")
  static final class ListCommand implements Callable<Integer> {
    private final Cli cli;

    @Mixin CommonOptions common;

    ListCommand(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      for (ResourceState r :
          new Engine(cli.env()).state(common.request()).map(State::resources).orElse(List.of())) {
        cli.out().println(r.address());
      }
      return 0;
    }
  }

  /** {@code state show ADDR}: one resource as state records it, secrets masked. */
  @Command(name = "show", description = "Show one resource as state records it (secrets masked).")
  static final class ShowCommand implements Callable<Integer> {
    private final Cli cli;

    @Mixin CommonOptions common;

    @Parameters(paramLabel = "ADDR", description = "The resource, e.g. flow.ingest.")
    String address;

    @CommandLine.Option(
        names = "--serial",
        paramLabel = "N",
        description =
            "Show it as it was in version N of the state (shared backends keep every version;"
                + " the local backend the current one and its .backup).")
    Long serial;

    ShowCommand(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      State state =
          serial == null
              ? read(cli, common)
              : new Engine(cli.env())
                  .stateAt(common.request(), serial)
                  .orElseThrow(
                      () ->
                          new StateException(
                              StateException.Code.NOT_FOUND,
                              "no state with serial " + serial + ": see aepform state history"));
      ResourceState r =
          state
              .find(address)
              .orElseThrow(
                  () ->
                      new StateException(
                          StateException.Code.NOT_FOUND,
                          address + " is not in state: see aepform state list"));
      cli.out().print(StateRenderer.show(r));
      return 0;
    }
  }

  /** {@code state rm ADDR}: forget a resource; the remote object stays. */
  @Command(
      name = "rm",
      description = "Forget a resource: aepform stops managing it; the remote object stays.")
  static final class RemoveCommand implements Callable<Integer> {
    private final Cli cli;

    @Mixin CommonOptions common;
    @Mixin LockOptions lock;

    @Parameters(paramLabel = "ADDR", description = "The resource, e.g. flow.ingest.")
    String address;

    RemoveCommand(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      new Engine(cli.env()).stateRemove(common.request(), address, lock.timeout());
      cli.out().println("Removed " + address + " from state; the remote object was not changed.");
      return 0;
    }
  }

  /** {@code state mv FROM TO}: rename a resource in state. */
  @Command(
      name = "mv",
      description = "Rename a resource in state (e.g. after renaming it in the manifests).")
  static final class MoveCommand implements Callable<Integer> {
    private final Cli cli;

    @Mixin CommonOptions common;
    @Mixin LockOptions lock;

    @Parameters(index = "0", paramLabel = "FROM", description = "The address in state.")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "The new address.")
    String to;

    MoveCommand(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      for (String warning :
          new Engine(cli.env()).stateMove(common.request(), from, to, lock.timeout())) {
        cli.err().println("Warning: " + warning);
      }
      cli.out().println("Moved " + from + " to " + to + ".");
      return 0;
    }
  }

  /** {@code state pull}: the current state as JSON on stdout. */
  @Command(
      name = "pull",
      description = "Print the current state as JSON (e.g. to back it up or move it).")
  static final class PullCommand implements Callable<Integer> {
    private final Cli cli;

    @Mixin CommonOptions common;

    PullCommand(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      byte[] json = StateCodec.write(read(cli, common));
      cli.out().write(json, 0, json.length);
      cli.out().flush();
      return 0;
    }
  }

  /** {@code state push FILE}: store a state file as the environment's state. */
  @Command(
      name = "push",
      description =
          "Store a state file as the environment's state (e.g. to move from the local file to PostgreSQL).",
      footer = {
        "",
        "Example:",
        "  aepform state pull --env dev > dev.json   # with the local backend",
        "  aepform state push dev.json --env dev      # after switching environments/dev.yaml to postgres"
      })
  static final class PushCommand implements Callable<Integer> {
    private final Cli cli;

    @Mixin CommonOptions common;
    @Mixin LockOptions lock;

    @Parameters(paramLabel = "FILE", description = "A state file, as written by state pull.")
    Path file;

    @CommandLine.Option(
        names = "--force",
        description = "Push even another lineage or an older serial.")
    boolean force;

    PushCommand(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      State stored = new Engine(cli.env()).statePush(common.request(), file, force, lock.timeout());
      cli.out()
          .println(
              "Pushed "
                  + file
                  + " (serial "
                  + stored.serial()
                  + ", "
                  + stored.resources().size()
                  + " resources).");
      return 0;
    }
  }

  /** {@code state history}: the versions a shared backend keeps. */
  @Command(
      name = "history",
      description =
          "List the versions of the state, newest first: every version with a shared backend"
              + " (PostgreSQL); the current state and its .backup with the local backend.")
  static final class HistoryCommand implements Callable<Integer> {
    private final Cli cli;

    @Mixin CommonOptions common;

    HistoryCommand(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      var versions = new Engine(cli.env()).stateHistory(common.request());
      int written = width("WRITTEN", versions.stream().map(v -> v.written().toString()));
      int by = width("BY", versions.stream().map(StateVersion::writtenBy));
      String columns = "%-7s %-" + written + "s %-" + by + "s %-36s%s%n";
      cli.out().printf(columns, "SERIAL", "WRITTEN", "BY", "LINEAGE", "");
      for (StateVersion v : versions) {
        cli.out()
            .printf(
                columns,
                v.serial(),
                v.written(),
                v.writtenBy(),
                v.lineage(),
                v.current() ? "  (current)" : "");
      }
      return 0;
    }

    private static int width(String header, Stream<String> values) {
      return Math.max(header.length(), values.mapToInt(String::length).max().orElse(0));
    }
  }
}
