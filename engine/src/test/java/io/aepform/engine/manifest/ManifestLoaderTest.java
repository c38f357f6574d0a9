package io.aepform.engine.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aepform.engine.provider.Kinds;
import io.aepform.engine.provider.Specs;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestLoaderTest {
  private static final String SCHEMA =
      """
      kind: schema
      name: demo
      spec:
        title: Demo
        allOf:
          - $ref: https://ns.adobe.com/xdm/context/profile
      """;
  private static final String DATASET =
      """
      kind: dataset
      name: leads
      spec:
        schemaRef:
          id: ${schema.demo.id}
          contentType: application/vnd.adobe.xed-full+json;version=1
      """;

  @TempDir Path dir;

  private final ManifestLoader loader = new ManifestLoader(Kinds.all(Clock.systemUTC()));

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  private String file(String name) {
    return dir.resolve(name).toString();
  }

  private Configuration load() {
    return loader.load(dir);
  }

  private List<Problem> problems() {
    try {
      loader.load(dir);
    } catch (ManifestException e) {
      return e.problems();
    }
    throw new AssertionError("expected the configuration to be refused");
  }

  private List<String> messages() {
    return problems().stream().map(Problem::toString).toList();
  }

  private static List<String> addresses(Configuration config) {
    return config.resources().stream().map(r -> r.address().toString()).toList();
  }

  @Test
  void readsYamlAndYmlFilesSortedByNameNotRecursiveWithoutDotFiles() throws IOException {
    write("b.yaml", "kind: schema\nname: b\nspec: {}\n");
    write("a.yml", "kind: schema\nname: a\nspec: {}\n");
    write("c.yaml", "kind: schema\nname: c\nspec: {}\n");
    write(".hidden.yaml", "kind: nonsense\n");
    write("notes.txt", "kind: nonsense\n");
    write("yaml", "kind: nonsense\n");
    write("sub/d.yaml", "kind: nonsense\n");
    write("environments/dev.yaml", "sandbox: dev\n");
    Files.createDirectories(dir.resolve("dir.yaml"));

    assertThat(ManifestLoader.manifestFiles(dir))
        .containsExactly(dir.resolve("a.yml"), dir.resolve("b.yaml"), dir.resolve("c.yaml"));
    assertThat(addresses(load())).containsExactly("schema.a", "schema.b", "schema.c");
  }

  @Test
  void documentsOfOneFileKeepTheirOrder() throws IOException {
    write("all.yaml", "kind: schema\nname: z\nspec: {}\n---\nkind: schema\nname: a\nspec: {}\n");
    assertThat(addresses(load())).containsExactly("schema.z", "schema.a");
  }

  @Test
  void aMissingDirectoryIsAnError() {
    assertThatThrownBy(() -> loader.load(dir.resolve("nope")))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("configuration directory not found");
  }

  @Test
  void aDirectoryWithoutManifestsIsAnError() throws IOException {
    write(".only-hidden.yaml", SCHEMA);
    assertThatThrownBy(this::load)
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("no *.yaml manifest files");
  }

  @Test
  void aValidResourceIsDeclaredWithItsSpecDependenciesAndPositions() throws IOException {
    write("1-schema.yaml", SCHEMA);
    write("2-dataset.yaml", DATASET);

    Configuration config = load();

    ResourceDecl dataset = config.resource(new Address("dataset", "leads")).orElseThrow();
    assertThat(dataset.kind()).isEqualTo("dataset");
    assertThat(dataset.name()).isEqualTo("leads");
    assertThat(dataset.position()).isEqualTo(new Position(file("2-dataset.yaml"), 1, 1));
    assertThat(dataset.specPosition("/schemaRef/id"))
        .isEqualTo(new Position(file("2-dataset.yaml"), 5, 9));
    assertThat(dataset.dependencies())
        .containsExactly(
            new Dependency(
                new Address("schema", "demo"),
                new Position(file("2-dataset.yaml"), 5, 9),
                "${schema.demo.id}"));
    assertThat(dataset.lifecycle()).isEqualTo(Lifecycle.defaults());
    assertThat(config.warnings()).isEmpty();
  }

  @Test
  void kindRulesPrepareTheSpecWhenItLoads() throws IOException {
    write(
        "conn.yaml",
        """
        kind: connection
        name: s3
        spec:
          connectionSpec:
            id: amazon-s3
        """);

    Value spec = load().resources().get(0).spec();

    assertThat(Values.at(spec, "/connectionSpec/id")).contains(Values.str(Specs.AMAZON_S3));
    assertThat(Values.at(spec, "/connectionSpec/version")).contains(Values.str("1.0"));
    assertThat(Values.at(spec, "/name")).contains(Values.str("s3"));
  }

  @Test
  void anUnknownKindListsTheKnownOnesAtTheKindValue() throws IOException {
    write("x.yaml", "kind: bucket\nname: x\nspec: {}\n");
    assertThat(messages())
        .containsExactly(
            file("x.yaml")
                + ":1:7: unknown kind 'bucket': expected one of [connection, dataType, dataset,"
                + " descriptor, fieldGroup, flow, identityNamespace, import, mappingSet,"
                + " mergePolicy, moved, output, removed, schema, sourceConnection,"
                + " targetConnection, variable]");
  }

  @Test
  void badNamesAreRefusedAtTheName() throws IOException {
    write(
        "x.yaml",
        "kind: schema\nname: Demo\nspec: {}\n---\nkind: schema\nname: 1st\nspec: {}\n---\n"
            + "kind: schema\nname: my-schema\nspec: {}\n---\nkind: schema\nname: schema.x\nspec: {}\n");
    List<Problem> problems = problems();
    assertThat(problems).hasSize(4);
    assertThat(problems.get(0).toString())
        .isEqualTo(
            file("x.yaml")
                + ":2:7: invalid name 'Demo': use lowercase letters, digits and _, starting with"
                + " a letter");
    assertThat(problems).extracting(p -> p.position().line()).containsExactly(2, 6, 10, 14);
  }

  @Test
  void kindAndNameMustBePresentAndPlainStrings() throws IOException {
    write(
        "x.yaml", "name: a\nspec: {}\n---\nkind: schema\nspec: {}\n---\nkind: schema\nname: 12\n");
    assertThat(messages())
        .containsExactly(
            file("x.yaml") + ":1:1: missing 'kind'",
            file("x.yaml") + ":4:1: missing 'name'",
            file("x.yaml") + ":8:7: 'name' must be a plain string");
  }

  @Test
  void aNameThatIsAnExpressionIsRefused() throws IOException {
    write("x.yaml", "kind: schema\nname: ${var.n}\nspec: {}\n");
    assertThat(messages()).containsExactly(file("x.yaml") + ":2:7: 'name' must be a plain string");
  }

  @Test
  void aDocumentThatIsNotAMappingIsRefused() throws IOException {
    write("x.yaml", "- kind: schema\n- name: a\n");
    assertThat(messages())
        .containsExactly(
            file("x.yaml") + ":1:1: a document must be a mapping with 'kind' and 'name'");
  }

  @Test
  void aDuplicateAddressNamesTheFirstDeclaration() throws IOException {
    write("a.yaml", SCHEMA);
    write("b.yaml", "# again\n" + SCHEMA);
    assertThat(messages())
        .containsExactly(
            file("b.yaml")
                + ":3:7: duplicate schema.demo, first declared at "
                + file("a.yaml")
                + ":2:7");
  }

  @Test
  void theSameNameInTwoKindsIsFine() throws IOException {
    write(
        "a.yaml",
        "kind: schema\nname: leads\nspec: {}\n---\nkind: dataset\nname: leads\nspec: {}\n");
    assertThat(addresses(load())).containsExactly("schema.leads", "dataset.leads");
  }

  @Test
  void duplicateVariablesAndOutputsAreRefused() throws IOException {
    write(
        "v.yaml",
        "kind: variable\nname: v\n---\nkind: variable\nname: v\n---\n"
            + "kind: output\nname: o\nvalue: x\n---\nkind: output\nname: o\nvalue: y\n");
    assertThat(messages())
        .containsExactly(
            file("v.yaml")
                + ":5:7: duplicate variable.v, first declared at "
                + file("v.yaml")
                + ":2:7",
            file("v.yaml")
                + ":12:7: duplicate output.o, first declared at "
                + file("v.yaml")
                + ":8:7");
  }

  @Test
  void unknownTopLevelKeysAreRefusedAtTheKey() throws IOException {
    write("x.yaml", "kind: schema\nname: demo\nspecs: {}\nspec: {}\ndepends_on: []\n");
    assertThat(messages())
        .containsExactly(
            file("x.yaml")
                + ":3:1: unknown key 'specs': expected one of [dependsOn, kind, lifecycle, name,"
                + " spec]",
            file("x.yaml")
                + ":5:1: unknown key 'depends_on': expected one of [dependsOn, kind, lifecycle,"
                + " name, spec]");
  }

  @Test
  void unknownKeysOfVariablesAndOutputsAreRefused() throws IOException {
    write(
        "x.yaml",
        "kind: variable\nname: v\ntype: string\n---\nkind: output\nname: o\nvalue: x\nformat: y\n");
    assertThat(messages())
        .containsExactly(
            file("x.yaml")
                + ":3:1: unknown key 'type': expected one of [default, description, kind, name,"
                + " sensitive]",
            file("x.yaml")
                + ":8:1: unknown key 'format': expected one of [description, kind, name,"
                + " sensitive, value]");
  }

  @Test
  void aResourceWithoutASpecMappingIsRefused() throws IOException {
    write("x.yaml", "kind: schema\nname: a\n---\nkind: dataset\nname: b\nspec: [x]\n");
    assertThat(messages())
        .containsExactly(
            file("x.yaml") + ":1:1: schema.a needs a 'spec' mapping",
            file("x.yaml") + ":6:1: dataset.b needs a 'spec' mapping");
  }

  @Test
  void dependsOnAddsOrderingEdges() throws IOException {
    write("a.yaml", SCHEMA);
    write("b.yaml", "kind: dataset\nname: leads\ndependsOn: [schema.demo]\nspec: {}\n");

    ResourceDecl dataset = load().resource(new Address("dataset", "leads")).orElseThrow();

    assertThat(dataset.dependencies())
        .containsExactly(
            new Dependency(
                new Address("schema", "demo"), new Position(file("b.yaml"), 3, 13), "dependsOn"));
  }

  @Test
  void dependsOnMustBeAListOfAddresses() throws IOException {
    write("a.yaml", SCHEMA);
    write(
        "b.yaml",
        "kind: dataset\nname: a\ndependsOn: schema.demo\nspec: {}\n---\n"
            + "kind: dataset\nname: b\ndependsOn:\n  - schema\n  - 3\n  - schema.demo.id\n"
            + "spec: {}\n");
    assertThat(messages())
        .containsExactly(
            file("b.yaml") + ":3:12: dependsOn must be a list of addresses",
            file("b.yaml") + ":9:5: dependsOn entries are addresses such as dataset.leads",
            file("b.yaml") + ":10:5: dependsOn entries are addresses such as dataset.leads",
            file("b.yaml") + ":11:5: dependsOn entries are addresses such as dataset.leads");
  }

  @Test
  void dependsOnMustNameADeclaredResource() throws IOException {
    write("b.yaml", "kind: dataset\nname: b\ndependsOn:\n  - schema.ghost\nspec: {}\n");
    assertThat(messages())
        .containsExactly(
            file("b.yaml") + ":4:5: dependsOn names schema.ghost, which is not declared");
  }

  @Test
  void lifecycleIsRead() throws IOException {
    write(
        "a.yaml",
        SCHEMA + "lifecycle:\n  preventDestroy: true\n  ignoreChanges: [/description, /meta~1x]\n");
    assertThat(load().resources().get(0).lifecycle())
        .isEqualTo(new Lifecycle(true, List.of("/description", "/meta~1x")));
  }

  @Test
  void lifecycleMistakesAreEachReported() throws IOException {
    write(
        "a.yaml",
        """
        kind: schema
        name: a
        spec: {}
        lifecycle:
          preventDestroy: "yes please"
          ignoreChanges: [description, /title, 3]
          createBeforeDestroy: true
        ---
        kind: schema
        name: b
        spec: {}
        lifecycle: [preventDestroy]
        ---
        kind: schema
        name: c
        spec: {}
        lifecycle:
          ignoreChanges: /title
        """);
    assertThat(messages())
        .containsExactly(
            file("a.yaml") + ":5:19: preventDestroy must be true or false",
            file("a.yaml")
                + ":6:19: ignoreChanges entries are JSON Pointers into spec, such as /description",
            file("a.yaml")
                + ":6:40: ignoreChanges entries are JSON Pointers into spec, such as /description",
            file("a.yaml")
                + ":7:3: unknown key 'createBeforeDestroy': expected preventDestroy or"
                + " ignoreChanges",
            file("a.yaml") + ":12:12: lifecycle must be a mapping",
            file("a.yaml") + ":18:18: ignoreChanges must be a list of JSON Pointers");
  }

  @Test
  void aReferenceToAnUndeclaredResourceIsRefusedWhereItIsWritten() throws IOException {
    write("b.yaml", DATASET);
    assertThat(messages())
        .containsExactly(
            file("b.yaml")
                + ":5:9: ${schema.demo.id} refers to schema.demo, which is not declared");
  }

  /** Issue 14 section 6: a misspelt address or variable names the declared one nearest. */
  @Test
  void aMisspeltReferenceSuggestsTheDeclaredAddressOrVariable() throws IOException {
    write("a.yaml", SCHEMA + "---\nkind: variable\nname: bucket_path\n");
    write(
        "b.yaml",
        DATASET.replace("${schema.demo.id}", "${schema.demos.id}")
            + "  description: ${var.bucket_pth}\n");
    assertThat(messages())
        .containsExactlyInAnyOrder(
            file("b.yaml")
                + ":5:9: ${schema.demos.id} refers to schema.demos, which is not declared: did you"
                + " mean schema.demo?",
            file("b.yaml")
                + ":7:16: ${var.bucket_pth} names an undeclared variable: did you mean"
                + " ${var.bucket_path}? If not, add a document 'kind: variable, name: bucket_pth'");
  }

  @Test
  void aReferenceToAnUnknownAttributeListsTheAttributes() throws IOException {
    write("a.yaml", SCHEMA);
    write("b.yaml", DATASET.replace("${schema.demo.id}", "${schema.demo.name}"));
    assertThat(messages())
        .containsExactly(
            file("b.yaml")
                + ":5:9: ${schema.demo.name}: schema has no attribute 'name', expected one of"
                + " [altId, id, title]");
  }

  @Test
  void aReferenceToAnUnknownKindIsRefused() throws IOException {
    write("b.yaml", DATASET.replace("${schema.demo.id}", "${bucket.demo.id}"));
    assertThat(messages())
        .singleElement()
        .asString()
        .startsWith(file("b.yaml") + ":5:9: ${bucket.demo.id}: unknown kind 'bucket'");
  }

  @Test
  void aReferenceToAnUndeclaredVariableIsRefused() throws IOException {
    write(
        "a.yaml",
        "kind: sourceConnection\nname: src\nspec:\n  params:\n    path: ${var.bucket_path}/in\n");
    assertThat(messages())
        .containsExactly(
            file("a.yaml")
                + ":5:11: ${var.bucket_path} names an undeclared variable: add a document 'kind:"
                + " variable, name: bucket_path'");
  }

  @Test
  void aVariableReadLikeAnAttributeIsRefused() throws IOException {
    write(
        "a.yaml",
        "kind: variable\nname: a\n---\nkind: dataset\nname: d\nspec:\n  description: ${var.a.b}\n");
    assertThat(messages())
        .singleElement()
        .asString()
        .startsWith(file("a.yaml") + ":7:16: ${var.a.b}");
  }

  @Test
  void declaredVariablesAreAccepted() throws IOException {
    write(
        "a.yaml",
        """
        kind: variable
        name: bucket_path
        default: partners-demo/samples
        description: where the files are
        sensitive: false
        ---
        kind: variable
        name: password
        sensitive: true
        ---
        kind: sourceConnection
        name: src
        spec:
          params:
            path: ${var.bucket_path}/in
        """);

    Configuration config = load();

    VariableDecl bucket = config.variablesByName().get("bucket_path");
    assertThat(bucket.defaultValue()).contains(Values.str("partners-demo/samples"));
    assertThat(bucket.description()).isEqualTo("where the files are");
    assertThat(bucket.sensitive()).isFalse();
    assertThat(bucket.position()).isEqualTo(new Position(file("a.yaml"), 1, 1));
    VariableDecl password = config.variablesByName().get("password");
    assertThat(password.sensitive()).isTrue();
    assertThat(password.defaultValue()).isEmpty();
  }

  @Test
  void variableFlagsAndTextsMustHaveTheirTypes() throws IOException {
    write("a.yaml", "kind: variable\nname: v\nsensitive: \"true\"\ndescription: [x]\n");
    assertThat(messages())
        .containsExactly(
            file("a.yaml") + ":4:14: 'description' must be a string",
            file("a.yaml") + ":3:12: 'sensitive' must be true or false");
  }

  @Test
  void outputsNeedAValueAndTheirReferencesAreChecked() throws IOException {
    write("a.yaml", SCHEMA);
    write(
        "o.yaml",
        """
        kind: output
        name: no_value
        ---
        kind: output
        name: ghost
        value: ${dataset.ghost.id}
        ---
        kind: output
        name: schema_id
        value: ${schema.demo.id}
        sensitive: true
        """);
    assertThat(messages())
        .containsExactly(
            file("o.yaml") + ":1:1: output.no_value needs a 'value'",
            file("o.yaml")
                + ":4:1: ${dataset.ghost.id} refers to dataset.ghost, which is not declared");
  }

  @Test
  void validOutputsAreDeclared() throws IOException {
    write("a.yaml", SCHEMA);
    write("o.yaml", "kind: output\nname: schema_id\nvalue: ${schema.demo.id}\nsensitive: true\n");
    OutputDecl output = load().outputs().get(0);
    assertThat(output.name()).isEqualTo("schema_id");
    assertThat(output.sensitive()).isTrue();
    assertThat(output.value()).isInstanceOf(Value.Template.class);
  }

  @Test
  void everyProblemOfEveryFileIsReportedTogether() throws IOException {
    write("a.yaml", "kind: schema\nname: a\nspec: [\n");
    write("b.yaml", "kind: bucket\nname: b\nspec: {}\n");
    write("c.yaml", "kind: dataset\nname: c\nspec:\n  description: ${schema.nope.id}\n");

    ManifestException e = assertThrows();

    assertThat(e.problems()).hasSize(3);
    assertThat(e.problems().get(0).position().file()).isEqualTo(file("a.yaml"));
    assertThat(e.problems().get(0).message()).startsWith("invalid YAML");
    assertThat(e.problems().get(1).position().file()).isEqualTo(file("b.yaml"));
    assertThat(e.problems().get(2).position().file()).isEqualTo(file("c.yaml"));
    assertThat(e.getMessage())
        .endsWith("(and 2 more: aepform validate lists them all)")
        .doesNotContain("\n");
  }

  @Test
  void aYamlErrorInOneFileStillChecksTheOthers() throws IOException {
    write("a.yaml", "kind: schema\nname: a\nname: b\nspec: {}\n");
    write("b.yaml", SCHEMA);
    assertThat(messages()).containsExactly(file("a.yaml") + ":3:1: duplicate key 'name'");
  }

  private ManifestException assertThrows() {
    try {
      load();
    } catch (ManifestException e) {
      return e;
    }
    throw new AssertionError("expected the configuration to be refused");
  }
}
