package io.aepform.engine.provider;

import static io.aepform.engine.provider.SpecTestSupport.at;
import static io.aepform.engine.provider.SpecTestSupport.prepared;
import static io.aepform.engine.provider.SpecTestSupport.problems;
import static io.aepform.engine.provider.SpecTestSupport.spec;
import static io.aepform.engine.provider.SpecTestSupport.unknown;
import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.kind.Kind;
import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionKindTest {
  private final Kind kind = Kinds.all(Clock.systemUTC()).get("connection");

  private static final String S3 =
      """
      connectionSpec:
        id: amazon-s3
      auth:
        specName: Access Key
        params:
          s3AccessKey: AKIAEXAMPLE
          s3SecretKey: wJalrXUtnFEMI
          folderPath: partners-demo
      """;

  private static final String SFTP =
      """
      connectionSpec:
        id: sftp
        version: 1
      auth:
        specName: Basic Authentication for SFTP
        params:
          host: sftp.example.com
          port: 22
          userName: demo
          password: hunter2
      """;

  @Test
  void describesTheKind() {
    assertThat(kind).isInstanceOf(ConnectionKind.class);
    assertThat(kind.kind()).isEqualTo("connection");
    assertThat(kind.nameField()).isEqualTo("name");
    assertThat(kind.attributes()).containsExactlyInAnyOrder("id", "name");
  }

  @Test
  void theAliasIsExpandedTheVersionDefaultedAndTheNameFilled() {
    Value spec = prepared(kind, "s3", S3);
    assertThat(at(spec, "/connectionSpec/id"))
        .isEqualTo(Values.str("ecadc60c-7455-4d87-84dc-2a0e293d997b"));
    assertThat(at(spec, "/connectionSpec/version")).isEqualTo(Values.str("1.0"));
    assertThat(at(spec, "/name")).isEqualTo(Values.str("s3"));
    assertThat(problems(kind, spec)).isEmpty();
  }

  @Test
  void aNumberVersionIsSentAsTheDeclaredString() {
    assertThat(at(prepared(kind, "sftp", SFTP), "/connectionSpec/version"))
        .isEqualTo(Values.str("1.0"));
  }

  @Test
  void authParamsAreSecretExceptTheDocumentedIdentifiers() {
    Value params = at(prepared(kind, "s3", S3), "/auth/params");
    assertThat(params)
        .isEqualTo(
            new Value.Obj(
                Map.of(
                    "s3AccessKey", Values.str("AKIAEXAMPLE"),
                    "s3SecretKey", new Value.Sensitive(Values.str("wJalrXUtnFEMI")),
                    "folderPath", Values.str("partners-demo"))));
  }

  @Test
  void sftpHostPortAndUserAreShownAndThePasswordIsNot() {
    Value params = at(prepared(kind, "sftp", SFTP), "/auth/params");
    assertThat(at(params, "/host")).isEqualTo(Values.str("sftp.example.com"));
    assertThat(at(params, "/port")).isEqualTo(Value.Num.of(22));
    assertThat(at(params, "/userName")).isEqualTo(Values.str("demo"));
    assertThat(at(params, "/password")).isEqualTo(new Value.Sensitive(Values.str("hunter2")));
  }

  @Test
  void everyParamOfAnUnknownConnectionSpecIsSecret() {
    Value params =
        at(
            prepared(
                kind,
                "other",
                "connectionSpec:\n  id: 11111111-2222-3333-4444-555555555555\n"
                    + "auth:\n  specName: Basic\n  params:\n    host: h\n    password: p\n"),
            "/auth/params");
    assertThat(at(params, "/host")).isEqualTo(new Value.Sensitive(Values.str("h")));
    assertThat(at(params, "/password")).isEqualTo(new Value.Sensitive(Values.str("p")));
  }

  @Test
  void aSecretThatIsAlreadySensitiveIsMarkedOnce() {
    Value spec =
        Values.with(
            kind.prepare("s3", spec(S3)),
            "/auth/params/s3SecretKey",
            new Value.Sensitive(Values.str("from-a-variable")));
    assertThat(at(kind.normalize(spec), "/auth/params/s3SecretKey"))
        .isEqualTo(new Value.Sensitive(Values.str("from-a-variable")));
  }

  @Test
  void normalisingTwiceGivesTheSameSpec() {
    Value once = prepared(kind, "s3", S3);
    assertThat(kind.normalize(once)).isEqualTo(once);
  }

  @Test
  void aCloudStorageConnectionNeedsAuthSpecNameAndParams() {
    assertThat(problems(kind, prepared(kind, "s3", "connectionSpec:\n  id: amazon-s3\n")))
        .containsExactly(
            "/auth: missing required field spec.auth.specName (e.g. \"Access Key\" for amazon-s3)",
            "/auth: missing required field spec.auth.params");
  }

  @Test
  void theConnectionSpecIsRequired() {
    assertThat(problems(kind, prepared(kind, "c", "auth:\n  specName: x\n  params: {}\n")))
        .containsExactly("/connectionSpec: missing required field spec.connectionSpec");
  }

  @Test
  void theDatasetBaseConnectionTakesNoAuth() {
    Value lake = prepared(kind, "lake", "connectionSpec:\n  id: data-lake\n");
    assertThat(at(lake, "/connectionSpec/id"))
        .isEqualTo(Values.str("c604ff05-7f1a-43c0-8e18-33bf874cb11c"));
    assertThat(problems(kind, lake)).isEmpty();

    Value withAuth =
        prepared(kind, "lake", "connectionSpec:\n  id: data-lake\nauth:\n  specName: x\n");
    assertThat(problems(kind, withAuth))
        .containsExactly("/auth: the dataset base connection (data-lake) takes no auth");
  }

  @Test
  void anUnknownConnectionSpecSkipsTheAuthChecks() {
    Value spec =
        kind.normalize(
            Values.with(
                kind.prepare("c", spec("connectionSpec:\n  version: '1.0'\n")),
                "/connectionSpec/id",
                unknown("connection", "other", "id")));
    assertThat(problems(kind, spec)).isEmpty();
  }

  @Test
  void authOfTheWrongShapeIsReported() {
    assertThat(
            problems(
                kind,
                prepared(
                    kind,
                    "s3",
                    "connectionSpec:\n  id: amazon-s3\nauth:\n  specName: 1\n  params: [a]\n")))
        .contains("/auth/params: spec.auth.params must be a mapping");
  }

  @Test
  void aSensitiveAuthBlockKeepsItsFields() {
    Value spec =
        Values.with(
            kind.prepare("s3", spec("connectionSpec:\n  id: amazon-s3\n")),
            "/auth",
            new Value.Sensitive(spec("specName: Access Key\nparams:\n  s3SecretKey: k\n")));
    Value out = kind.normalize(spec);
    assertThat(problems(kind, out)).isEmpty();
    assertThat(Values.toJsonRedacted(out).toString()).doesNotContain("\"k\"");
  }
}
