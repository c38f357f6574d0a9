package io.aepform.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonPatchTest {
  private static JsonNode json(String s) {
    return Json.parse(s.getBytes(StandardCharsets.UTF_8));
  }

  private static ObjectNode doc() {
    return (ObjectNode) json("{\"a\":{\"b\":1},\"list\":[1,2],\"x~y/z\":0}");
  }

  @Test
  void appliesEveryOperationWithoutTouchingTheOriginal() {
    ObjectNode original = doc();
    ObjectNode out =
        JsonPatch.apply(
            original,
            json(
                "[{\"op\":\"add\",\"path\":\"/a/c\",\"value\":2},"
                    + "{\"op\":\"replace\",\"path\":\"/a/b\",\"value\":9},"
                    + "{\"op\":\"add\",\"path\":\"/list/-\",\"value\":3},"
                    + "{\"op\":\"add\",\"path\":\"/list/0\",\"value\":0},"
                    + "{\"op\":\"remove\",\"path\":\"/x~0y~1z\"},"
                    + "{\"op\":\"copy\",\"from\":\"/a\",\"path\":\"/copy\"},"
                    + "{\"op\":\"move\",\"from\":\"/copy\",\"path\":\"/moved\"},"
                    + "{\"op\":\"test\",\"path\":\"/a/b\",\"value\":9}]"));
    assertThat(out.toString())
        .isEqualTo("{\"a\":{\"b\":9,\"c\":2},\"list\":[0,1,2,3],\"moved\":{\"b\":9,\"c\":2}}");
    assertThat(original).isEqualTo(doc());
  }

  @Test
  void refusesWhatRfc6902Refuses() {
    assertThatThrownBy(() -> JsonPatch.apply(doc(), json("{\"op\":\"add\"}")))
        .isInstanceOf(Violation.class)
        .hasMessageContaining("array");
    assertThatThrownBy(
            () -> JsonPatch.apply(doc(), json("[{\"op\":\"ADD\",\"path\":\"/q\",\"value\":1}]")))
        .hasMessageContaining("lower-case");
    assertThatThrownBy(
            () -> JsonPatch.apply(doc(), json("[{\"op\":\"remove\",\"path\":\"/nope\"}]")))
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> JsonPatch.apply(doc(), json("[{\"op\":\"add\",\"path\":\"/q\"}]")))
        .hasMessageContaining("value");
    assertThatThrownBy(
            () ->
                JsonPatch.apply(doc(), json("[{\"op\":\"add\",\"path\":\"/list/7\",\"value\":1}]")))
        .hasMessageContaining("out of range");
    assertThatThrownBy(
            () -> JsonPatch.apply(doc(), json("[{\"op\":\"test\",\"path\":\"/a/b\",\"value\":2}]")))
        .hasMessageContaining("test failed");
  }

  @Test
  void mergePatchRemovesNullsAndMergesObjects() {
    ObjectNode out = MergePatch.apply(doc(), json("{\"a\":{\"c\":1},\"list\":null}"));
    assertThat(out.toString()).isEqualTo("{\"a\":{\"b\":1,\"c\":1},\"x~y/z\":0}");
  }
}
