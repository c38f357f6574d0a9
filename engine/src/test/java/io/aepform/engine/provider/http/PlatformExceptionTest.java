package io.aepform.engine.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.error.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformExceptionTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0, platform.no_answer",
    "400, platform.http_error",
    "401, platform.unauthorized",
    "403, platform.unauthorized",
    "404, platform.not_found",
    "412, platform.http_error",
    "429, platform.throttled",
    "500, platform.http_error"
  })
  void anAnswersStatusGivesTheCodeAScriptActsOn(int status, String code) {
    ApiException e = new ApiException("m", status, "", "", false);
    assertThat(e.domain()).isEqualTo(ErrorCode.PLATFORM);
    assertThat(e.code()).isEqualTo(code);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"UNEXPECTED_ANSWER, platform.unexpected_answer", "NOT_FOUND, platform.not_found"})
  void anAnswerThatIsNotAnErrorStatusNamesItsCase(PlatformException.Code code, String id) {
    assertThat(new PlatformException(code, "m").code()).isEqualTo(id);
  }
}
