package io.aepform.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aepform.engine.ConfigRequest;
import io.aepform.engine.Engine;
import io.aepform.engine.ValidationResult;
import io.aepform.engine.kind.EditorSchema;
import io.aepform.engine.kind.Kind;
import io.aepform.engine.manifest.ManifestLoader;
import io.aepform.engine.manifest.VariableValues;
import io.aepform.engine.provider.Kinds;
import io.aepform.engine.value.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps docs/schema/aepform-manifest.schema.json in step with aepform's own validation: the
 * examples validate, the schema-level cases of the bad-input corpus are rejected, and for every
 * kind the schema and the kind's handler give the same verdict on the required fields and the
 * declared types.
 *
 * <p>The handlers declare their fields in a package-private {@code SpecShape}, and engine code is
 * not to grow an accessor for a test. So the test asks the handlers through their public {@link
 * Kind} rules instead: it takes a complete sample spec per kind, removes or retypes every field in
 * turn, and checks that {@code check(normalize(prepare(spec)))} and the schema agree. A field a
 * handler starts to require, or a type it starts to declare, makes the samples or the mutations
 * disagree and fails here.
 */
class ManifestJsonSchemaTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Path EXAMPLES = ManifestSchema.REPO.resolve("examples");
  private static final Path BAD = ManifestSchema.REPO.resolve("cli/src/test/resources/bad");
  private static final ManifestSchema SCHEMA = ManifestSchema.load();

  /** Corpus cases about the shape of one document: the schema must reject them. */
  private static final Set<String> SCHEMA_LEVEL =
      Set.of(
          "bad-frequency",
          "bad-lifecycle",
          "bad-name",
          "missing-required-field",
          "not-a-mapping",
          "unknown-kind",
          "unknown-top-level-key",
          "wrong-field-type",
          "unknown-field",
          "unknown-alias",
          "wrong-shape");

  /**
   * Corpus cases about more than one document, the values of expressions, environments or
   * variables, or limits of the reader: every document is well-shaped, so the schema accepts them.
   */
  private static final Set<String> BEYOND_SCHEMA =
      Set.of(
          "bad-depends-on",
          "bad-environment-file",
          "bad-platform",
          "connection-spec-mismatch",
          "unknown-auth-spec-name",
          "wrong-reference-kind",
          "cycle",
          "dangling-reference",
          "duplicate-address",
          "invalid-expression",
          "missing-environment",
          "reference-typo",
          "several-unset-env",
          "undeclared-variable",
          "unknown-attribute",
          "unset-env",
          "unset-variable",
          "unterminated-expression",
          "var-for-undeclared",
          "variable-typo");

  /**
   * Corpus cases refused while reading YAML, before any document exists to check: not judged here
   * (deep-nesting happens to lack a required field too, which is not what it tests).
   */
  private static final Set<String> NOT_DOCUMENTS =
      Set.of(
          "alias-bomb",
          "bad-indentation",
          "deep-nesting",
          "duplicate-key",
          "empty-dir",
          "malformed-yaml");

  /** A complete spec per kind (several for kinds with conditional rules), every field filled. */
  private static final Map<String, List<String>> SAMPLES =
      Map.ofEntries(
          Map.entry(
              "identityNamespace",
              List.of(
                  """
              name: Loyalty Member
              code: Loyalty
              idType: Cross_device
              description: loyalty program members
              """)),
          Map.entry(
              "dataType",
              List.of(
                  """
              title: Address
              description: a postal address
              type: object
              properties:
                street: {type: string}
                city: {type: string}
              """)),
          Map.entry(
              "descriptor",
              List.of(
                  """
              "@type": xdm:descriptorIdentity
              xdm:sourceSchema: https://ns.adobe.com/t/schemas/1
              xdm:sourceVersion: 1
              xdm:sourceProperty: /_t/loyaltyId
              xdm:namespace: Loyalty
              xdm:property: xdm:code
              xdm:isPrimary: true
              """,
                  """
              "@type": xdm:descriptorOneToOne
              xdm:sourceSchema: https://ns.adobe.com/t/schemas/1
              xdm:sourceProperty: /_t/storeId
              xdm:destinationSchema: https://ns.adobe.com/t/schemas/2
              xdm:destinationVersion: 1
              xdm:destinationProperty: /_t/id
              """)),
          Map.entry(
              "fieldGroup",
              List.of(
                  """
              title: Loyalty
              description: loyalty fields
              type: object
              meta:intendedToExtend: [https://ns.adobe.com/xdm/context/profile]
              definitions:
                loyalty:
                  properties:
                    _tenant: {type: object, properties: {points: {type: integer}}}
              allOf:
                - $ref: "#/definitions/loyalty"
              """)),
          Map.entry(
              "schema",
              List.of(
                  """
              title: Demo
              type: object
              description: ""
              allOf:
                - $ref: https://ns.adobe.com/xdm/context/profile
              meta:class: https://ns.adobe.com/xdm/context/profile
              """)),
          Map.entry(
              "connection",
              List.of(
                  """
              name: S3
              description: the bucket
              auth:
                specName: Access Key
                params: {s3AccessKey: AKIA, s3SecretKey: secret}
              connectionSpec: {id: amazon-s3, version: "1.0"}
              """,
                  """
              name: Data lake
              connectionSpec: {id: data-lake, version: "1.0"}
              """)),
          Map.entry(
              "sourceConnection",
              List.of(
                  """
              name: Source
              description: files
              baseConnectionId: abc
              connectionSpec: {id: amazon-s3, version: "1.0"}
              data:
                format: parquet_xdm
                schema: {id: https://ns.adobe.com/t/schemas/1, version: v1}
              params: {path: bucket/folder}
              """)),
          Map.entry(
              "dataset",
              List.of(
                  """
              name: Leads
              description: leads
              schemaRef: {id: https://ns.adobe.com/t/schemas/1, contentType: v1}
              fileDescription: {format: parquet}
              tags: {team: [data]}
              """)),
          Map.entry(
              "targetConnection",
              List.of(
                  """
              name: Target
              description: lake
              baseConnectionId: abc
              connectionSpec: {id: data-lake, version: "1.0"}
              data:
                format: parquet_xdm
                schema: {id: https://ns.adobe.com/t/schemas/1, version: v1}
              params: {dataSetId: ds1}
              """)),
          Map.entry(
              "flow",
              List.of(
                  """
              name: Flow
              description: ingest
              flowSpec: {id: cloud-storage, version: "1.0"}
              sourceConnectionIds: [s1]
              targetConnectionIds: [t1]
              transformations: []
              scheduleParams: {frequency: minute, interval: 1000, startTime: 1700000000, backfill: true}
              state: enabled
              """,
                  """
              flowSpec: {id: cloud-storage}
              sourceConnectionIds: [s1]
              targetConnectionIds: [t1]
              scheduleParams: {frequency: once}
              """,
                  """
              flowSpec: {id: cloud-storage}
              sourceConnectionIds: [s1]
              targetConnectionIds: [t1]
              scheduleParams: {frequency: hour, interval: "1"}
              """,
                  """
              flowSpec: {id: cloud-storage}
              sourceConnectionIds: [s1]
              targetConnectionIds: [t1]
              transformations:
                - name: Mapping
                  params: {mappingId: m1, mappingVersion: "0"}
              scheduleParams: {frequency: once}
              """)),
          Map.entry(
              "mappingSet",
              List.of(
                  """
              name: CSV columns
              outputSchema:
                schemaRef:
                  id: https://ns.adobe.com/t/schemas/1
                  contentType: application/vnd.adobe.xed-full+json;version=1
              mappings:
                - sourceType: ATTRIBUTE
                  source: email
                  destination: personalEmail.address
                  name: email
                  description: the address
              """)),
          Map.entry(
              "mergePolicy",
              List.of(
                  """
              name: CSV first
              schema: {name: _xdm.context.profile}
              identityGraph: {type: pdg}
              attributeMerge: {type: dataSetPrecedence, order: [ds1]}
              default: false
              isActiveOnEdge: false
              """,
                  """
              name: Latest wins
              schema: {name: _xdm.context.profile}
              identityGraph: {type: none}
              attributeMerge: {type: timestampOrdered}
              """)));

  /** What each field is replaced by in turn, besides being removed. */
  private static final List<JsonNode> REPLACEMENTS =
      List.of(
          JSON.textNode("text"),
          JSON.numberNode(7),
          JSON.numberNode(1000),
          JSON.booleanNode(true),
          JSON.arrayNode().add("x"),
          JSON.objectNode().put("x", "y"));

  @Test
  void everyExampleManifestValidatesAndPointsAtTheSchema() throws IOException {
    List<Path> files = exampleManifests();
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      String first = Files.readAllLines(file).get(0);
      assertThat(first).as(file.toString()).startsWith("# yaml-language-server: $schema=");
      Path target = file.getParent().resolve(first.substring(first.indexOf('=') + 1).trim());
      assertThat(target.toRealPath())
          .as(file + " $schema")
          .isEqualTo(ManifestSchema.FILE.toRealPath());
      for (JsonNode doc : ManifestSchema.documents(file)) {
        assertThat(SCHEMA.errors(doc)).as(file + ": " + doc).isEmpty();
      }
    }
  }

  @Test
  void rejectsTheSchemaLevelCasesOfTheBadInputCorpus() throws IOException {
    Set<String> all = new TreeSet<>();
    try (Stream<Path> dirs = Files.list(BAD)) {
      dirs.filter(Files::isDirectory).forEach(d -> all.add(d.getFileName().toString()));
    }
    Set<String> classified = new TreeSet<>(SCHEMA_LEVEL);
    classified.addAll(BEYOND_SCHEMA);
    classified.addAll(NOT_DOCUMENTS);
    assertThat(all)
        .as("every case of %s is listed here as schema-level or not", BAD)
        .isEqualTo(classified);

    for (String name : SCHEMA_LEVEL) {
      List<String> errors = new ArrayList<>();
      for (Path file : ManifestLoader.manifestFiles(BAD.resolve(name))) {
        ManifestSchema.documents(file).forEach(doc -> errors.addAll(SCHEMA.errors(doc)));
      }
      assertThat(errors).as("schema errors for bad/%s", name).isNotEmpty();
    }
    for (String name : BEYOND_SCHEMA) {
      for (Path file : ManifestLoader.manifestFiles(BAD.resolve(name))) {
        for (JsonNode doc : ManifestSchema.documents(file)) {
          assertThat(SCHEMA.errors(doc)).as("bad/%s is well-shaped: %s", name, doc).isEmpty();
        }
      }
    }
  }

  @Test
  void theFileIsGeneratedFromTheKindsDeclarations() throws IOException {
    String generated = EditorSchema.text(Kinds.all(Clock.systemUTC()));
    if (Boolean.getBoolean("aepform.golden.update")) {
      Files.writeString(ManifestSchema.FILE, generated);
    }
    assertThat(Files.readString(ManifestSchema.FILE))
        .as("%s (regenerate with -Daepform.golden.update=true)", ManifestSchema.FILE)
        .isEqualTo(generated);
    assertThat(SAMPLES.keySet()).isEqualTo(Kinds.all(Clock.systemUTC()).keySet());
  }

  @Test
  void requiredFieldsAgreeWithTheDeclarations() {
    for (var entry : SAMPLES.entrySet()) {
      Kind kind = Kinds.all(Clock.systemUTC()).get(entry.getKey());
      for (String yaml : entry.getValue()) {
        ObjectNode spec = (ObjectNode) ManifestSchema.documents(yaml).get(0);
        assertThat(handlerProblems(kind, spec)).as("%s sample %s", kind.kind(), spec).isEmpty();
        assertThat(schemaErrors(kind, spec)).as("%s sample %s", kind.kind(), spec).isEmpty();
        for (String pointer : pointers(spec, "")) {
          JsonNode without = removed(spec, pointer);
          boolean handlerRefuses = !handlerProblems(kind, without).isEmpty();
          boolean schemaRefuses = !schemaErrors(kind, without).isEmpty();
          assertThat(schemaRefuses)
              .as(
                  "%s without %s: handler says %s, schema says %s",
                  kind.kind(), pointer, handlerProblems(kind, without), schemaErrors(kind, without))
              .isEqualTo(handlerRefuses);
        }
      }
    }
  }

  @Test
  void declaredTypesAgreeWithTheHandlers() {
    List<String> disagreements = new ArrayList<>();
    for (var entry : SAMPLES.entrySet()) {
      Kind kind = Kinds.all(Clock.systemUTC()).get(entry.getKey());
      for (String yaml : entry.getValue()) {
        ObjectNode spec = (ObjectNode) ManifestSchema.documents(yaml).get(0);
        for (String pointer : pointers(spec, "")) {
          for (JsonNode value : REPLACEMENTS) {
            JsonNode changed = replaced(spec, pointer, value);
            List<String> handler = handlerProblems(kind, changed);
            List<String> schema = schemaErrors(kind, changed);
            if (handler.isEmpty() != schema.isEmpty()) {
              disagreements.add(
                  kind.kind()
                      + " "
                      + pointer
                      + " = "
                      + value
                      + ": handler "
                      + handler
                      + ", schema "
                      + schema);
            }
          }
        }
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void aWholeStringExpressionStandsForAnyTypedField() {
    String flow =
        """
        kind: flow
        name: f
        spec:
          flowSpec: ${var.flow_spec}
          sourceConnectionIds: ${var.sources}
          targetConnectionIds: [t1]
          transformations: ${var.mappings}
          scheduleParams:
            frequency: ${var.frequency}
            interval: ${var.every}
            startTime: ${var.start}
            backfill: ${var.backfill}
          state: ${var.state}
        """;
    assertThat(SCHEMA.errors(ManifestSchema.documents(flow).get(0))).isEmpty();
    String notWhole =
        """
        kind: flow
        name: f
        spec:
          flowSpec: {id: cloud-storage}
          sourceConnectionIds: [s1]
          targetConnectionIds: [t1]
          scheduleParams: {frequency: minute, interval: 1000, backfill: "${var.a} ${var.b}"}
        """;
    assertThat(SCHEMA.errors(ManifestSchema.documents(notWhole).get(0))).isNotEmpty();
  }

  /** Whole documents judged by the schema and by {@link Engine#validate}: both must agree. */
  @Test
  void documentShapeAgreesWithTheEngine(@TempDir Path tmp) throws IOException {
    String dataset = "kind: dataset\nname: leads\nspec: {schemaRef: {id: x, contentType: y}}\n";
    String schema =
        "kind: schema\nname: demo\nspec: {allOf: [{$ref: \"https://ns.adobe.com/xdm/context/profile\"}]}\n";
    Map<String, Boolean> cases = new LinkedHashMap<>();
    cases.put(dataset, true);
    cases.put(schema + "---\n" + dataset.replace("spec:", "dependsOn: [schema.demo]\nspec:"), true);
    cases.put(
        dataset.replace(
            "spec:", "lifecycle: {preventDestroy: true, ignoreChanges: [/tags]}\nspec:"),
        true);
    cases.put(
        "kind: variable\nname: v\ndefault: {a: [1]}\ndescription: d\nsensitive: true\n", true);
    cases.put("kind: output\nname: o\nvalue: 1\ndescription: d\nsensitive: false\n", true);
    cases.put(
        "kind: variable\nname: v\ndefault: 1\n---\n" + dataset.replace("x,", "\"${var.v}\","),
        true);
    cases.put(dataset.replace("kind: dataset\n", ""), false);
    cases.put(dataset.replace("name: leads\n", ""), false);
    cases.put(dataset.replace("name: leads", "name: 1leads"), false);
    cases.put(dataset.replace("name: leads", "name: \"\""), false);
    cases.put(dataset.replace("name: leads", "name: 12"), false);
    cases.put(dataset.replace("kind: dataset", "kind: Dataset"), false);
    cases.put(dataset + "depends_on: [schema.demo]\n", false);
    cases.put(dataset.replace("spec: {schemaRef: {id: x, contentType: y}}", "spec: [x]"), false);
    cases.put(dataset.replace("spec: {schemaRef: {id: x, contentType: y}}", "spec: x"), false);
    cases.put(dataset.replace("spec: {schemaRef: {id: x, contentType: y}}", ""), false);
    cases.put(dataset + "lifecycle: [preventDestroy]\n", false);
    cases.put(dataset + "lifecycle: {prevent_destroy: true}\n", false);
    cases.put(dataset + "lifecycle: {preventDestroy: \"true\"}\n", false);
    cases.put(dataset + "lifecycle: {ignoreChanges: /tags}\n", false);
    cases.put(dataset + "lifecycle: {ignoreChanges: [tags]}\n", false);
    cases.put(schema + "---\n" + dataset + "dependsOn: schema.demo\n", false);
    cases.put(schema + "---\n" + dataset + "dependsOn: [demo]\n", false);
    cases.put("kind: variable\nname: v\nspec: {}\n", false);
    cases.put("kind: variable\nname: v\nsensitive: \"true\"\n", false);
    cases.put("kind: variable\nname: v\ndescription: 7\n", false);
    cases.put("kind: output\nname: o\n", false);
    cases.put("kind: output\nname: o\nvalue: 1\ndefault: 2\n", false);

    Engine engine = new Engine(Map.of());
    int n = 0;
    for (var c : cases.entrySet()) {
      Path dir = Files.createDirectories(tmp.resolve("case" + n++));
      Files.writeString(dir.resolve("main.yaml"), c.getKey());
      ValidationResult result =
          engine.validate(new ConfigRequest(dir, "default", VariableValues.Inputs.none()));
      List<String> schemaErrors = new ArrayList<>();
      ManifestSchema.documents(c.getKey()).forEach(d -> schemaErrors.addAll(SCHEMA.errors(d)));
      assertThat(result.valid())
          .as("engine on\n%s%s", c.getKey(), result.problems())
          .isEqualTo(c.getValue());
      assertThat(schemaErrors.isEmpty())
          .as("schema on\n%s%s", c.getKey(), schemaErrors)
          .isEqualTo(c.getValue());
    }
  }

  private static List<Path> exampleManifests() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(EXAMPLES)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        if (!dir.getFileName().toString().equals("ci")) {
          files.addAll(ManifestLoader.manifestFiles(dir));
        }
      }
    }
    return files;
  }

  /** What the kind's declared fields refuse (rules beyond one field stay with validate). */
  private static List<String> handlerProblems(Kind kind, JsonNode spec) {
    var prepared = kind.prepare("sample", Values.fromJson(spec));
    List<String> out = new ArrayList<>();
    kind.fields().unknown(prepared).forEach(p -> out.add(p.pointer() + ": " + p.message()));
    kind.fields().check(kind.normalize(prepared)).stream()
        .map(p -> p.pointer() + ": " + p.message())
        .forEach(out::add);
    return out;
  }

  private static List<String> schemaErrors(Kind kind, JsonNode spec) {
    ObjectNode doc = JSON.objectNode().put("kind", kind.kind()).put("name", "sample");
    doc.set("spec", spec);
    return SCHEMA.errors(doc);
  }

  /** Every pointer below {@code at}, parents before children. */
  private static List<String> pointers(JsonNode node, String at) {
    List<String> out = new ArrayList<>();
    if (node.isObject()) {
      node.fieldNames()
          .forEachRemaining(
              k -> {
                String child = at + "/" + k.replace("~", "~0").replace("/", "~1");
                out.add(child);
                out.addAll(pointers(node.get(k), child));
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        out.add(at + "/" + i);
        out.addAll(pointers(node.get(i), at + "/" + i));
      }
    }
    return out;
  }

  private static JsonNode removed(JsonNode spec, String pointer) {
    return edit(spec, pointer, null);
  }

  private static JsonNode replaced(JsonNode spec, String pointer, JsonNode value) {
    return edit(spec, pointer, value);
  }

  private static JsonNode edit(JsonNode spec, String pointer, JsonNode value) {
    JsonNode copy = spec.deepCopy();
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = copy.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    if (parent instanceof ObjectNode o) {
      if (value == null) {
        o.remove(last);
      } else {
        o.set(last, value);
      }
    } else if (parent instanceof ArrayNode a) {
      if (value == null) {
        a.remove(Integer.parseInt(last));
      } else {
        a.set(Integer.parseInt(last), value);
      }
    }
    return copy;
  }
}
