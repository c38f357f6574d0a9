package io.aepform.engine.provider;

import java.util.Map;
import java.util.Set;

/**
 * Adobe's well-known connection and flow spec ids, the aliases users may write for them, and the
 * auth parameters of each that are not secret (everything else under {@code auth.params} is).
 */
public final class Specs {
  public static final String AMAZON_S3 = "ecadc60c-7455-4d87-84dc-2a0e293d997b";
  public static final String AZURE_BLOB = "4c10e202-c428-4796-9208-5f1f5732b1cf";
  public static final String ADLS_GEN2 = "b3ba5556-48be-44b7-8b85-ff2b69b46dc4";
  public static final String GOOGLE_CLOUD_STORAGE = "32e8f412-cdf7-464c-9885-78184cb113fd";
  public static final String SFTP = "b7bf2577-4520-42c9-bae9-cad01560f7bc";
  public static final String DATA_LAKE = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";
  public static final String CLOUD_STORAGE_FLOW = "9753525b-82c7-4dce-8a9b-5ccfce2b9876";

  /** Aliases for {@code connectionSpec.id}. */
  public static final Map<String, String> CONNECTION_SPEC_ALIASES =
      Map.of(
          "amazon-s3", AMAZON_S3,
          "azure-blob", AZURE_BLOB,
          "adls-gen2", ADLS_GEN2,
          "google-cloud-storage", GOOGLE_CLOUD_STORAGE,
          "sftp", SFTP,
          "data-lake", DATA_LAKE);

  /** Aliases for {@code flowSpec.id}. */
  public static final Map<String, String> FLOW_SPEC_ALIASES =
      Map.of("cloud-storage", CLOUD_STORAGE_FLOW);

  /** Per connection spec, the auth parameters that are identifiers, not secrets. */
  private static final Map<String, Set<String>> NON_SECRET_PARAMS =
      Map.of(
          AMAZON_S3, Set.of("s3AccessKey", "folderPath", "bucketName"),
          AZURE_BLOB, Set.of("folderPath", "container"),
          ADLS_GEN2, Set.of("url", "servicePrincipalId", "tenant", "folderPath"),
          GOOGLE_CLOUD_STORAGE, Set.of("accessKeyId", "folderPath", "bucketName"),
          SFTP, Set.of("host", "port", "userName", "folderPath"));

  /**
   * Per connection spec, the {@code auth.specName}s Adobe's create-connection tutorials show
   * (sources/tutorials/api/create/cloud-storage/{s3,blob,adls-gen2,google,sftp}.md). Specs not
   * listed here take any name.
   */
  private static final Map<String, Set<String>> AUTH_SPEC_NAMES =
      Map.of(
          AMAZON_S3, Set.of("Access Key"),
          AZURE_BLOB, Set.of("ConnectionString", "SAS URI Authentication"),
          ADLS_GEN2, Set.of("Basic Authentication for adls-gen2"),
          GOOGLE_CLOUD_STORAGE, Set.of("Basic Authentication for google-cloud"),
          SFTP, Set.of("Basic Authentication for sftp", "SSH PublicKey Authentication for sftp"));

  private Specs() {}

  /** The auth specNames of a connection spec; empty when aepform does not know the spec. */
  public static Set<String> authSpecNames(String connectionSpecId) {
    return AUTH_SPEC_NAMES.getOrDefault(connectionSpecId, Set.of());
  }

  /**
   * True when an auth parameter of that connection spec is a secret. Parameters of specs aepform
   * does not know are all treated as secret: a wrongly hidden value is harmless, a leaked one not.
   */
  public static boolean isSecretParam(String connectionSpecId, String param) {
    return !NON_SECRET_PARAMS.getOrDefault(connectionSpecId, Set.of()).contains(param);
  }
}
