package io.aepform.engine.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class AepErrorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static AepError file(String name) throws IOException {
    try (InputStream in =
        AepErrorTest.class.getResourceAsStream("/provider/http/__files/" + name)) {
      return AepError.parse(JSON.readTree(in));
    }
  }

  private static AepError json(String text) throws IOException {
    JsonNode node = JSON.readTree(text);
    return AepError.parse(node);
  }

  @Test
  void flowService() throws IOException {
    assertThat(file("flow-error-1418.json"))
        .isEqualTo(
            new AepError(
                "FLOW-1418-400", "Connection in use", "The connection is used by 2 flows."));
    assertThat(file("flow-error-404.json"))
        .isEqualTo(
            new AepError("FLOW-1439-404", "Entity not found", "Flow with id 9a8b not found"));
  }

  @Test
  void aDetailedMessageThatSaysMoreIsAdded() throws IOException {
    assertThat(
            json("{\"title\":\"Bad request\",\"detail\":\"Invalid body\","
                    + "\"report\":{\"detailed-message\":\"name is required\"}}")
                .detail())
        .isEqualTo("Invalid body (name is required)");
  }

  @Test
  void subErrorsNestAndKeepTheirCodes() throws IOException {
    AepError e = file("xdm-error-sub-errors.json");
    assertThat(e.subErrors())
        .containsExactly(
            "XDM-1521-400 Title not unique: Object titles must be unique. An object"
                + " https://ns.adobe.com/acme/mixins/443f already exists with the same title");
    assertThat(json("{\"title\":\"t\",\"report\":{\"sub-errors\":[\"plain\"]}}").summary())
        .isEqualTo("t (sub-errors: plain)");
  }

  @Test
  void schemaRegistry() throws IOException {
    AepError e = file("xdm-error-1521.json");
    assertThat(e.code()).isEqualTo("XDM-1521-400");
    assertThat(e.title()).isEqualTo("Title already in use");
    assertThat(e.summary())
        .isEqualTo(
            "XDM-1521-400 Title already in use: The title 'Customer Events' is already used by"
                + " another XDM resource.");
  }

  @Test
  void catalogListAndMessageShapes() throws IOException {
    assertThat(file("catalog-error-404.json"))
        .isEqualTo(
            new AepError(
                "CAT-1009-404", "Not Found", "Dataset 5c8c3c555033b814b69f947f was not found."));
    assertThat(json("{\"message\":\"Invalid schemaRef\",\"code\":\"400\"}"))
        .isEqualTo(new AepError("400", "Invalid schemaRef", ""));
  }

  @Test
  void gatewayAndIms() throws IOException {
    assertThat(file("gateway-401013.json"))
        .isEqualTo(new AepError("401013", "Oauth token is not valid", ""));
    assertThat(json("{\"error\":\"invalid_scope\",\"error_description\":\"bad scope\"}"))
        .isEqualTo(new AepError("invalid_scope", "bad scope", ""));
  }

  @Test
  void bodiesWithoutAnError() {
    assertThat(AepError.parse(MissingNode.getInstance())).isEqualTo(AepError.NONE);
    assertThat(AepError.parse(TextNode.valueOf("<html><body>Bad gateway</body></html>")))
        .isEqualTo(AepError.NONE);
    assertThat(AepError.parse(TextNode.valueOf("upstream connect error\nmore")).title())
        .isEqualTo("upstream connect error");
  }
}
