package io.aepform.emulator.flowservice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.emulator.http.Fields;
import io.aepform.emulator.http.Violation;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The connection specs the emulator knows and the auth each takes (from Adobe's source docs):
 * required and optional params per {@code specName}, and which params are secret. Secret values are
 * never stored or returned: the emulator keeps {@link #MASK} in their place.
 */
final class AuthSpecs {
  /** What a GET shows instead of a secret auth param. */
  static final String MASK = "****";

  static final String DATA_LAKE = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";
  static final String S3 = "ecadc60c-7455-4d87-84dc-2a0e293d997b";
  static final String BLOB = "4c10e202-c428-4796-9208-5f1f5732b1cf";
  static final String ADLS = "b3ba5556-48be-44b7-8b85-ff2b69b46dc4";
  static final String GCS = "32e8f412-cdf7-464c-9885-78184cb113fd";
  static final String SFTP = "b7bf2577-4520-42c9-bae9-cad01560f7bc";

  /** Cloud storage sources: what the CloudStorageToAEP flow spec accepts as source. */
  static final Set<String> CLOUD_STORAGE = Set.of(S3, BLOB, ADLS, GCS, SFTP);

  static final Set<String> SECRETS =
      Set.of(
          "s3SecretKey",
          "s3SessionToken",
          "connectionString",
          "sasUri",
          "servicePrincipalKey",
          "secretAccessKey",
          "password",
          "privateKeyContent",
          "passPhrase");

  private record AuthType(List<String> required, List<String> optional) {}

  private static final List<String> SFTP_OPTIONAL =
      List.of("port", "maxConcurrentConnections", "folderPath", "disableChunking");

  private static final Map<String, Map<String, AuthType>> SPECS =
      Map.of(
          S3,
          Map.of(
              "Access Key",
              new AuthType(
                  List.of("s3AccessKey", "s3SecretKey"),
                  List.of("s3SessionToken", "serviceUrl", "bucketName", "folderPath"))),
          BLOB,
          Map.of(
              "ConnectionString", new AuthType(List.of("connectionString"), List.of()),
              "SAS URI Authentication", new AuthType(List.of("sasUri"), List.of())),
          ADLS,
          Map.of(
              "Basic Authentication for adls-gen2",
              new AuthType(
                  List.of("url", "servicePrincipalId", "servicePrincipalKey", "tenant"),
                  List.of())),
          GCS,
          Map.of(
              "Basic Authentication for google-cloud",
              new AuthType(
                  List.of("accessKeyId", "secretAccessKey"), List.of("bucketName", "folderPath"))),
          SFTP,
          Map.of(
              "Basic Authentication for sftp",
              new AuthType(List.of("host", "userName", "password"), SFTP_OPTIONAL),
              "SSH PublicKey Authentication for sftp",
              new AuthType(
                  List.of("host", "userName", "privateKeyContent"),
                  List.of(
                      "port",
                      "passPhrase",
                      "maxConcurrentConnections",
                      "folderPath",
                      "disableChunking"))));

  private AuthSpecs() {}

  static boolean known(String specId) {
    return specId.equals(DATA_LAKE) || SPECS.containsKey(specId);
  }

  /** Checks a base connection's auth against its spec. */
  static void check(String specId, JsonNode connection) {
    JsonNode auth = connection.get("auth");
    if (specId.equals(DATA_LAKE)) {
      if (auth != null) {
        throw new Violation("the dataset base connection (" + DATA_LAKE + ") takes no 'auth'");
      }
      return;
    }
    ObjectNode authObj = Fields.requireObject(connection, "auth", "auth");
    String specName = Fields.requireString(authObj, "specName", "auth.specName");
    AuthType type = SPECS.get(specId).get(specName);
    if (type == null) {
      throw new Violation(
          "auth.specName '"
              + specName
              + "' is not valid for connection spec "
              + specId
              + "; expected one of "
              + SPECS.get(specId).keySet());
    }
    checkParams(Fields.requireObject(authObj, "params", "auth.params"), type);
  }

  private static void checkParams(ObjectNode params, AuthType type) {
    for (String name : type.required()) {
      Fields.requireString(params, name, "auth.params." + name);
    }
    Iterator<String> names = params.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!type.required().contains(name) && !type.optional().contains(name)) {
        throw new Violation("unknown auth param 'auth.params." + name + "'");
      }
      JsonNode v = params.get(name);
      boolean portNumber = name.equals("port") && v.isIntegralNumber();
      if (!v.isTextual() && !v.isBoolean() && !portNumber) {
        throw new Violation("auth param 'auth.params." + name + "' must be a string");
      }
    }
  }

  /** Replaces secret param values with {@link #MASK}, in place. */
  static void mask(ObjectNode connection) {
    JsonNode params = connection.path("auth").path("params");
    if (params.isObject()) {
      ObjectNode p = (ObjectNode) params;
      for (String secret : SECRETS) {
        if (p.has(secret)) {
          p.put(secret, MASK);
        }
      }
    }
  }
}
