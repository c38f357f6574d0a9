package io.aepform.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.value.Reference;
import io.aepform.engine.value.TemplatePart;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiffTest {
  private static Value.Obj obj(Object... keyValues) {
    Map<String, Value> fields = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      fields.put((String) keyValues[i], (Value) keyValues[i + 1]);
    }
    return new Value.Obj(fields);
  }

  private static Value str(String s) {
    return Values.str(s);
  }

  private static Value.Unknown unknown() {
    Reference r = Reference.resource("schema", "s", "id");
    return new Value.Unknown(new Value.Template(List.of(new TemplatePart.Ref(r)), "${" + r + "}"));
  }

  @Test
  void equalSpecsHaveNoChanges() {
    Value spec = obj("name", str("a"), "params", obj("path", str("p")));
    assertThat(Diff.fields(spec, spec)).isEmpty();
  }

  @Test
  void keyOrderAndTrailingZerosAreNotChanges() {
    Value before = obj("a", Value.Num.of(1), "b", str("x"));
    Value after = obj("b", str("x"), "a", new Value.Num(new BigDecimal("1.0")));
    assertThat(Diff.fields(before, after)).isEmpty();
  }

  @Test
  void aChangedFieldIsReportedWithItsPointerAndBothValues() {
    List<FieldChange> changes =
        Diff.fields(
            obj("description", str("old"), "name", str("n")),
            obj("description", str("new"), "name", str("n")));
    assertThat(changes)
        .containsExactly(
            new FieldChange("/description", Optional.of(str("old")), Optional.of(str("new"))));
  }

  @Test
  void addedAndRemovedFieldsHaveOneSideEmpty() {
    List<FieldChange> changes =
        Diff.fields(
            obj("gone", str("x"), "same", str("s")), obj("same", str("s"), "added", str("y")));
    assertThat(changes)
        .containsExactly(
            new FieldChange("/added", Optional.empty(), Optional.of(str("y"))),
            new FieldChange("/gone", Optional.of(str("x")), Optional.empty()));
  }

  @Test
  void nestedObjectsAreComparedFieldByFieldInKeyOrder() {
    Value before =
        obj(
            "scheduleParams",
            obj("interval", str("15"), "frequency", str("minute")),
            "z",
            str("1"));
    Value after =
        obj("z", str("2"), "scheduleParams", obj("frequency", str("hour"), "interval", str("1")));
    assertThat(Diff.fields(before, after))
        .extracting(FieldChange::pointer)
        .containsExactly("/scheduleParams/frequency", "/scheduleParams/interval", "/z");
  }

  @Test
  void keysWithSlashesAreEscapedInPointers() {
    assertThat(Diff.fields(obj("a/b", str("1")), obj("a/b", str("2"))))
        .extracting(FieldChange::pointer)
        .containsExactly("/a~1b");
  }

  @Test
  void listsAreComparedAsAWhole() {
    Value before = obj("ids", new Value.Arr(List.of(str("a"), str("b"))));
    Value after = obj("ids", new Value.Arr(List.of(str("a"), str("c"))));
    List<FieldChange> changes = Diff.fields(before, after);
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).pointer()).isEqualTo("/ids");
    assertThat(changes.get(0).after()).contains(new Value.Arr(List.of(str("a"), str("c"))));
  }

  @Test
  void aTypeChangeIsAChange() {
    assertThat(Diff.fields(obj("interval", Value.Num.of(15)), obj("interval", str("15"))))
        .extracting(FieldChange::pointer)
        .containsExactly("/interval");
    assertThat(Diff.fields(obj("p", obj("a", str("x"))), obj("p", str("x"))))
        .extracting(FieldChange::pointer)
        .containsExactly("/p");
  }

  @Test
  void anUnknownValueIsAlwaysAChange() {
    List<FieldChange> changes = Diff.fields(obj("id", str("abc")), obj("id", unknown()));
    assertThat(changes).hasSize(1);
    assertThat(changes.get(0).after()).contains(unknown());
    assertThat(Diff.fields(obj("id", unknown()), obj("id", unknown()))).hasSize(1);
  }

  @Test
  void aChangedSecretIsAChangeAndAnEqualOneIsNot() {
    Value before = obj("password", new Value.Sensitive(str("a")));
    assertThat(Diff.fields(before, obj("password", new Value.Sensitive(str("a"))))).isEmpty();
    assertThat(Diff.fields(before, obj("password", new Value.Sensitive(str("b"))))).hasSize(1);
  }

  @Test
  void scalarsAtTheRootAreComparedWhole() {
    assertThat(Diff.fields(str("a"), str("b")))
        .containsExactly(new FieldChange("", Optional.of(str("a")), Optional.of(str("b"))));
  }
}
