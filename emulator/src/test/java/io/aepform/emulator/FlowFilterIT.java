package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.FS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Flow Service list filters as help/dataflows/api/sort-and-filter.md describes them. */
class FlowFilterIT {
  private Emulator emulator;
  private TestClient client;

  @BeforeEach
  void start() {
    emulator = Emulator.start(EmulatorOptions.localDefaults());
    client = TestClient.local(emulator);
    for (String name : new String[] {"a", "b", "c", "a,b"}) {
      Fixtures.id(client.post(FS + "/connections", Fixtures.lakeConnection(name)));
    }
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private List<String> names(String property) {
    String q = URLEncoder.encode(property, StandardCharsets.UTF_8);
    TestClient.Res r = client.get(FS + "/connections?property=" + q);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    r.json().get("items").forEach(i -> out.add(i.get("name").asText()));
    return out;
  }

  @Test
  void aCommaListMatchesAnyOfItsValues() {
    assertThat(names("name==a,b")).containsExactly("a", "b");
    assertThat(names("name!=a,b")).containsExactly("c", "a,b");
  }

  /** create-dataset-base-connection.md: property=id=="c604ff05-..." */
  @Test
  void aQuotedValueIsTakenWholeCommasIncluded() {
    assertThat(names("name==\"a,b\"")).containsExactly("a,b");
    assertThat(names("name==\"a\"")).containsExactly("a");
    assertThat(names("name==\"c\",\"a,b\"")).containsExactly("c", "a,b");
    FlowServiceIT.assertFlowError(
        client.get(
            FS + "/connections?property=" + URLEncoder.encode("name==\"a", StandardCharsets.UTF_8)),
        400,
        "1401");
  }

  private JsonNode flows(String property) {
    String q = URLEncoder.encode(property, StandardCharsets.UTF_8);
    return client.get(FS + "/flows?property=" + q).json().get("items");
  }

  /** sort-and-filter.md: sourceConnectionIds[]==..., inheritedAttributes.targetConnections[]... */
  @Test
  void bracketsLookIntoArrays() {
    Fixtures.Chain chain = Fixtures.chain(client, "x");
    assertThat(flows("sourceConnectionIds[]==nope," + chain.sourceId())).hasSize(1);
    assertThat(flows("sourceConnectionIds[]==nope")).isEmpty();
    assertThat(
            flows(
                "inheritedAttributes.targetConnections[].connectionSpec.id==" + Fixtures.DATA_LAKE))
        .hasSize(1);
  }

  /** sort-and-filter.md: with count=true "the actual filtered items are not returned". */
  @Test
  void countAnswersOnlyTheCount() {
    JsonNode body = client.get(FS + "/connections?property=name==a,c&count=true").json();
    assertThat(body.fieldNames()).toIterable().containsExactly("count");
    assertThat(body.get("count").asInt()).isEqualTo(2);
  }
}
