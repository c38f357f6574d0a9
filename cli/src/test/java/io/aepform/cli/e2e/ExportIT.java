package io.aepform.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.aepform.cli.CliRun;
import io.aepform.cli.LocalPlatformExtension;
import io.aepform.cli.SandboxObjects;
import io.aepform.emulator.ResourceKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's done-when for export: the example applied to dev, exported and applied to prod gives
 * the same objects and an empty plan; a sandbox built by hand, exported with --import, validates
 * and plans no changes.
 */
class ExportIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the platform sets and so differs between two sandboxes holding the same objects. */
  private static final Set<String> SERVER_FIELDS =
      Set.of(
          "id",
          "etag",
          "version",
          "createdAt",
          "updatedAt",
          "createdBy",
          "updatedBy",
          "createdClient",
          "updatedClient",
          "createdUser",
          "updatedUser",
          "sandboxId",
          "sandboxName",
          "meta:sandboxId",
          "meta:sandboxType",
          "meta:registryMetadata",
          "$id",
          "meta:altId",
          "created",
          "updated",
          "viewId",
          "files",
          "dataSourceId",
          "runs");

  @TempDir Path tmp;

  @RegisterExtension
  final LocalPlatformExtension platform = LocalPlatformExtension.example("parquet-ingestion");

  private CliRun cli(Map<String, String> env, Path dir, String envName, String... command) {
    String[] args = new String[command.length + 4];
    System.arraycopy(command, 0, args, 0, command.length);
    System.arraycopy(
        new String[] {"--dir", dir.toString(), "--env", envName}, 0, args, command.length, 4);
    return CliRun.run(env, args);
  }

  private void writeEnvironment(Path dir, String name, String sandbox, String extra)
      throws Exception {
    Files.createDirectories(dir.resolve("environments"));
    Files.writeString(
        dir.resolve("environments/" + name + ".yaml"),
        "sandbox: " + sandbox + "\nplatform: " + platform.emulator.baseUrl() + "\n" + extra);
  }

  @Test
  void theExampleAppliedToDevExportedAndAppliedToProdGivesTheSameObjects() throws Exception {
    writeEnvironment(
        platform.dir,
        "dev",
        "dev",
        "variables:\n  s3_access_key: AKIAITEXAMPLE\n  s3_secret_key: ${env.IT_S3_SECRET}\n");
    assertThat(cli(platform.env(), platform.dir, "dev", "apply", "--auto-approve").exitCode())
        .isZero();

    Path promoted = tmp.resolve("promoted");
    CliRun export =
        cli(platform.env(), platform.dir, "dev", "export", "--out", promoted.toString());
    assertThat(export.err()).isEmpty();
    assertThat(export.exitCode()).isZero();
    assertThat(export.out())
        .contains("Exported 7 resources")
        .contains("S3_BASE_CONNECTION_S3SECRETKEY")
        .contains(promoted.resolve("flows.yaml").toString())
        .contains(promoted.resolve("environments/dev.yaml").toString());
    assertThat(Files.readString(promoted.resolve("environments/dev.yaml")))
        .contains("sandbox: dev")
        .doesNotContain("variables");
    assertThat(Files.readString(promoted.resolve("connections.yaml")))
        .doesNotContain(LocalPlatformExtension.SECRET)
        .contains("${env.S3_BASE_CONNECTION_S3SECRETKEY}");

    writeEnvironment(promoted, "prod", "prod", "");
    Map<String, String> env = new HashMap<>(platform.env());
    env.put("S3_BASE_CONNECTION_S3SECRETKEY", LocalPlatformExtension.SECRET);
    assertThat(cli(env, promoted, "prod", "validate").exitCode()).isZero();
    CliRun apply = cli(env, promoted, "prod", "apply", "--auto-approve");
    assertThat(apply.err()).isEmpty();
    assertThat(apply.out()).contains("Apply complete! Resources: 7 added, 0 changed, 0 destroyed.");

    CliRun plan = cli(env, promoted, "prod", "plan", "--detailed-exitcode");
    assertThat(plan.out()).contains("No changes.");
    assertThat(plan.exitCode()).isZero();
    for (ResourceKind kind : SandboxObjects.EXAMPLE.keySet()) {
      assertThat(shapes(kind, "prod")).as(kind.name()).isEqualTo(shapes(kind, "dev")).isNotEmpty();
    }
  }

  @Test
  void aSandboxBuiltByHandIsExportedImportedAndPlansNoChanges() throws Exception {
    Path hand = tmp.resolve("hand");
    writeEnvironment(hand, "hand", "hand", "");
    HandBuilt built = buildByHand("hand");

    CliRun export =
        cli(platform.env(), hand, "hand", "export", "--out", hand.toString(), "--import");
    assertThat(export.err()).isEmpty();
    assertThat(export.exitCode()).isZero();
    assertThat(export.out())
        .contains("Exported 8 resources")
        .contains("Imported 8")
        .contains("HAND_S3_S3SECRETKEY")
        .contains("HAND_S3_2_S3SECRETKEY");
    assertThat(Files.readString(hand.resolve("flows.yaml")))
        .contains("${sourceConnection.hand_source.id}")
        .contains("state: disabled");
    assertThat(Files.readString(hand.resolve("datasets.yaml")))
        .contains("${schema.hand_made_profile.id}");
    assertThat(built.flowId()).isNotEmpty();

    Map<String, String> env = new HashMap<>(platform.env());
    env.put("HAND_S3_S3SECRETKEY", "anything");
    env.put("HAND_S3_2_S3SECRETKEY", "anything");
    CliRun validate = cli(env, hand, "hand", "validate");
    assertThat(validate.err()).isEmpty();
    assertThat(validate.exitCode()).isZero();
    platform.emulator.clearRequestLog();
    CliRun plan = cli(env, hand, "hand", "plan", "--detailed-exitcode");
    assertThat(plan.err()).isEmpty();
    assertThat(plan.out()).contains("No changes.");
    assertThat(plan.exitCode()).isZero();
    assertThat(platform.writes()).isEmpty();
  }

  /** Every object of the kind in the sandbox, by name, without what the platform sets. */
  private Map<String, JsonNode> shapes(ResourceKind kind, String sandbox) {
    Map<String, String> names = new HashMap<>();
    for (ResourceKind k : SandboxObjects.EXAMPLE.keySet()) {
      for (ObjectNode o : objects(k, sandbox)) {
        names.put(id(k, o), k.name() + ":" + name(o));
      }
    }
    Map<String, JsonNode> out = new TreeMap<>();
    for (ObjectNode o : objects(kind, sandbox)) {
      ObjectNode shape = (ObjectNode) withoutIds(o.deepCopy(), names);
      // Catalog answers contentType in its own form (catalog/api/filter-data.md), and an export
      // writes what it answered: the same schema version, another spelling
      if (shape.get("schemaRef") instanceof ObjectNode ref) {
        ref.remove("contentType");
      }
      out.put(name(o), shape);
    }
    return out;
  }

  private List<ObjectNode> objects(ResourceKind kind, String sandbox) {
    return platform.emulator.objects(kind, platform.client.orgId(), sandbox);
  }

  private static String name(JsonNode o) {
    return o.has("title") ? o.get("title").asText() : o.get("name").asText();
  }

  private String id(ResourceKind kind, ObjectNode o) {
    if (kind == ResourceKind.SCHEMA) {
      return o.get("$id").asText();
    }
    if (kind == ResourceKind.DATASET) {
      return o.get("files").asText().replaceFirst(".*dataSetId=", "");
    }
    return o.get("id").asText();
  }

  /** Drops server fields; ids of other objects become their kind and name. */
  private static JsonNode withoutIds(JsonNode node, Map<String, String> names) {
    if (node instanceof ObjectNode o) {
      o.remove(SERVER_FIELDS);
      List<String> keys = new ArrayList<>();
      o.fieldNames().forEachRemaining(keys::add);
      keys.forEach(k -> o.set(k, withoutIds(o.get(k), names)));
      return o;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        ((ArrayNode) node).set(i, withoutIds(node.get(i), names));
      }
      return node;
    }
    if (node.isTextual() && names.containsKey(node.asText())) {
      return TextNode.valueOf(names.get(node.asText()));
    }
    return node;
  }

  private record HandBuilt(String flowId) {}

  /** Eight objects made directly on the platform, two connections with the same name. */
  private HandBuilt buildByHand(String sandbox) throws Exception {
    String schemaId =
        post(
                sandbox,
                "/data/foundation/schemaregistry/tenant/schemas",
                "{\"title\":\"Hand Made Profile\",\"type\":\"object\",\"description\":\"by hand ${not} an expression\","
                    + "\"allOf\":[{\"$ref\":\"https://ns.adobe.com/xdm/context/profile\"}],"
                    + "\"meta:class\":\"https://ns.adobe.com/xdm/context/profile\"}")
            .get("$id")
            .asText();
    String lake =
        flowService(sandbox, "connections", "{\"name\":\"Hand Lake\"," + spec(LAKE) + "}");
    String s3 =
        flowService(
            sandbox,
            "connections",
            "{\"name\":\"Hand S3\",\"auth\":{\"specName\":\"Access Key\",\"params\":"
                + "{\"s3AccessKey\":\"AKIAHAND\",\"s3SecretKey\":\"hand-secret\"}},"
                + spec(S3)
                + "}");
    flowService(
        sandbox,
        "connections",
        "{\"name\":\"Hand S3\",\"auth\":{\"specName\":\"Access Key\",\"params\":"
            + "{\"s3AccessKey\":\"AKIAHAND2\",\"s3SecretKey\":\"other-secret\"}},"
            + spec(S3)
            + "}");
    String dataset =
        post(
                sandbox,
                "/data/foundation/catalog/dataSets?requestDataSource=true",
                "{\"name\":\"Hand Dataset\",\"schemaRef\":{\"id\":\""
                    + schemaId
                    + "\",\"contentType\":\"application/vnd.adobe.xed-full+json;version=1\"}}")
            .get(0)
            .asText()
            .replace("@/dataSets/", "");
    String data =
        "\"data\":{\"format\":\"delimited\",\"schema\":{\"id\":\""
            + schemaId
            + "\",\"version\":\"application/vnd.adobe.xed-full+json;version=1.0\"}}";
    String source =
        flowService(
            sandbox,
            "sourceConnections",
            "{\"name\":\"Hand Source\",\"baseConnectionId\":\""
                + s3
                + "\","
                + data
                + ",\"params\":{\"path\":\"hand/in\"},"
                + spec(S3)
                + "}");
    String target =
        flowService(
            sandbox,
            "targetConnections",
            "{\"name\":\"Hand Target\",\"baseConnectionId\":\""
                + lake
                + "\","
                + data
                + ",\"params\":{\"dataSetId\":\""
                + dataset
                + "\"},"
                + spec(LAKE)
                + "}");
    String flow =
        flowService(
            sandbox,
            "flows",
            "{\"name\":\"Hand Flow\",\"flowSpec\":{\"id\":\"9753525b-82c7-4dce-8a9b-5ccfce2b9876\",\"version\":\"1.0\"},"
                + "\"sourceConnectionIds\":[\""
                + source
                + "\"],\"targetConnectionIds\":[\""
                + target
                + "\"],\"scheduleParams\":{\"startTime\":1700000000,\"frequency\":\"hour\",\"interval\":\"6\"}}");
    post(sandbox, "/data/foundation/flowservice/flows/" + flow + "/action?op=DISABLE", "{}");
    return new HandBuilt(flow);
  }

  private static final String S3 = "ecadc60c-7455-4d87-84dc-2a0e293d997b";
  private static final String LAKE = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";

  private static String spec(String id) {
    return "\"connectionSpec\":{\"id\":\"" + id + "\",\"version\":\"1.0\"}";
  }

  private String flowService(String sandbox, String collection, String body) throws Exception {
    return post(sandbox, "/data/foundation/flowservice/" + collection, body).get("id").asText();
  }

  private JsonNode post(String sandbox, String path, String body) throws Exception {
    String token = platform.emulator.issueToken(platform.client.clientId());
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(platform.emulator.baseUrl() + path))
            .header("Authorization", "Bearer " + token)
            .header("x-api-key", platform.client.clientId())
            .header("x-gw-ims-org-id", platform.client.orgId())
            .header("x-sandbox-name", sandbox)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> answer =
        HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(path + " " + answer.body()).isBetween(200, 201);
    return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
  }
}
