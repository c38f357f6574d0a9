package io.aepform.engine.value;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  private static Value.Obj obj(Object... keyValues) {
    Map<String, Value> fields = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      fields.put((String) keyValues[i], (Value) keyValues[i + 1]);
    }
    return new Value.Obj(fields);
  }

  private static Value.Arr arr(Value... items) {
    return new Value.Arr(List.of(items));
  }

  private static Value str(String s) {
    return Values.str(s);
  }

  private static Value.Unknown unknown(String kind, String name, String attr) {
    Reference r = Reference.resource(kind, name, attr);
    return new Value.Unknown(new Value.Template(List.of(new TemplatePart.Ref(r)), "${" + r + "}"));
  }

  @Test
  void jsonRoundTripKeepsTypesAndKeyOrder() throws Exception {
    String text =
        "{\"name\":\"leads\",\"count\":3,\"ratio\":0.25,\"on\":true,\"none\":null,"
            + "\"tags\":[\"a\",1],\"nested\":{\"z\":1,\"a\":2}}";
    Value value = Values.fromJson(json(text));

    assertThat(value)
        .isEqualTo(
            obj(
                "name", str("leads"),
                "count", Value.Num.of(3),
                "ratio", new Value.Num(new BigDecimal("0.25")),
                "on", new Value.Bool(true),
                "none", Value.Null.INSTANCE,
                "tags", arr(str("a"), Value.Num.of(1)),
                "nested", obj("z", Value.Num.of(1), "a", Value.Num.of(2))));
    assertThat(MAPPER.writeValueAsString(Values.toJsonRevealed(value))).isEqualTo(text);
  }

  @Test
  void wholeNumbersBecomeJsonIntegersNotDecimals() throws Exception {
    Value thousand = Values.fromJson(json("1000.0"));
    assertThat(MAPPER.writeValueAsString(Values.toJsonRevealed(thousand))).isEqualTo("1000");
    assertThat(Values.toJsonRevealed(thousand).isIntegralNumber()).isTrue();
    assertThat(MAPPER.writeValueAsString(Values.toJsonRevealed(Value.Num.of(-42))))
        .isEqualTo("-42");
    assertThat(
            MAPPER.writeValueAsString(Values.toJsonRevealed(new Value.Num(new BigDecimal("1.50")))))
        .isEqualTo("1.5");
  }

  @Test
  void aMissingOrNullNodeIsNull() {
    assertThat(Values.fromJson(null)).isEqualTo(Value.Null.INSTANCE);
    assertThat(Values.fromJson(JsonNodeFactory.instance.nullNode())).isEqualTo(Value.Null.INSTANCE);
    assertThat(Values.fromJson(JsonNodeFactory.instance.missingNode()))
        .isEqualTo(Value.Null.INSTANCE);
  }

  @Test
  void redactedJsonNeverHoldsASecret() throws Exception {
    Value spec =
        obj(
            "auth",
            obj(
                "params",
                obj(
                    "s3AccessKey",
                    str("AKIA-public"),
                    "s3SecretKey",
                    new Value.Sensitive(str("very-secret")))));

    String redacted = MAPPER.writeValueAsString(Values.toJsonRedacted(spec));
    String revealed = MAPPER.writeValueAsString(Values.toJsonRevealed(spec));

    assertThat(redacted)
        .doesNotContain("very-secret")
        .isEqualTo(
            "{\"auth\":{\"params\":{\"s3AccessKey\":\"AKIA-public\",\"s3SecretKey\":null}}}");
    assertThat(revealed).contains("\"s3SecretKey\":\"very-secret\"");
  }

  @Test
  void aSensitiveObjectIsRevealedWhole() throws Exception {
    Value secret = new Value.Sensitive(obj("user", str("u"), "password", str("p")));
    assertThat(MAPPER.writeValueAsString(Values.toJsonRevealed(secret)))
        .isEqualTo("{\"user\":\"u\",\"password\":\"p\"}");
    assertThat(Values.toJsonRedacted(secret).isNull()).isTrue();
  }

  @Test
  void secretsGoThroughTheGivenFunction() {
    JsonNode out =
        Values.toJson(
            arr(new Value.Sensitive(str("x"))),
            s -> JsonNodeFactory.instance.textNode("(sensitive)"));
    assertThat(out.get(0).textValue()).isEqualTo("(sensitive)");
  }

  @Test
  void unknownsAndTemplatesBecomeNullInJson() {
    Value spec = obj("id", unknown("schema", "demo", "id"));
    assertThat(Values.toJsonRevealed(spec).get("id").isNull()).isTrue();
  }

  @Test
  void isKnownLooksIntoEveryContainer() {
    assertThat(Values.isKnown(obj("a", arr(str("x"), Value.Num.of(1))))).isTrue();
    assertThat(Values.isKnown(obj("a", arr(str("x"), unknown("schema", "s", "id"))))).isFalse();
    assertThat(Values.isKnown(new Value.Sensitive(unknown("schema", "s", "id")))).isFalse();
    Value.Template template = unknown("schema", "s", "id").template();
    assertThat(Values.isKnown(obj("t", template))).isFalse();
    assertThat(Values.isKnown(Value.Null.INSTANCE)).isTrue();
  }

  @Test
  void containsSensitiveFindsNestedSecrets() {
    assertThat(Values.containsSensitive(obj("a", str("x")))).isFalse();
    assertThat(Values.containsSensitive(obj("a", arr(str("x"), new Value.Sensitive(str("y"))))))
        .isTrue();
    assertThat(Values.containsSensitive(new Value.Sensitive(str("y")))).isTrue();
  }

  @Test
  void unmarkRemovesEverySensitivityMarkAndKeepsTheData() {
    Value marked =
        obj(
            "a",
            new Value.Sensitive(obj("b", new Value.Sensitive(str("c")))),
            "d",
            arr(new Value.Sensitive(Value.Num.of(1))));
    assertThat(Values.unmark(marked))
        .isEqualTo(obj("a", obj("b", str("c")), "d", arr(Value.Num.of(1))));
    assertThat(Values.containsSensitive(Values.unmark(marked))).isFalse();
  }

  @Test
  void maskMirrorsObjectsAndArraysAndDropsFalseObjectFields() {
    Value after =
        obj(
            "name", str("flow"),
            "sourceConnectionIds", arr(unknown("sourceConnection", "s", "id"), str("known")),
            "params", obj("dataSetId", unknown("dataset", "d", "id"), "format", str("csv")),
            "id", unknown("flow", "f", "id"));

    JsonNode mask = Values.mask(after, v -> v instanceof Value.Unknown);

    assertThat(mask.toString())
        .isEqualTo(
            "{\"sourceConnectionIds\":[true,false],\"params\":{\"dataSetId\":true},\"id\":true}");
  }

  @Test
  void maskOfAWholeMatchIsTrueAndOfNoMatchFalse() {
    assertThat(Values.mask(new Value.Sensitive(str("s")), v -> v instanceof Value.Sensitive))
        .isEqualTo(JsonNodeFactory.instance.booleanNode(true));
    assertThat(Values.mask(str("s"), v -> v instanceof Value.Sensitive))
        .isEqualTo(JsonNodeFactory.instance.booleanNode(false));
    assertThat(Values.mask(obj("a", str("x")), v -> v instanceof Value.Sensitive).toString())
        .isEqualTo("{}");
    // Like Terraform, objects list only what is flagged somewhere inside them.
    assertThat(
            Values.mask(
                    obj("p", obj("a", str("x")), "q", str("y")), v -> v instanceof Value.Sensitive)
                .toString())
        .isEqualTo("{}");
  }

  @Test
  void anUnknownInsideASecretIsStillUnknownInTheMask() {
    // The Evaluator makes Sensitive(Unknown) for "${var.secret}-${schema.s.id}".
    Value after = obj("password", new Value.Sensitive(unknown("schema", "s", "id")));
    JsonNode mask = Values.mask(after, v -> v instanceof Value.Unknown);
    assertThat(mask.toString()).isEqualTo("{\"password\":true}");
  }

  @Test
  void atFollowsObjectKeysAndListIndexes() {
    Value spec =
        obj(
            "allOf", arr(obj("$ref", str("https://ns.adobe.com/xdm/context/profile"))),
            "a/b", str("slash"));
    assertThat(Values.at(spec, "/allOf/0/$ref"))
        .contains(str("https://ns.adobe.com/xdm/context/profile"));
    assertThat(Values.at(spec, "/a~1b")).contains(str("slash"));
    assertThat(Values.at(spec, "")).contains(spec);
  }

  @Test
  void atIsEmptyForWhatIsNotThere() {
    Value spec = obj("allOf", arr(str("x")), "name", str("n"));
    assertThat(Values.at(spec, "/missing")).isEmpty();
    assertThat(Values.at(spec, "/allOf/1")).isEmpty();
    assertThat(Values.at(spec, "/allOf/x")).isEmpty();
    assertThat(Values.at(spec, "/name/deeper")).isEmpty();
  }

  @Test
  void atSeesThroughSensitiveContainers() {
    Value spec = obj("auth", new Value.Sensitive(obj("params", obj("key", str("k")))));
    assertThat(Values.at(spec, "/auth/params/key")).contains(str("k"));
  }

  @Test
  void atReturnsANullThatIsWritten() {
    assertThat(Values.at(obj("n", Value.Null.INSTANCE), "/n")).contains(Value.Null.INSTANCE);
  }

  @Test
  void withReplacesAValueAndLeavesTheRestAlone() {
    Value spec = obj("name", str("a"), "params", obj("path", str("p"), "x", str("y")));
    Value out = Values.with(spec, "/params/path", str("q"));

    assertThat(out)
        .isEqualTo(obj("name", str("a"), "params", obj("path", str("q"), "x", str("y"))));
    assertThat(spec)
        .isEqualTo(obj("name", str("a"), "params", obj("path", str("p"), "x", str("y"))));
    assertThat(((Value.Obj) out).fields().keySet()).containsExactly("name", "params");
  }

  @Test
  void withCreatesMissingObjects() {
    Value out = Values.with(Value.Obj.empty(), "/flowSpec/version", str("1.0"));
    assertThat(out).isEqualTo(obj("flowSpec", obj("version", str("1.0"))));
  }

  @Test
  void withReplacesListElements() {
    Value spec = obj("ids", arr(str("a"), str("b")));
    assertThat(Values.with(spec, "/ids/1", str("c")))
        .isEqualTo(obj("ids", arr(str("a"), str("c"))));
  }

  @Test
  void withAtTheRootReplacesEverything() {
    assertThat(Values.with(obj("a", str("b")), "", str("c"))).isEqualTo(str("c"));
  }

  @Test
  void withInsideASecretKeepsItsSiblingsAndItsMark() {
    Value spec =
        obj(
            "auth",
            new Value.Sensitive(obj("specName", str("Access Key"), "params", obj("k", str("v")))));
    Value out = Values.with(spec, "/auth/params", obj("k", str("w")));
    assertThat(Values.at(out, "/auth/specName")).contains(str("Access Key"));
    assertThat(Values.containsSensitive(out)).isTrue();
  }

  @Test
  void mapValuesKeepsOrder() {
    Map<String, Value> in = new LinkedHashMap<>();
    in.put("z", str("1"));
    in.put("a", str("2"));
    Map<String, Value> out = Values.mapValues(in, v -> new Value.Sensitive(v));
    assertThat(out.keySet()).containsExactly("z", "a");
    assertThat(out.get("a")).isEqualTo(new Value.Sensitive(str("2")));
  }

  /**
   * Flow GET answers carry schedule values and mappingVersion as strings whatever was sent
   * (sources/tutorials/api/update-dataflows.md, issue 16 item 1): they compare equal.
   */
  @Test
  void scheduleValuesAnsweredAsStringsAreLooselyEqual() throws Exception {
    Value sent =
        Values.fromJson(
            json(
                "{\"startTime\": 1612310466, \"interval\": 15, \"backfill\": true,"
                    + " \"steps\": [{\"mappingVersion\": 0}]}"));
    Value answered =
        Values.fromJson(
            json(
                "{\"startTime\": \"1612310466\", \"interval\": \"15\", \"backfill\": \"true\","
                    + " \"steps\": [{\"mappingVersion\": \"0\"}]}"));

    assertThat(Values.looselyEqual(sent, answered)).isTrue();
    assertThat(Values.looselyEqual(Values.fromJson(json("16")), str("15"))).isFalse();
    assertThat(Values.looselyEqual(Values.fromJson(json("false")), str("true"))).isFalse();
    assertThat(Values.looselyEqual(sent, Values.fromJson(json("{\"interval\": \"15\"}"))))
        .isFalse();
  }
}
