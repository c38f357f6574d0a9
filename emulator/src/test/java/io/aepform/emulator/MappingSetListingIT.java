package io.aepform.emulator;

import static io.aepform.emulator.DataPrepIT.MS;
import static io.aepform.emulator.DataPrepIT.assertDataPrepError;
import static io.aepform.emulator.DataPrepIT.mapping;
import static io.aepform.emulator.DataPrepIT.mappingSet;
import static io.aepform.emulator.Fixtures.SR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /mappingSets}: required paging parameters, order and the name filter. */
class MappingSetListingIT {
  private Emulator emulator;
  private TestClient client;
  private String schemaId;

  @BeforeEach
  void start() {
    emulator = Emulator.start(EmulatorOptions.localDefaults());
    client = TestClient.local(emulator);
    schemaId =
        Fixtures.created(client.post(SR, Fixtures.schema("CSV leads")), 201).get("$id").asText();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private List<String> leadMappings() {
    return List.of(
        mapping("ATTRIBUTE", "id", "_id"), mapping("ATTRIBUTE", "mail", "personalEmail.address"));
  }

  private String create(List<String> mappings) {
    TestClient.Res r = client.post(MS, mappingSet(schemaId, mappings.toArray(String[]::new)));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("id").asText();
  }

  private static List<String> ids(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("data").forEach(m -> out.add(m.get("id").asText()));
    return out;
  }

  @Test
  void listNeedsStartAndLimitAndPages() throws InterruptedException {
    String a = create(leadMappings());
    Thread.sleep(5);
    String b = create(leadMappings());
    Thread.sleep(5);
    String c = create(leadMappings());
    assertDataPrepError(client.get(MS), 400, "1000");
    assertDataPrepError(client.get(MS + "?limit=2"), 400, "1000");
    JsonNode page = client.get(MS + "?limit=2&start=0").json();
    assertThat(ids(page)).containsExactly(c, b);
    assertThat(page.at("/_page/count").asInt()).isEqualTo(2);
    assertThat(page.at("/_page/limit").asInt()).isEqualTo(2);
    assertThat(page.at("/_links/next/href").asText()).isEqualTo("/mappingSets?limit=2&start=2");
    JsonNode last = client.get(MS + "?limit=2&start=2").json();
    assertThat(ids(last)).containsExactly(a);
    assertThat(last.has("_links")).isFalse();
    Thread.sleep(5);
    client.put(MS + "/" + a, mappingSet(schemaId, leadMappings().get(0)));
    assertThat(ids(client.get(MS + "?limit=10&start=0").json())).containsExactly(a, c, b);
    assertThat(ids(client.get(MS + "?limit=10&start=0&orderBy=%2BcreatedDate").json()))
        .containsExactly(a, b, c);
    assertDataPrepError(client.get(MS + "?limit=10&start=0&orderBy=name"), 400, "1000");
  }

  @Test
  void listFiltersByName() {
    String named =
        client
            .post(
                MS,
                mappingSet(schemaId, leadMappings().get(0))
                    .replaceFirst("\\{", "{\"name\":\"Leads\","))
            .json()
            .get("id")
            .asText();
    create(leadMappings());
    assertThat(ids(client.get(MS + "?limit=10&start=0&name=Leads").json())).containsExactly(named);
  }
}
