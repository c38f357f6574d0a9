package io.aepform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Namespaces, mapping sets (with their versions) and merge policies survive a restart. */
class ServicesPersistenceIT {
  private static final String ORG = "AEPFORMLOCAL@AdobeOrg";

  @TempDir Path dir;

  @Test
  void identityDataPrepAndProfileObjectsSurviveARestart() throws IOException {
    EmulatorOptions options = EmulatorOptions.builder().dataDir(dir).build();
    String namespaceId;
    String mappingSetId;
    String policyId;
    int standardAndCustom;
    try (Emulator e = Emulator.start(options)) {
      TestClient c = TestClient.local(e);
      namespaceId =
          c.post(
                  IdentityServiceIT.NS,
                  IdentityServiceIT.namespace("Loyalty Member", "Loyalty", "Cross_device"))
              .json()
              .get("id")
              .asText();
      standardAndCustom = c.get(IdentityServiceIT.NS).json().size();
      String schemaId =
          Fixtures.created(c.post(Fixtures.SR, Fixtures.schema("Kept")), 201).get("$id").asText();
      String m0 = DataPrepIT.mapping("ATTRIBUTE", "id", "_id");
      String m1 = DataPrepIT.mapping("ATTRIBUTE", "mail", "personalEmail.address");
      mappingSetId =
          c.post(DataPrepIT.MS, DataPrepIT.mappingSet(schemaId, m0)).json().get("id").asText();
      assertThat(
              c.put(DataPrepIT.MS + "/" + mappingSetId, DataPrepIT.mappingSet(schemaId, m0, m1))
                  .status())
          .isEqualTo(200);
      policyId =
          c.post(
                  MergePoliciesIT.MP,
                  MergePoliciesIT.policy("Kept", "pdg", MergePoliciesIT.TIMESTAMP, true))
              .json()
              .get("id")
              .asText();
    }
    try (Emulator e = Emulator.start(options)) {
      TestClient c = TestClient.local(e);
      assertThat(c.get(IdentityServiceIT.NS + "/" + namespaceId).json().get("code").asText())
          .isEqualTo("Loyalty");
      assertThat(c.get(IdentityServiceIT.NS).json()).hasSize(standardAndCustom);
      JsonNode ms = c.get(DataPrepIT.MS + "/" + mappingSetId).json();
      assertThat(ms.get("version").asInt()).isEqualTo(1);
      assertThat(c.get(DataPrepIT.MS + "/" + mappingSetId + "?version=0").json().get("mappings"))
          .hasSize(1);
      JsonNode policies = c.get(MergePoliciesIT.MP).json();
      assertThat(policies.at("/_page/totalCount").asInt()).isEqualTo(2);
      assertThat(c.get(MergePoliciesIT.MP + "/" + policyId).json().get("default").asBoolean())
          .isTrue();
      assertThat(e.count(ResourceKind.MERGE_POLICY, ORG, "prod")).isEqualTo(2);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.map(Path::toString))
          .anyMatch(f -> f.contains("/prod/identities/"))
          .anyMatch(f -> f.contains("/prod/mappingSets/"))
          .anyMatch(f -> f.contains("/prod/mappingSetVersions/"))
          .anyMatch(f -> f.contains("/prod/mergePolicies/"));
    }
  }
}
