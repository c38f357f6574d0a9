package io.aepform.engine.provider.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.aepform.error.InternalException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** JSON in and out of wire bytes. */
final class Bodies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Bodies() {}

  /** The body as JSON: missing when empty, a text node when it is not JSON (an HTML page). */
  static JsonNode json(WireResponse response) {
    return json(response.body());
  }

  /** As {@link #json(WireResponse)}, for any body. */
  static JsonNode json(byte[] bytes) {
    if (bytes.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode node = JSON.readTree(bytes);
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException e) {
      return TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
    }
  }

  static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new InternalException("Cannot write a request body as JSON", e);
    }
  }
}
