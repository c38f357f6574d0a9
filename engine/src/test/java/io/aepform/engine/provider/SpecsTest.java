package io.aepform.engine.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecsTest {
  @ParameterizedTest
  @CsvSource({
    "amazon-s3, ecadc60c-7455-4d87-84dc-2a0e293d997b",
    "azure-blob, 4c10e202-c428-4796-9208-5f1f5732b1cf",
    "adls-gen2, b3ba5556-48be-44b7-8b85-ff2b69b46dc4",
    "google-cloud-storage, 32e8f412-cdf7-464c-9885-78184cb113fd",
    "sftp, b7bf2577-4520-42c9-bae9-cad01560f7bc",
    "data-lake, c604ff05-7f1a-43c0-8e18-33bf874cb11c"
  })
  void connectionSpecAliasesNameAdobesIds(String alias, String id) {
    assertThat(Specs.CONNECTION_SPEC_ALIASES).containsEntry(alias, id);
  }

  @Test
  void everyDocumentedAliasIsThereAndNoOther() {
    assertThat(Specs.CONNECTION_SPEC_ALIASES)
        .containsOnlyKeys(
            "amazon-s3", "azure-blob", "adls-gen2", "google-cloud-storage", "sftp", "data-lake");
    assertThat(Specs.FLOW_SPEC_ALIASES)
        .containsExactly(
            java.util.Map.entry("cloud-storage", "9753525b-82c7-4dce-8a9b-5ccfce2b9876"));
  }

  @ParameterizedTest
  @CsvSource({
    "amazon-s3, s3AccessKey",
    "amazon-s3, folderPath",
    "sftp, host",
    "sftp, port",
    "sftp, userName",
    "adls-gen2, url",
    "adls-gen2, tenant",
    "adls-gen2, servicePrincipalId",
    "google-cloud-storage, accessKeyId"
  })
  void documentedIdentifiersAreNotSecret(String alias, String param) {
    assertThat(Specs.isSecretParam(Specs.CONNECTION_SPEC_ALIASES.get(alias), param)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "amazon-s3, s3SecretKey",
    "sftp, password",
    "sftp, privateKeyContent",
    "adls-gen2, servicePrincipalKey",
    "azure-blob, connectionString",
    "google-cloud-storage, secretAccessKey",
    "amazon-s3, host"
  })
  void everythingElseIsSecret(String alias, String param) {
    assertThat(Specs.isSecretParam(Specs.CONNECTION_SPEC_ALIASES.get(alias), param)).isTrue();
  }

  @Test
  void everyParameterOfAnUnknownSpecIsSecret() {
    assertThat(Specs.isSecretParam("00000000-0000-0000-0000-000000000000", "host")).isTrue();
    assertThat(Specs.isSecretParam("", "folderPath")).isTrue();
  }
}
