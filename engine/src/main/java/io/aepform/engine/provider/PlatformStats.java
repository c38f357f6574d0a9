package io.aepform.engine.provider;

import io.aepform.engine.manifest.PlatformFacts;
import io.aepform.engine.provider.http.ApiRequest;
import io.aepform.engine.provider.http.PlatformClient;
import io.aepform.engine.provider.http.PlatformException;
import java.util.Optional;

/**
 * The org's facts that manifests may read ({@code ${platform.tenantId}}): the Schema Registry's
 * {@code GET /stats} answers the tenant id (xdm/api/getting-started.md, "Know your TENANT_ID").
 */
public final class PlatformStats {
  static final String PATH = "/data/foundation/schemaregistry/stats";

  private PlatformStats() {}

  public static PlatformFacts facts(PlatformClient client) {
    String tenant = client.send(ApiRequest.get(PATH)).body().path("tenantId").asText("");
    if (tenant.isEmpty()) {
      throw new PlatformException(
          PlatformException.Code.UNEXPECTED_ANSWER,
          "the Schema Registry's GET /stats answered no tenantId: ${platform.tenantId} has no"
              + " value");
    }
    return new PlatformFacts(Optional.of(tenant));
  }
}
