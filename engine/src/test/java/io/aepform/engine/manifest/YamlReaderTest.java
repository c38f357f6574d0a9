package io.aepform.engine.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlReaderTest {
  @TempDir Path dir;

  private static YamlDocument one(String yaml) {
    List<YamlDocument> docs = YamlReader.read(yaml, "m.yaml");
    assertThat(docs).hasSize(1);
    return docs.get(0);
  }

  private static Value at(YamlDocument doc, String pointer) {
    return Values.at(doc.root(), pointer).orElseThrow();
  }

  private static ManifestException failure(String yaml) {
    try {
      YamlReader.read(yaml, "m.yaml");
    } catch (ManifestException e) {
      return e;
    }
    throw new AssertionError("expected a ManifestException for:\n" + yaml);
  }

  @Test
  void positionsAreOneBasedLinesAndColumns() {
    YamlDocument doc =
        one(
            """
            kind: schema
            name: demo
            spec:
              title: Demo
              allOf:
                - $ref: https://ns.adobe.com/xdm/context/profile
            """);

    assertThat(doc.start()).isEqualTo(new Position("m.yaml", 1, 1));
    assertThat(doc.valueAt("/kind")).isEqualTo(new Position("m.yaml", 1, 7));
    assertThat(doc.keyAt("/name")).isEqualTo(new Position("m.yaml", 2, 1));
    assertThat(doc.valueAt("/spec/title")).isEqualTo(new Position("m.yaml", 4, 10));
    assertThat(doc.keyAt("/spec/title")).isEqualTo(new Position("m.yaml", 4, 3));
    assertThat(doc.valueAt("/spec/allOf/0")).isEqualTo(new Position("m.yaml", 6, 7));
    assertThat(doc.valueAt("/spec/allOf/0/$ref")).isEqualTo(new Position("m.yaml", 6, 13));
    assertThat(doc.valueAt("/spec/title").toString()).isEqualTo("m.yaml:4:10");
  }

  @Test
  void aPointerWithoutPositionFallsBackToItsNearestParent() {
    YamlDocument doc = one("kind: schema\nspec:\n  title: Demo\n");
    assertThat(doc.valueAt("/spec/not/there")).isEqualTo(doc.valueAt("/spec"));
    assertThat(doc.keyAt("/spec/missing")).isEqualTo(doc.valueAt("/spec"));
    assertThat(doc.valueAt("/nothing")).isEqualTo(doc.valueAt(""));
  }

  @Test
  void everyDocumentOfAFileIsReadAndEmptyOnesSkipped() {
    List<YamlDocument> docs =
        YamlReader.read("---\nkind: a\n---\n---\n# only a comment\n---\nkind: b\n", "m.yaml");
    assertThat(docs).hasSize(2);
    assertThat(at(docs.get(0), "/kind")).isEqualTo(Values.str("a"));
    assertThat(at(docs.get(1), "/kind")).isEqualTo(Values.str("b"));
    assertThat(docs.get(1).start().line()).isEqualTo(7);
  }

  @Test
  void scalarsGetTheirYamlTypes() {
    YamlDocument doc =
        one(
            """
            int: 1000
            under: 1_000
            float: 1.50
            yes_bool: true
            no_bool: False
            nothing: null
            tilde: ~
            quoted_number: "1000"
            quoted_bool: 'true'
            text: hello
            hex: 0x1F
            """);

    assertThat(at(doc, "/int")).isEqualTo(Value.Num.of(1000));
    assertThat(at(doc, "/under")).isEqualTo(Value.Num.of(1000));
    assertThat(at(doc, "/float")).isEqualTo(new Value.Num(new BigDecimal("1.5")));
    assertThat(at(doc, "/yes_bool")).isEqualTo(new Value.Bool(true));
    assertThat(at(doc, "/no_bool")).isEqualTo(new Value.Bool(false));
    assertThat(at(doc, "/nothing")).isEqualTo(Value.Null.INSTANCE);
    assertThat(at(doc, "/tilde")).isEqualTo(Value.Null.INSTANCE);
    assertThat(at(doc, "/quoted_number")).isEqualTo(Values.str("1000"));
    assertThat(at(doc, "/quoted_bool")).isEqualTo(Values.str("true"));
    assertThat(at(doc, "/text")).isEqualTo(Values.str("hello"));
    assertThat(at(doc, "/hex")).isEqualTo(Values.str("0x1F"));
  }

  @Test
  void yamlOneOneTrueWordsAreNotReadAsFalse() {
    YamlDocument doc = one("a: yes\nb: on\nc: Yes\n");
    for (String p : List.of("/a", "/b", "/c")) {
      assertThat(at(doc, p)).as(p).isNotEqualTo(new Value.Bool(false));
    }
  }

  @Test
  void stringsWithExpressionsBecomeTemplates() {
    YamlDocument doc = one("a: ${var.bucket}\nb: plain\nc: $${literal}\n");
    assertThat(at(doc, "/a")).isInstanceOf(Value.Template.class);
    assertThat(at(doc, "/b")).isEqualTo(Values.str("plain"));
    assertThat(at(doc, "/c")).isEqualTo(Values.str("${literal}"));
  }

  @Test
  void keysAreNotParsedAsExpressions() {
    YamlDocument doc = one("\"${x}\": 1\n");
    assertThat(((Value.Obj) doc.root()).fields()).containsOnlyKeys("${x}");
  }

  @Test
  void aDuplicateKeyIsRefusedAtTheSecondKey() {
    ManifestException e = failure("kind: schema\nname: a\nname: b\n");
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).position()).isEqualTo(new Position("m.yaml", 3, 1));
    assertThat(e.getMessage()).isEqualTo("m.yaml:3:1: duplicate key 'name'");
  }

  @Test
  void aNestedDuplicateKeyIsRefusedToo() {
    ManifestException e = failure("spec:\n  title: a\n  type: object\n  title: b\n");
    assertThat(e.getMessage()).contains("m.yaml:4:3").contains("duplicate key 'title'");
  }

  @Test
  void aLineOutOfLineIsCalledAnIndentationProblem() {
    assertThatThrownBy(
            () -> YamlReader.read("kind: schema\nspec:\n    title: x\n  type: object\n", "m.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessage(
            "m.yaml:4:3: invalid YAML: bad indentation: line 4 is indented unlike the lines it"
                + " belongs with (in the mapping that starts at line 1, column 1): indent it as far"
                + " as its siblings");
    assertThatThrownBy(() -> YamlReader.read("spec:\n  allOf:\n    - a: 1\n   - b: 2\n", "m.yaml"))
        .hasMessage(
            "m.yaml:4:4: invalid YAML: bad indentation: line 4 is indented unlike the lines it"
                + " belongs with (in the mapping that starts at line 2, column 3): indent it as far"
                + " as its siblings");
  }

  @Test
  void mergeKeysAreRefused() {
    ManifestException e =
        failure(
            """
            base: &base
              type: object
            spec:
              <<: *base
              title: x
            """);
    assertThat(e.getMessage()).contains("m.yaml:4:3").contains("merge keys (<<) are not supported");
  }

  @Test
  void aFewAliasesAreFine() {
    YamlDocument doc = one("a: &x {k: v}\nb: *x\nc: &s text\nd: *s\n");
    assertThat(at(doc, "/b/k")).isEqualTo(Values.str("v"));
    assertThat(at(doc, "/d")).isEqualTo(Values.str("text"));
  }

  @Test
  void anAliasBombWithManyAliasesIsRefused() {
    StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char prev = (char) (c - 1);
      yaml.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        yaml.append(i == 0 ? "" : ", ").append('*').append(prev);
      }
      yaml.append("]\n");
    }
    ManifestException e = failure(yaml.toString());
    assertThat(e.getMessage()).startsWith("m.yaml").containsIgnoringCase("alias");
  }

  @Test
  void anAliasBombWithinTheAliasLimitIsStoppedByTheValueLimit() {
    // 10 levels of 5 aliases: 50 aliases, but 5^10 values once expanded.
    StringBuilder yaml = new StringBuilder("l0: &l0 [x, x, x, x, x]\n");
    for (int level = 1; level <= 10; level++) {
      String prev = "*l" + (level - 1);
      yaml.append("l").append(level).append(": &l").append(level).append(" [");
      yaml.append(String.join(", ", List.of(prev, prev, prev, prev, prev))).append("]\n");
    }
    long start = System.nanoTime();
    ManifestException e = failure(yaml.toString());
    assertThat(e.getMessage()).startsWith("m.yaml:").contains("over 200000 values");
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
  }

  @Test
  void deepNestingIsRefused() {
    String yaml = "a: " + "[".repeat(100) + "]".repeat(100) + "\n";
    ManifestException e = failure(yaml);
    assertThat(e.getMessage()).startsWith("m.yaml").containsIgnoringCase("nest");
    assertThat(e.problems().get(0).position().line()).isEqualTo(1);
  }

  @Test
  void reasonableNestingIsFine() {
    String yaml = "a: " + "[".repeat(40) + "1" + "]".repeat(40) + "\n";
    YamlDocument doc = one(yaml);
    assertThat(Values.at(doc.root(), "/a" + "/0".repeat(40))).contains(Value.Num.of(1));
  }

  @Test
  void malformedYamlIsReportedWithItsPosition() {
    ManifestException e = failure("kind: schema\nspec:\n  title: [unclosed\nname: x\n");
    Position at = e.problems().get(0).position();
    assertThat(at.file()).isEqualTo("m.yaml");
    assertThat(at.line()).isGreaterThanOrEqualTo(3);
    assertThat(at.column()).isGreaterThan(0);
    assertThat(e.getMessage()).contains("invalid YAML").doesNotContain("\n");
  }

  @Test
  void aTabIndentIsInvalidYamlWithAPosition() {
    ManifestException e = failure("spec:\n\ttitle: x\n");
    assertThat(e.problems().get(0).position().line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("invalid YAML");
  }

  @Test
  void complexKeysAreRefused() {
    ManifestException e = failure("? [a, b]\n: value\n");
    assertThat(e.getMessage()).contains("keys must be plain strings");
  }

  @Test
  void filesAreReadWithTheirDisplayName() throws IOException {
    Path file = dir.resolve("schema.yaml");
    Files.writeString(file, "kind: schema\nname: démo\n", StandardCharsets.UTF_8);
    List<YamlDocument> docs = YamlReader.read(file, "schema.yaml");
    assertThat(docs.get(0).valueAt("/name")).isEqualTo(new Position("schema.yaml", 2, 7));
    assertThat(Values.at(docs.get(0).root(), "/name")).contains(Values.str("démo"));
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedBeforeParsing() throws IOException {
    Path file = dir.resolve("big.yaml");
    byte[] content = new byte[(int) YamlReader.MAX_FILE_BYTES + 1];
    Arrays.fill(content, (byte) '#');
    Files.write(file, content);

    assertThatThrownBy(() -> YamlReader.read(file, "big.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("big.yaml: ")
        .hasMessageContaining("over the limit")
        .hasMessageContaining("split it up");
  }

  @Test
  void aFileAtTheSizeLimitIsRead() throws IOException {
    Path file = dir.resolve("big.yaml");
    StringBuilder sb = new StringBuilder("kind: schema\n");
    String line = "# " + "x".repeat(77) + "\n";
    while (sb.length() + line.length() <= YamlReader.MAX_FILE_BYTES) {
      sb.append(line);
    }
    sb.append("#".repeat((int) YamlReader.MAX_FILE_BYTES - sb.length() - 1)).append('\n');
    Files.writeString(file, sb);
    assertThat(Files.size(file)).isEqualTo(YamlReader.MAX_FILE_BYTES);
    assertThat(YamlReader.read(file, "big.yaml")).hasSize(1);
  }

  @Test
  void invalidUtf8IsRefused() throws IOException {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
    assertThatThrownBy(() -> YamlReader.read(file, "latin1.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessage("latin1.yaml: file is not valid UTF-8");
  }

  @Test
  void aMissingFileIsAManifestError() {
    assertThatThrownBy(() -> YamlReader.read(dir.resolve("nope.yaml"), "nope.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("nope.yaml: cannot read file");
  }
}
