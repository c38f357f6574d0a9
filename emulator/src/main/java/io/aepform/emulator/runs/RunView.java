package io.aepform.emulator.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.function.Function;

/**
 * A run while a list is filtered and sorted: {@code id}, {@code flowId} and {@code createdAt} come
 * from its reference, anything else from its document, written only when first needed, so a page of
 * the latest runs of a flow with thousands of them writes only that page.
 */
final class RunView {
  private final RunRef ref;
  private final Function<RunRef, ObjectNode> writer;
  private ObjectNode doc;

  RunView(RunRef ref, Function<RunRef, ObjectNode> writer) {
    this.ref = ref;
    this.writer = writer;
  }

  List<JsonNode> values(String path) {
    return switch (path) {
      case "id" -> List.of(TextNode.valueOf(ref.id()));
      case "flowId" -> List.of(TextNode.valueOf(ref.flowId()));
      case "createdAt" -> List.of(LongNode.valueOf(ref.at()));
      default -> RunFilter.at(document(), path);
    };
  }

  ObjectNode document() {
    if (doc == null) {
      doc = writer.apply(ref);
    }
    return doc;
  }
}
