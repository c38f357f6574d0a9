package io.aepform.engine.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
  private static final Position AT = new Position("flow.yaml", 7, 13);
  private static final Address SCHEMA = new Address("schema", "demo");
  private static final Address DATASET = new Address("dataset", "leads");

  private final Map<String, Value> variables = new LinkedHashMap<>();
  private final Map<String, String> environment = new LinkedHashMap<>();

  {
    variables.put("bucket", Values.str("partners-demo"));
    variables.put("interval", Value.Num.of(15));
    variables.put("backfill", new Value.Bool(true));
    variables.put("tags", new Value.Arr(List.of(Values.str("a"), Values.str("b"))));
    variables.put("nothing", Value.Null.INSTANCE);
    variables.put("password", new Value.Sensitive(Values.str("hunter2")));
    environment.put("DAY", "2024-01-02");
  }

  /** The schema's id is known (in state); the dataset's id is not yet. */
  private Value eval(String text) {
    Evaluator evaluator =
        new Evaluator(
            new Evaluator.Scope(
                variables,
                environment,
                (address, attr) ->
                    address.equals(SCHEMA) && attr.equals("id")
                        ? Optional.of(Values.str("https://ns.adobe.com/tenant/schemas/abc"))
                        : Optional.empty()));
    return evaluator.evaluate(ExpressionParser.parse(text, AT), p -> AT);
  }

  @Test
  void aWholeStringExpressionKeepsTheValueType() {
    assertThat(eval("${var.interval}")).isEqualTo(Value.Num.of(15));
    assertThat(eval("${var.backfill}")).isEqualTo(new Value.Bool(true));
    assertThat(eval("${var.tags}"))
        .isEqualTo(new Value.Arr(List.of(Values.str("a"), Values.str("b"))));
    assertThat(eval("${var.nothing}")).isEqualTo(Value.Null.INSTANCE);
  }

  @Test
  void expressionsInsideAStringAreInterpolated() {
    assertThat(eval("s3://${var.bucket}/${env.DAY}/every-${var.interval}m-${var.backfill}"))
        .isEqualTo(Values.str("s3://partners-demo/2024-01-02/every-15m-true"));
  }

  @Test
  void numbersAreInterpolatedInPlainNotation() {
    variables.put("big", new Value.Num(new BigDecimal("1E+3")));
    variables.put("fraction", new Value.Num(new BigDecimal("2.50")));
    assertThat(eval("${var.big}/${var.fraction}")).isEqualTo(Values.str("1000/2.5"));
  }

  @Test
  void anEscapedExpressionStaysLiteralNextToARealOne() {
    assertThat(eval("$${var.bucket}=${var.bucket}"))
        .isEqualTo(Values.str("${var.bucket}=partners-demo"));
  }

  @Test
  void aKnownAttributeIsUsed() {
    assertThat(eval("${schema.demo.id}"))
        .isEqualTo(Values.str("https://ns.adobe.com/tenant/schemas/abc"));
    assertThat(eval("id=${schema.demo.id}"))
        .isEqualTo(Values.str("id=https://ns.adobe.com/tenant/schemas/abc"));
  }

  @Test
  void anAttributeNotKnownUntilApplyIsUnknownAndKeepsTheExpression() {
    Value v = eval("${dataset.leads.id}");
    assertThat(v).isInstanceOf(Value.Unknown.class);
    assertThat(((Value.Unknown) v).template().source()).isEqualTo("${dataset.leads.id}");
  }

  @Test
  void aStringContainingAnUnknownIsUnknownAsAWhole() {
    Value v = eval("@/dataSets/${dataset.leads.id} in ${var.bucket}");
    assertThat(v).isInstanceOf(Value.Unknown.class);
    // Apply evaluates the whole template again, so the saved expression is the full text.
    assertThat(((Value.Unknown) v).template().source())
        .isEqualTo("@/dataSets/${dataset.leads.id} in ${var.bucket}");
    assertThat(Values.isKnown(v)).isFalse();
  }

  @Test
  void aSensitiveValueAloneStaysSensitive() {
    assertThat(eval("${var.password}")).isEqualTo(new Value.Sensitive(Values.str("hunter2")));
  }

  @Test
  void aStringContainingASecretIsSensitiveAsAWhole() {
    assertThat(eval("user:${var.password}@host"))
        .isEqualTo(new Value.Sensitive(Values.str("user:hunter2@host")));
  }

  @Test
  void aStringWithASecretAndAnUnknownIsBoth() {
    Value v = eval("${var.password}-${dataset.leads.id}");
    assertThat(v).isInstanceOf(Value.Sensitive.class);
    assertThat(((Value.Sensitive) v).value()).isInstanceOf(Value.Unknown.class);
  }

  @Test
  void aListOrMapInsideAStringIsAnError() {
    assertThatThrownBy(() -> eval("tags: ${var.tags}"))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "flow.yaml:7:13: \"tags: ${var.tags}\" puts a list, map or null into a string:"
                + " use the expression alone to keep its type");
    assertThatThrownBy(() -> eval("x${var.nothing}")).isInstanceOf(ManifestException.class);
  }

  @Test
  void anUnsetVariableIsAnErrorWithPositionAndRemedy() {
    assertThatThrownBy(() -> eval("${var.region}"))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "flow.yaml:7:13: variable 'region' has no value: pass --var region=VALUE, set it in"
                + " the environment file, or give it a default");
  }

  @Test
  void anUnsetEnvironmentVariableIsAnErrorWithPosition() {
    assertThatThrownBy(() -> eval("x-${env.AEP_BUCKET}"))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "flow.yaml:7:13: environment variable AEP_BUCKET is not set: export AEP_BUCKET=...");
  }

  @Test
  void anEmptyEnvironmentVariableIsSetAndEmpty() {
    environment.put("EMPTY", "");
    assertThat(eval("[${env.EMPTY}]")).isEqualTo(Values.str("[]"));
  }

  @Test
  void environmentValuesAreAlwaysStrings() {
    environment.put("COUNT", "15");
    assertThat(eval("${env.COUNT}")).isEqualTo(Values.str("15"));
  }

  @Test
  void treesAreEvaluatedEverywhereWithThePositionOfEachValue() {
    Value tree =
        new Value.Obj(
            Map.of(
                "a", ExpressionParser.parse("${var.bucket}", AT),
                "list",
                    new Value.Arr(
                        List.of(
                            Values.str("plain"), ExpressionParser.parse("${var.interval}", AT))),
                "secret", new Value.Sensitive(ExpressionParser.parse("${var.bucket}", AT))));
    Evaluator evaluator =
        new Evaluator(new Evaluator.Scope(variables, environment, (a, attr) -> Optional.empty()));

    Value out = evaluator.evaluate(tree, p -> AT);

    assertThat(Values.at(out, "/a")).contains(Values.str("partners-demo"));
    assertThat(Values.at(out, "/list"))
        .contains(new Value.Arr(List.of(Values.str("plain"), Value.Num.of(15))));
    assertThat(Values.at(out, "/secret"))
        .contains(new Value.Sensitive(Values.str("partners-demo")));
  }

  @Test
  void errorsNameThePositionOfTheFailingValue() {
    Value tree =
        new Value.Obj(
            Map.of(
                "ok",
                ExpressionParser.parse("${var.bucket}", AT),
                "bad",
                new Value.Arr(List.of(ExpressionParser.parse("${var.missing}", AT)))));
    Evaluator evaluator =
        new Evaluator(new Evaluator.Scope(variables, environment, (a, attr) -> Optional.empty()));
    Position bad = new Position("x.yaml", 12, 5);

    assertThatThrownBy(
            () -> evaluator.evaluate(tree, p -> p.equals("/bad/0") ? bad : Position.of("x.yaml")))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("x.yaml:12:5: variable 'missing'");
  }

  @Test
  void anUnknownIsEvaluatedAgainOnceItsValueIsKnown() {
    Value unknown = eval("@/dataSets/${dataset.leads.id}");
    Evaluator afterApply =
        new Evaluator(
            new Evaluator.Scope(
                variables,
                environment,
                (a, attr) ->
                    a.equals(DATASET) ? Optional.of(Values.str("65f0")) : Optional.empty()));
    assertThat(afterApply.evaluate(unknown, p -> AT)).isEqualTo(Values.str("@/dataSets/65f0"));
  }

  @Test
  void plainValuesAreReturnedUnchanged() {
    Evaluator evaluator =
        new Evaluator(new Evaluator.Scope(Map.of(), Map.of(), (a, attr) -> Optional.empty()));
    Value plain = new Value.Obj(Map.of("n", Value.Num.of(1), "s", Values.str("x")));
    assertThat(evaluator.evaluate(plain, p -> AT)).isEqualTo(plain);
  }
}
