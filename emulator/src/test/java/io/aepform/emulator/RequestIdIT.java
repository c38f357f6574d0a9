package io.aepform.emulator;

import static io.aepform.emulator.Fixtures.CAT;
import static io.aepform.emulator.Fixtures.FS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every answer carries an x-request-id; Flow Service errors quote it as Adobe's reports do. */
class RequestIdIT {
  private Emulator emulator;
  private TestClient client;

  @BeforeEach
  void start() {
    emulator = Emulator.start(EmulatorOptions.localDefaults());
    client = TestClient.local(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void everyAnswerCarriesAnId() {
    List<TestClient.Res> answers =
        List.of(
            client.post(FS + "/connections", Fixtures.lakeConnection("L")),
            client.get(FS + "/connections"),
            client.get(FS + "/connections/nope"),
            client.get(CAT),
            client.get(Fixtures.SR),
            client.without("Authorization").get(FS + "/flows"),
            client.get("/elsewhere"),
            client
                .with("Content-Type", "application/x-www-form-urlencoded")
                .post("/ims/token/v3", "grant_type=client_credentials"));
    Set<String> ids = new HashSet<>();
    for (TestClient.Res r : answers) {
      assertThat(r.header("x-request-id")).as(r.body()).matches("[A-Za-z0-9]{32}");
      ids.add(r.header("x-request-id"));
    }
    assertThat(ids).hasSize(answers.size());
  }

  @Test
  void aCallersOwnIdIsKept() {
    TestClient.Res r = client.with("x-request-id", "trace-me-1").get(FS + "/flows");
    assertThat(r.header("x-request-id")).isEqualTo("trace-me-1");
  }

  /** help/sources/tutorials/api/labels.md shows Flow Service's FLOW-1439-404 body. */
  @Test
  void flowServiceErrorsHaveTheDocumentedReport() {
    TestClient.Res r = client.get(FS + "/flows/84224def-1e2a-4d95-9ea2-132d697ed2aa");
    FlowServiceIT.assertFlowError(r, 404, "1439");
    JsonNode e = r.json();
    String text =
        "The requested flows resource 84224def-1e2a-4d95-9ea2-132d697ed2aa is not found."
            + " Verify the resource ID before trying again.";
    assertThat(e.get("title").asText()).isEqualTo("Resource not found");
    assertThat(e.at("/report/detailed-message").asText()).isEqualTo(text);
    assertThat(e.at("/report/id").asText()).isEqualTo("84224def-1e2a-4d95-9ea2-132d697ed2aa");
    assertThat(e.at("/report/type").asText()).isEqualTo("flows");
    assertThat(e.at("/report/request-id").asText()).isEqualTo(r.header("x-request-id"));
    assertThat(e.get("errorMessage").asText()).isEqualTo(text);
    assertThat(e.get("errorDetails").asText()).isEqualTo(text);

    TestClient.Res bad = client.post(FS + "/connections", "{}");
    FlowServiceIT.assertFlowError(bad, 400, "1401");
    assertThat(bad.json().at("/report/request-id").asText()).isEqualTo(bad.header("x-request-id"));
    assertThat(bad.json().get("errorDetails").asText())
        .isEqualTo(bad.json().at("/report/detailed-message").asText());
  }
}
