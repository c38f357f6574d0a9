package io.aepform.engine.provider;

import static io.aepform.engine.provider.SpecTestSupport.prepared;
import static io.aepform.engine.provider.SpecTestSupport.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.value.Value;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON Patch documents aepform sends (issue 16 items 3 and 10). */
class JsonPatchesTest {
  /** flow-service.yaml PatchInstruction requires {@code value}, for a remove too: the old one. */
  @Test
  void aRemoveCarriesTheValueItRemoves() {
    Value before = spec("name: a\ndescription: old words\n");
    Value after = spec("name: b\n");

    assertThat(JsonPatches.of(before, after, List.of("/name", "/description")).toString())
        .isEqualTo(
            "[{\"op\":\"replace\",\"path\":\"/name\",\"value\":\"b\"},"
                + "{\"op\":\"remove\",\"path\":\"/description\",\"value\":\"old words\"}]");
  }

  @Test
  void anAddedFieldIsAnAdd() {
    assertThat(JsonPatches.of(spec("name: a\n"), spec("name: a\nx: 1\n"), List.of("/x")).toString())
        .isEqualTo("[{\"op\":\"add\",\"path\":\"/x\",\"value\":1}]");
  }

  /**
   * sources/tutorials/api/update.md documents only {@code replace /auth/params} with the whole
   * params: a changed secret sends them all, identifiers and secrets, in clear to the platform.
   */
  @Test
  void credentialsAreReplacedWhole() {
    String s3 =
        """
        name: S3
        auth:
          specName: Access Key
          params: {s3AccessKey: AKIAEXAMPLE, s3SecretKey: %s}
        connectionSpec: {id: amazon-s3}
        """;
    var kind = Kinds.all(Clock.systemUTC()).get(ConnectionKind.KIND);
    Value before = prepared(kind, "s3", s3.formatted("old-secret"));
    Value after = prepared(kind, "s3", s3.formatted("new-secret"));

    assertThat(ConnectionKind.patchedPaths(List.of("/auth/params/s3SecretKey")))
        .containsExactly("/auth/params");
    assertThat(JsonPatches.of(before, after, List.of("/auth/params")).toString())
        .isEqualTo(
            "[{\"op\":\"replace\",\"path\":\"/auth/params\",\"value\":"
                + "{\"s3AccessKey\":\"AKIAEXAMPLE\",\"s3SecretKey\":\"new-secret\"}}]");
  }
}
