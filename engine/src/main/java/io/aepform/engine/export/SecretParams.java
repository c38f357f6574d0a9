package io.aepform.engine.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.manifest.Address;
import io.aepform.engine.provider.Specs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A connection's secret auth params (AEP returns them masked) replaced by {@code ${env.NAME}}
 * placeholders, NAME derived from the logical name and the param: {@code s3SecretKey} of {@code
 * connection.s3_base_connection} is read from {@code S3_BASE_CONNECTION_S3SECRETKEY}.
 */
final class SecretParams {
  private SecretParams() {}

  /** Replaces the secrets of {@code spec} in place and returns the placeholders written. */
  static List<EnvPlaceholder> replace(Address address, ObjectNode spec) {
    List<EnvPlaceholder> out = new ArrayList<>();
    if (!(spec.path("auth").path("params") instanceof ObjectNode params)) {
      return out;
    }
    String specId = spec.path("connectionSpec").path("id").asText("");
    List<String> names = new ArrayList<>();
    params.fieldNames().forEachRemaining(names::add);
    for (String param : names) {
      if (Specs.isSecretParam(specId, param)) {
        String env = envName(address.name(), param);
        params.put(param, "${env." + env + "}");
        out.add(new EnvPlaceholder(env, address.toString(), "/auth/params/" + param));
      }
    }
    return out;
  }

  /**
   * {@code S3_BASE_CONNECTION_S3SECRETKEY} for {@code s3_base_connection} and {@code s3SecretKey}.
   */
  static String envName(String logicalName, String param) {
    return (logicalName + "_" + param).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
  }
}
