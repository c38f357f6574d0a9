package io.aepform.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.state.StateException;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ErrorCodesTest {
  @Test
  void eachDomainWritesItsCodesUnderItsOwnName() {
    assertCode(
        new UsageException(UsageException.Code.MISSING_CREDENTIALS, "m"),
        ErrorCode.USAGE,
        "usage.missing_credentials");
    assertCode(
        new CancelledException(CancelledException.Code.DECLINED, "m"),
        ErrorCode.CANCELLED,
        "cancelled.declined");
    assertCode(
        new SafetyException(SafetyException.Code.DATA_LOSS, "m"),
        ErrorCode.SAFETY,
        "safety.data_loss");
    assertCode(new InternalException("m"), ErrorCode.INTERNAL, "internal.bug");
    assertCode(
        new StateException(StateException.Code.LOCKED, "m"), ErrorCode.STATE, "state.locked");
    assertCode(
        new StateException(StateException.Code.UNSUPPORTED_VERSION, "m"),
        ErrorCode.STATE,
        "state.unsupported_version");
  }

  @Test
  void theMessageIsKeptAsWritten() {
    AepformException e =
        new StateException(StateException.Code.CORRUPT, "state.json: not valid JSON", null);
    assertThat(e.getMessage()).isEqualTo("state.json: not valid JSON");
  }

  @Test
  void everyDomainExitsWithOneAsTheContractSays() {
    assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::exitCode)).containsOnly(1);
  }

  @Test
  void onlyADomainsSubclassCanBeThrown() {
    // a failure without a domain and a code cannot be written: the root cannot be instantiated
    assertThat(Modifier.isAbstract(AepformException.class.getModifiers())).isTrue();
    assertThat(AepformException.class.getConstructors()).isEmpty();
  }

  private static void assertCode(AepformException e, ErrorCode domain, String code) {
    assertThat(e.domain()).isEqualTo(domain);
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.domain().exitCode()).isEqualTo(1);
  }
}
