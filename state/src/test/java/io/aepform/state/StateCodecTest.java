package io.aepform.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateCodecTest {
  private static final String SOURCE = ".aepform/dev.state.json";

  @Test
  void roundTripsEveryField() {
    State state = TestStates.sample(7);

    State read = StateCodec.read(StateCodec.write(state), SOURCE);

    assertThat(read).isEqualTo(state);
    assertThat(read.find("dataset.leads").orElseThrow().pending()).isPresent();
    assertThat(read.find("flow.daily").orElseThrow().status()).isEqualTo(ResourceStatus.TAINTED);
  }

  @Test
  void writesTheDocumentedFormatByteForByte() throws IOException {
    byte[] bytes = StateCodec.write(TestStates.sample(7));

    String expected = resource("state/sample.state.json");
    if (Boolean.getBoolean("aepform.regenerate")) {
      Files.write(Path.of("src/test/resources/state/sample.state.json"), bytes);
    }
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  @Test
  void reusingTheTextOfUnchangedResourcesGivesTheSameBytesAsAFreshWrite() {
    StateCodec.Fragments fragments = new StateCodec.Fragments();
    State state = TestStates.sample(7);
    assertThat(StateCodec.write(state, fragments)).isEqualTo(StateCodec.write(state));

    State changed = state.with(TestStates.tainted().taint()).without("connection.s3").nextSerial();
    assertThat(StateCodec.write(changed, fragments)).isEqualTo(StateCodec.write(changed));
    State empty =
        changed.without("schema.demo_profile").without("dataset.leads").without("flow.daily");
    assertThat(StateCodec.write(empty, fragments)).isEqualTo(StateCodec.write(empty));
    assertThat(StateCodec.write(state, fragments)).isEqualTo(StateCodec.write(state));
    assertThat(StateCodec.read(StateCodec.write(changed, fragments), "x")).isEqualTo(changed);
  }

  @Test
  void theTextOfAnUnchangedResourceIsSharedWithTheLastWriteNotCopied() {
    StateCodec.Fragments fragments = new StateCodec.Fragments();
    State state = TestStates.sample(7);
    List<byte[]> first = StateCodec.chunks(state, fragments);
    State changed = state.without("connection.s3").nextSerial();
    List<byte[]> second = StateCodec.chunks(changed, fragments);

    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    second.forEach(joined::writeBytes);
    assertThat(joined.toByteArray()).isEqualTo(StateCodec.write(changed));
    // every resource chunk of the second write is one of the first, the very same array
    long shared = second.stream().filter(c -> first.stream().anyMatch(f -> f == c)).count();
    assertThat(shared).isEqualTo(2L * changed.resources().size() + 1); // resources, separators
  }

  @Test
  void sameStateBuiltInAnotherOrderGivesTheSameBytes() {
    ResourceState schema = TestStates.schema();
    ResourceState reordered =
        ResourceState.created(
            schema.address(),
            schema.kind(),
            schema.id(),
            schema.name(),
            schema.etag(),
            TestStates.json(
                "{\"meta:class\":\"https://ns.adobe.com/xdm/context/profile\",\"description\":\"\","
                    + "\"allOf\":[{\"$ref\":\"https://ns.adobe.com/xdm/context/profile\"}],"
                    + "\"type\":\"object\",\"title\":\"Sample Demo Profile XDM\"}"),
            schema.attributes(),
            List.of());
    State a = TestStates.empty(1).with(TestStates.connection()).with(schema);
    State b = TestStates.empty(1).with(reordered).with(TestStates.connection());

    assertThat(StateCodec.write(b)).isEqualTo(StateCodec.write(a));
  }

  @Test
  void refusesTruncatedJsonNamingTheFile() {
    byte[] full = StateCodec.write(TestStates.sample(7));
    byte[] truncated = Arrays.copyOf(full, full.length / 2);

    assertThatThrownBy(() -> StateCodec.read(truncated, SOURCE))
        .isInstanceOf(StateException.class)
        .hasMessageStartingWith(SOURCE + ": not valid JSON at line")
        .hasMessageContaining("truncated or corrupted");
  }

  @Test
  void refusesAnEmptyFile() {
    assertThatThrownBy(() -> StateCodec.read(new byte[0], SOURCE))
        .hasMessage(SOURCE + ": the file is empty");
  }

  @Test
  void refusesGarbageAndTrailingContent() {
    assertThatThrownBy(() -> StateCodec.read("\u0000\u0001garbage".getBytes(), SOURCE))
        .hasMessageContaining("not valid JSON");
    byte[] twice = (sampleText() + "{}").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> StateCodec.read(twice, SOURCE)).hasMessageContaining("not valid JSON");
  }

  @Test
  void refusesDuplicateKeys() {
    String duplicated = sampleText().replace("\"serial\": 7,", "\"serial\": 7,\n  \"serial\": 8,");
    assertThatThrownBy(() -> StateCodec.read(bytes(duplicated), SOURCE))
        .hasMessageContaining("Duplicate field 'serial'");
  }

  @Test
  void refusesAStateFromANewerAepform() {
    String newer = sampleText().replace("\"version\": 1,", "\"version\": 2,");
    assertThatThrownBy(() -> StateCodec.read(bytes(newer), SOURCE))
        .isInstanceOf(StateException.class)
        .hasMessageContaining("written by a newer aepform")
        .hasMessageContaining("format version 2");
  }

  @Test
  void refusesWrongShapesWithThePathOfTheValue() {
    assertRefused(
        "\"serial\": 7,", "\"serial\": \"7\",", "serial: expected an integer, found string");
    assertRefused("\"version\": 1,", "\"version\": 0,", "version: must be at least 1");
    assertRefused("\"sandbox\": \"dev\",\n", "", "sandbox: missing");
    assertRefused(
        "\"status\": \"tainted\"",
        "\"status\": \"gone\"",
        "resources[2].status: unknown status 'gone'");
    assertRefused(
        "\"etag\": \"\",\n      \"status\": \"pending-create\"",
        "\"etag\": 3,\n      \"status\": \"pending-create\"",
        "resources[1].etag: expected a string, found number");
    assertRefused(
        "\"runId\": \"run-42\"",
        "\"runId\": \"run-42\", \"extra\": 1",
        "resources[1].pending.extra: unknown field");
    assertRefused(
        "\"2026-03-01T10:15:30.123Z\"",
        "\"yesterday\"",
        "resources[1].pending.startedAt: not an ISO-8601 instant");
    assertRefused(
        "\"schema.demo_profile\"\n      ]",
        "17\n      ]",
        "resources[1].dependencies[0]: expected a string");
    assertRefused(
        "\"lineage\": \"" + TestStates.LINEAGE,
        "\"lineage\": \"not-a-uuid",
        ": lineage must be a uuid");
  }

  @Test
  void refusesRecordInvariantsBrokenByHand() {
    // a created resource without its remote id
    assertRefused(
        "\"id\": \"https://ns.adobe.com/tenant/schemas/1a2b\",\n      \"name\"",
        "\"id\": \"\",\n      \"name\"",
        "resources[3]: schema.demo_profile: the id must be empty while pending create, and set"
            + " otherwise");
    // pending status without its pending record
    assertRefused(
        "\"status\": \"pending-create\",",
        "\"status\": \"created\",",
        "resources[1]: dataset.leads: a pending record goes with status pending-create");
  }

  @Test
  void refusesResourcesThatAreNotAnArray() {
    String text = new String(StateCodec.write(TestStates.empty(7)), StandardCharsets.UTF_8);
    String broken = text.replace("\"resources\": []", "\"resources\": {}");
    assertThatThrownBy(() -> StateCodec.read(bytes(broken), SOURCE))
        .hasMessage(SOURCE + ": resources: expected an array, found object");
  }

  @Test
  void refusesANonObjectRoot() {
    assertThatThrownBy(() -> StateCodec.read(bytes("[1, 2]"), SOURCE))
        .hasMessage(SOURCE + ": expected an object, found array");
  }

  private static void assertRefused(String find, String replace, String message) {
    String text = sampleText();
    assertThat(text).contains(find);
    String broken = text.replace(find, replace);
    assertThatThrownBy(() -> StateCodec.read(bytes(broken), SOURCE))
        .isInstanceOf(StateException.class)
        .hasMessageStartingWith(SOURCE + ": ")
        .hasMessageContaining(message);
  }

  private static String sampleText() {
    return new String(StateCodec.write(TestStates.sample(7)), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = StateCodecTest.class.getClassLoader().getResourceAsStream(name)) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
