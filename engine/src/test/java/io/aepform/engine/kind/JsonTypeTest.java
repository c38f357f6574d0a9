package io.aepform.engine.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTypeTest {
  private static Value num(String n) {
    return new Value.Num(new BigDecimal(n));
  }

  @Test
  void numbersAndBooleansBecomeStringsWhereTheApiWantsAString() {
    assertThat(JsonType.STRING.coerce(Value.Num.of(1000))).isEqualTo(Values.str("1000"));
    assertThat(JsonType.STRING.coerce(num("1.50"))).isEqualTo(Values.str("1.5"));
    assertThat(JsonType.STRING.coerce(num("1E+3"))).isEqualTo(Values.str("1000"));
    assertThat(JsonType.STRING.coerce(new Value.Bool(false))).isEqualTo(Values.str("false"));
  }

  @Test
  void digitStringsBecomeIntegersWhereTheApiWantsAnInteger() {
    assertThat(JsonType.INTEGER.coerce(Values.str("123"))).isEqualTo(Value.Num.of(123));
    assertThat(JsonType.INTEGER.coerce(Values.str("-5"))).isEqualTo(Value.Num.of(-5));
    assertThat(JsonType.INTEGER.coerce(Values.str("1700000000000")))
        .isEqualTo(Value.Num.of(1_700_000_000_000L));
  }

  @Test
  void textThatIsNotAnIntegerIsLeftForTheCheck() {
    for (String s : List.of("12.5", "abc", "", "1e3", "1234567890123456789")) {
      assertThat(JsonType.INTEGER.coerce(Values.str(s))).as(s).isEqualTo(Values.str(s));
    }
  }

  @Test
  void onlyTrueAndFalseStringsBecomeBooleans() {
    assertThat(JsonType.BOOLEAN.coerce(Values.str("true"))).isEqualTo(new Value.Bool(true));
    assertThat(JsonType.BOOLEAN.coerce(Values.str("false"))).isEqualTo(new Value.Bool(false));
    assertThat(JsonType.BOOLEAN.coerce(Values.str("yes"))).isEqualTo(Values.str("yes"));
    assertThat(JsonType.BOOLEAN.coerce(Values.str("TRUE"))).isEqualTo(Values.str("TRUE"));
  }

  @Test
  void stringListItemsAreEachConverted() {
    Value in = new Value.Arr(List.of(Value.Num.of(1), Values.str("a")));
    assertThat(JsonType.STRING_ARRAY.coerce(in))
        .isEqualTo(new Value.Arr(List.of(Values.str("1"), Values.str("a"))));
  }

  @Test
  void valuesOfTheRightTypeOrWithoutAConversionAreUnchanged() {
    Value obj = new Value.Obj(Map.of("a", Value.Num.of(1)));
    assertThat(JsonType.STRING.coerce(Values.str("x"))).isEqualTo(Values.str("x"));
    assertThat(JsonType.STRING.coerce(obj)).isEqualTo(obj);
    assertThat(JsonType.OBJECT.coerce(Values.str("x"))).isEqualTo(Values.str("x"));
    assertThat(JsonType.INTEGER.coerce(Value.Num.of(4))).isEqualTo(Value.Num.of(4));
  }

  @Test
  void acceptsTheDeclaredTypeOnly() {
    assertThat(JsonType.STRING.accepts(Values.str("x"))).isTrue();
    assertThat(JsonType.STRING.accepts(Value.Num.of(1))).isFalse();
    assertThat(JsonType.INTEGER.accepts(Value.Num.of(1))).isTrue();
    assertThat(JsonType.INTEGER.accepts(num("1.0"))).isTrue();
    assertThat(JsonType.INTEGER.accepts(num("1.5"))).isFalse();
    assertThat(JsonType.BOOLEAN.accepts(new Value.Bool(true))).isTrue();
    assertThat(JsonType.BOOLEAN.accepts(Values.str("true"))).isFalse();
    assertThat(JsonType.OBJECT.accepts(Value.Obj.empty())).isTrue();
    assertThat(JsonType.ARRAY.accepts(new Value.Arr(List.of(Value.Num.of(1))))).isTrue();
    assertThat(JsonType.STRING_ARRAY.accepts(new Value.Arr(List.of(Values.str("a"))))).isTrue();
    assertThat(JsonType.STRING_ARRAY.accepts(new Value.Arr(List.of(Value.Num.of(1))))).isFalse();
    assertThat(JsonType.STRING_ARRAY.accepts(Values.str("a"))).isFalse();
  }

  @Test
  void typesHaveWordsForMessages() {
    assertThat(JsonType.STRING.word()).isEqualTo("a string");
    assertThat(JsonType.INTEGER.word()).isEqualTo("an integer");
    assertThat(JsonType.BOOLEAN.word()).isEqualTo("true or false");
    assertThat(JsonType.STRING_ARRAY.word()).isEqualTo("a list of strings");
  }
}
