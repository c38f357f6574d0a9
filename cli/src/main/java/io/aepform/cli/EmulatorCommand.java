package io.aepform.cli;

import io.aepform.emulator.ClientCredentials;
import io.aepform.emulator.Emulator;
import io.aepform.emulator.EmulatorFlags;
import io.aepform.emulator.EmulatorOptions;
import io.aepform.error.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code aepform emulator}: serve the local platform for curl, Postman or other tools. */
@Command(
    name = "emulator",
    description = "Serve the local platform (an emulator of AEP's APIs) on 127.0.0.1 until Ctrl-C.",
    footer = {
      "",
      "Examples:",
      "  aepform emulator --port 8080",
      "  aepform emulator --port 8080 --data .aepform/emulator --latency-ms 50 --failure-rate 0.2"
    })
final class EmulatorCommand implements Callable<Integer> {
  private final Cli cli;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port on 127.0.0.1 (default: any free port).")
  int port;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Keep objects under DIR across restarts (default: in memory).")
  Path data;

  @Mixin GlobalOptions global;

  @Unmatched List<String> faults = new ArrayList<>();

  EmulatorCommand(Cli cli) {
    this.cli = cli;
  }

  /** The fault options come from the emulator's own parser, so their help does too. */
  static void describeFaults(CommandLine command) {
    var usage = command.getSubcommands().get("emulator").getCommandSpec().usageMessage();
    List<String> footer = new ArrayList<>(List.of("", "Fault options (for testing clients):"));
    EmulatorFlags.HELP
        .lines()
        .filter(l -> !l.startsWith("--port") && !l.startsWith("--data-dir"))
        .map(l -> "  " + l)
        .forEach(footer::add);
    footer.addAll(List.of(usage.footer()));
    usage.footer(footer.toArray(String[]::new));
  }

  @Override
  public Integer call() throws InterruptedException {
    List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port)));
    if (data != null) {
      args.addAll(List.of("--data-dir", data.toString()));
    }
    args.addAll(faults);
    EmulatorOptions options;
    try {
      options = EmulatorFlags.parse(args.toArray(String[]::new));
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          UsageException.Code.INVALID_ARGUMENTS,
          e.getMessage().lines().findFirst().orElse("") + " (see aepform emulator --help)");
    }
    CountDownLatch stop = new CountDownLatch(1);
    try (Emulator emulator = Emulator.start(options)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "aepform-emulator-stop"));
      banner(emulator, options);
      stop.await();
    }
    return 0;
  }

  private void banner(Emulator emulator, EmulatorOptions options) {
    ClientCredentials c = EmulatorOptions.LOCAL_CLIENT;
    String url = emulator.baseUrl();
    cli.out()
        .println(
            "aepform emulator listening on "
                + url
                + " ("
                + options.dataDir().map(d -> "data in " + d).orElse("in memory")
                + ")");
    cli.out().println();
    cli.out().println("Point aepform at it (in environments/<env>.yaml: platform: " + url + "):");
    cli.out().println("  export AEP_PLATFORM_URL=" + url + " AEP_IMS_URL=" + url);
    cli.out()
        .println(
            "  export AEP_CLIENT_ID="
                + c.clientId()
                + " AEP_CLIENT_SECRET="
                + c.clientSecret()
                + " AEP_ORG_ID="
                + c.orgId());
    cli.out().println();
    cli.out()
        .println(
            "Or get a token for curl (send it with x-api-key: "
                + c.clientId()
                + ", x-gw-ims-org-id: "
                + c.orgId()
                + ", x-sandbox-name):");
    cli.out()
        .println(
            "  curl -s -X POST "
                + url
                + "/ims/token/v3 -d grant_type=client_credentials -d client_id="
                + c.clientId()
                + " -d client_secret="
                + c.clientSecret()
                + " -d scope=openid");
    cli.out().println();
    cli.out().println("Press Ctrl-C to stop.");
    cli.out().flush();
  }
}
