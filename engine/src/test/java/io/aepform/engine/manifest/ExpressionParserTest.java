package io.aepform.engine.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aepform.engine.value.Reference;
import io.aepform.engine.value.TemplatePart;
import io.aepform.engine.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionParserTest {
  private static final Position AT = new Position("m.yaml", 4, 9);

  private static Value parse(String text) {
    return ExpressionParser.parse(text, AT);
  }

  private static Value.Template template(String text) {
    Value v = parse(text);
    assertThat(v).isInstanceOf(Value.Template.class);
    return (Value.Template) v;
  }

  @Test
  void textWithoutExpressionsStaysAString() {
    assertThat(parse("s3://bucket/path")).isEqualTo(new Value.Str("s3://bucket/path"));
    assertThat(parse("cost: $5 {approx}")).isEqualTo(new Value.Str("cost: $5 {approx}"));
    assertThat(parse("")).isEqualTo(new Value.Str(""));
  }

  @Test
  void aVariable() {
    Value.Template t = template("${var.bucket_path}");
    assertThat(t.parts()).containsExactly(new TemplatePart.Ref(Reference.var("bucket_path")));
    assertThat(t.isSingleReference()).isTrue();
    assertThat(t.source()).isEqualTo("${var.bucket_path}");
  }

  @Test
  void anEnvironmentVariableMayUseUppercase() {
    Value.Template t = template("${env.AWS_REGION}");
    assertThat(t.parts()).containsExactly(new TemplatePart.Ref(Reference.env("AWS_REGION")));
  }

  @Test
  void aResourceAttribute() {
    Value.Template t = template("${schema.demo_profile.id}");
    assertThat(t.parts())
        .containsExactly(new TemplatePart.Ref(Reference.resource("schema", "demo_profile", "id")));
  }

  @Test
  void spacesInsideTheBracesAreAllowed() {
    Value.Template t = template("${ var.x }");
    assertThat(t.parts()).containsExactly(new TemplatePart.Ref(Reference.var("x")));
  }

  @Test
  void literalTextAroundExpressionsIsKeptInOrder() {
    Value.Template t = template("s3://${var.bucket}/in/${env.DAY}.csv");
    assertThat(t.parts())
        .containsExactly(
            new TemplatePart.Literal("s3://"),
            new TemplatePart.Ref(Reference.var("bucket")),
            new TemplatePart.Literal("/in/"),
            new TemplatePart.Ref(Reference.env("DAY")),
            new TemplatePart.Literal(".csv"));
    assertThat(t.isSingleReference()).isFalse();
  }

  @Test
  void twoAdjacentExpressions() {
    Value.Template t = template("${var.a}${var.b}");
    assertThat(t.parts())
        .containsExactly(
            new TemplatePart.Ref(Reference.var("a")), new TemplatePart.Ref(Reference.var("b")));
  }

  @Test
  void doubleDollarWritesALiteralExpression() {
    assertThat(parse("$${var.x}")).isEqualTo(new Value.Str("${var.x}"));
    assertThat(parse("a $${b} c")).isEqualTo(new Value.Str("a ${b} c"));
  }

  @Test
  void anEscapeNextToARealExpression() {
    Value.Template t = template("$${literal}-${var.x}");
    assertThat(t.parts())
        .containsExactly(
            new TemplatePart.Literal("${literal}-"), new TemplatePart.Ref(Reference.var("x")));
    assertThat(t.source()).isEqualTo("$${literal}-${var.x}");
  }

  @Test
  void anUnterminatedExpressionIsAnErrorAtItsPosition() {
    assertThatThrownBy(() -> parse("${var.x"))
        .isInstanceOf(ManifestException.class)
        .hasMessage("m.yaml:4:9: unterminated expression in \"${var.x\": add '}'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${}",
        "${var}",
        "${var.}",
        "${env.1X}",
        "${schema.demo}",
        "${schema.Demo.id}",
        "${schema.demo.id.extra}",
        "${schema.demo-x.id}",
        "${1schema.demo.id}",
        "${upper(var.x)}"
      })
  void invalidExpressionsAreErrorsThatExplainTheForms(String text) {
    assertThatThrownBy(() -> parse("prefix " + text))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("m.yaml:4:9: invalid expression")
        .hasMessageContaining("${var.NAME}, ${env.NAME}, ${platform.tenantId} or")
        .hasMessageContaining("${kind.name.attribute}")
        .hasMessageContaining("$${");
  }

  @Test
  void theInvalidExpressionIsQuotedInTheMessage() {
    assertThatThrownBy(() -> parse("${schema.demo}")).hasMessageContaining("\"${schema.demo}\"");
  }

  @Test
  void aManifestExceptionCarriesOneProblem() {
    try {
      parse("${nope}");
    } catch (ManifestException e) {
      assertThat(e.problems()).hasSize(1);
      assertThat(e.problems().get(0).position()).isEqualTo(AT);
      assertThat(e.problems().get(0).isError()).isTrue();
      return;
    }
    throw new AssertionError("no exception");
  }

  @Test
  void templatesAreImmutableCopies() {
    List<TemplatePart> parts = template("${var.a}-x").parts();
    assertThatThrownBy(() -> parts.add(new TemplatePart.Literal("y")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void platformFactsAreNamedAndAMisspeltOneIsSuggested() {
    Value v = parse("_${platform.tenantId}");
    assertThat(v).isInstanceOf(Value.Template.class);
    assertThatThrownBy(() -> parse("${platform.tenantid}"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("unknown platform fact")
        .hasMessageContaining("did you mean 'tenantId'");
  }
}
