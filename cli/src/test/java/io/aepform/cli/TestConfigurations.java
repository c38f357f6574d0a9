package io.aepform.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** Configuration directories for tests. */
public final class TestConfigurations {
  private TestConfigurations() {}

  /** Copies a configuration directory (e.g. an example) into {@code to}, without its .aepform. */
  public static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.filter(p -> !p.toString().contains(".aepform")).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  /**
   * Writes {@code environments/it.yaml} into {@code dir}: the emulator at {@code baseUrl}, the S3
   * secret from {@code ${env.IT_S3_SECRET}} (see {@link #emulatorEnv}).
   */
  public static void writeEmulatorEnvironment(Path dir, String baseUrl, String sandbox)
      throws IOException {
    Files.createDirectories(dir.resolve("environments"));
    Files.writeString(
        dir.resolve("environments/it.yaml"),
        "sandbox: "
            + sandbox
            + "\nplatform: "
            + baseUrl
            + "\nvariables:\n"
            + "  s3_access_key: AKIAITEXAMPLE\n  s3_secret_key: ${env.IT_S3_SECRET}\n");
  }

  /** The process environment of a run against that emulator, with its client's credentials. */
  public static Map<String, String> emulatorEnv(
      io.aepform.emulator.ClientCredentials client, String baseUrl, String s3Secret) {
    return Map.of(
        "AEP_CLIENT_ID",
        client.clientId(),
        "AEP_CLIENT_SECRET",
        client.clientSecret(),
        "AEP_ORG_ID",
        client.orgId(),
        "AEP_IMS_URL",
        baseUrl,
        "IT_S3_SECRET",
        s3Secret,
        // the local platform's lists do not lag: an interrupted create shows up at once
        "AEPFORM_PENDING_GRACE",
        "1");
  }
}
