package io.aepform.engine.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueTest {
  private static Value.Template ref(String kind, String name, String attr) {
    Reference r = Reference.resource(kind, name, attr);
    return new Value.Template(List.of(new TemplatePart.Ref(r)), "${" + r + "}");
  }

  @Test
  void numbersCompareEqualWhateverTheirTrailingZeros() {
    assertThat(new Value.Num(new BigDecimal("1.0"))).isEqualTo(Value.Num.of(1));
    assertThat(new Value.Num(new BigDecimal("1000")))
        .isEqualTo(new Value.Num(new BigDecimal("1000.00")));
    assertThat(new Value.Num(new BigDecimal("0.000"))).isEqualTo(Value.Num.of(0));
    assertThat(new Value.Num(new BigDecimal("1.5"))).isNotEqualTo(Value.Num.of(1));
  }

  @Test
  void numberTextIsPlainNeverScientific() {
    assertThat(Value.Num.of(1000).text()).isEqualTo("1000");
    assertThat(new Value.Num(new BigDecimal("1E+3")).text()).isEqualTo("1000");
    assertThat(new Value.Num(new BigDecimal("2.50")).text()).isEqualTo("2.5");
    assertThat(new Value.Num(new BigDecimal("-0.0")).text()).isEqualTo("0");
  }

  @Test
  void objectEqualityIgnoresKeyOrderButKeepsItForRendering() {
    Map<String, Value> ab = new LinkedHashMap<>();
    ab.put("a", Values.str("1"));
    ab.put("b", Values.str("2"));
    Map<String, Value> ba = new LinkedHashMap<>();
    ba.put("b", Values.str("2"));
    ba.put("a", Values.str("1"));
    Value.Obj first = new Value.Obj(ab);
    Value.Obj second = new Value.Obj(ba);

    assertThat(first).isEqualTo(second);
    assertThat(first.hashCode()).isEqualTo(second.hashCode());
    assertThat(second.fields().keySet()).containsExactly("b", "a");
  }

  @Test
  void collectionsAreCopiedAndReadOnly() {
    List<Value> items = new ArrayList<>(List.of(Values.str("x")));
    Value.Arr arr = new Value.Arr(items);
    items.add(Values.str("y"));
    assertThat(arr.items()).hasSize(1);
    assertThatThrownBy(() -> arr.items().add(Values.str("z")))
        .isInstanceOf(UnsupportedOperationException.class);

    Map<String, Value> fields = new LinkedHashMap<>(Map.of("k", Values.str("v")));
    Value.Obj obj = new Value.Obj(fields);
    fields.put("other", Values.str("w"));
    assertThat(obj.fields()).containsOnlyKeys("k");
    assertThatThrownBy(() -> obj.fields().put("x", Value.Null.INSTANCE))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void sensitiveIsNeverWrappedTwice() {
    Value.Sensitive twice = new Value.Sensitive(new Value.Sensitive(Values.str("s3cr3t")));
    assertThat(twice.value()).isEqualTo(Values.str("s3cr3t"));
    assertThat(twice).isEqualTo(new Value.Sensitive(Values.str("s3cr3t")));
  }

  @Test
  void aTemplateOfOneReferenceKeepsTheValueType() {
    assertThat(ref("schema", "demo", "id").isSingleReference()).isTrue();
    Value.Template mixed =
        new Value.Template(
            List.of(
                new TemplatePart.Literal("id-"),
                new TemplatePart.Ref(Reference.resource("schema", "demo", "id"))),
            "id-${schema.demo.id}");
    assertThat(mixed.isSingleReference()).isFalse();
  }

  @Test
  void referencesPrintAsWrittenAndKnowTheirAddress() {
    Reference r = Reference.resource("schema", "demo_profile", "id");
    assertThat(r).hasToString("schema.demo_profile.id");
    assertThat(r.address()).isEqualTo("schema.demo_profile");
    assertThat(Reference.var("bucket")).hasToString("var.bucket");
    assertThat(Reference.env("HOME")).hasToString("env.HOME");
    assertThat(Reference.var("bucket").scope()).isEqualTo(Reference.Scope.VAR);
    assertThat(Reference.env("HOME").scope()).isEqualTo(Reference.Scope.ENV);
  }

  @Test
  void nullPartsAreRefused() {
    assertThatThrownBy(() -> new Value.Str(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Value.Num(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Value.Unknown(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Value.Sensitive(null)).isInstanceOf(NullPointerException.class);
  }
}
