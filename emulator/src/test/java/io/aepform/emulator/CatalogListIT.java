package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.CAT;
import static io.aepform.emulator.Fixtures.SR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Catalog lists and answers as help/catalog/api/filter-data.md describes them. */
class CatalogListIT {
  private Emulator emulator;
  private TestClient client;
  private String schemaId;

  @BeforeEach
  void start() {
    emulator = Emulator.start(EmulatorOptions.localDefaults());
    client = TestClient.local(emulator);
    schemaId = Fixtures.created(client.post(SR, Fixtures.schema("Cat")), 201).get("$id").asText();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private String create(String name) {
    JsonNode ref =
        Fixtures.created(
            client.post(CAT + "?requestDataSource=true", Fixtures.dataset(name, schemaId)), 201);
    return ref.get(0).asText().substring("@/dataSets/".length());
  }

  private List<String> names(String query) {
    TestClient.Res r = client.get(CAT + query);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    r.json().forEach(ds -> out.add(ds.path("name").asText()));
    return out;
  }

  @Test
  void withoutALimitAPageHoldsTwenty() {
    for (int i = 0; i < 22; i++) {
      create("DS " + i);
    }
    assertThat(names("")).hasSize(20);
    assertThat(names("?limit=22")).hasSize(22);
    // "if observableSchema is requested using the properties query parameter ... 20"
    assertThat(client.get(CAT + "?limit=22&properties=name,observableSchema").json().size())
        .isEqualTo(20);
  }

  @Test
  void orderByTakesDirectionsAndTieBreakers() {
    create("b");
    String firstA = create("a");
    create("c");
    String secondA = create("a");
    client.patch(CAT + "/" + secondA, "{\"description\":\"touched\"}");
    assertThat(names("?orderBy=name")).containsExactly("a", "a", "b", "c");
    assertThat(names("?orderBy=desc:name")).containsExactly("c", "b", "a", "a");
    assertThat(client.get(CAT + "?orderBy=asc:name,desc:version").json().fieldNames())
        .toIterable()
        .startsWith(secondA, firstA);
    assertThat(client.get(CAT + "?orderBy=name,asc:version").json().fieldNames())
        .toIterable()
        .startsWith(firstA, secondA);
    CatalogIT.assertCatalogError(client.get(CAT + "?orderBy=up:name"), 400);
  }

  @Test
  void aPageCapMakesClientsPageUntilAnEmptyPage() {
    for (int i = 0; i < 5; i++) {
      create("P" + i);
    }
    emulator.setCatalogPageCap(2);
    List<String> seen = new ArrayList<>();
    int start = 0;
    while (true) {
      List<String> page = names("?limit=10&start=" + start);
      if (page.isEmpty()) {
        break;
      }
      assertThat(page).hasSizeLessThanOrEqualTo(2);
      seen.addAll(page);
      start += page.size();
    }
    assertThat(seen).containsExactly("P0", "P1", "P2", "P3", "P4");
  }

  @Test
  void schemaRefComesBackAsPlainXedWithItsMajorVersion() {
    String id = create("Typed");
    String expected = "application/vnd.adobe.xed+json;version=1";
    assertThat(client.get(CAT + "/" + id).json().at("/" + id + "/schemaRef/contentType").asText())
        .isEqualTo(expected);
    assertThat(
            client
                .get(CAT + "?properties=schemaRef")
                .json()
                .at("/" + id + "/schemaRef/contentType")
                .asText())
        .isEqualTo(expected);
    assertThat(client.get(CAT + "/" + id).json().at("/" + id + "/schemaRef/id").asText())
        .isEqualTo(schemaId);
  }

  @Test
  void aNameListMatchesAnyAndABangNegatesIt() {
    create("x");
    create("y");
    create("z");
    create("star*");
    assertThat(names("?name=x,z")).containsExactly("x", "z");
    assertThat(names("?name=!x,z")).containsExactly("y", "star*");
    assertThat(names("?name=star**")).containsExactly("star*");
  }
}
