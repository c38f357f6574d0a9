package io.aepform.cli;

import io.aepform.engine.Engine;
import io.aepform.state.ResourceState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code aepform import ADDR REMOTE_ID}: adopt an existing object for a declared resource. */
@Command(
    name = "import",
    description =
        "Adopt an object that already exists in the sandbox as a resource declared in the manifests.",
    footer = {
      "",
      "Secrets of an imported object are 'unverified' (AEP never returns them): plans show no change",
      "for them, and the next apply that sends them records their digest.",
      "",
      "Examples:",
      "  aepform import flow.ingest 89ff50ef-b082-426e-bf50-efb082d26e78 --env dev",
      "  aepform import schema.demo_profile https://ns.adobe.com/acme/schemas/e15530fa --env dev"
    })
final class ImportCommand implements Callable<Integer> {
  private final Cli cli;

  @Mixin CommonOptions common;
  @Mixin CommonOptions.VarOptions vars;
  @Mixin LockOptions lock;

  @Parameters(
      index = "0",
      paramLabel = "ADDR",
      description = "The declared resource, e.g. flow.ingest.")
  String address;

  @Parameters(
      index = "1",
      paramLabel = "REMOTE_ID",
      description = "The object's id in AEP ($id for schemas).")
  String remoteId;

  ImportCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    ResourceState r =
        new Engine(Settings.of(cli, common))
            .importResource(common.request(vars), address, remoteId, lock.timeout());
    cli.out().println(r.address() + ": Import complete [id=" + r.id() + "]");
    cli.out()
        .println(
            "\nThe object is now managed by aepform. Run aepform plan to see how it differs from the manifests.");
    return 0;
  }
}
