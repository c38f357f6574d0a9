package io.aepform.engine.provider;

import static io.aepform.engine.provider.SpecTestSupport.at;
import static io.aepform.engine.provider.SpecTestSupport.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.aepform.engine.value.Value;
import io.aepform.engine.value.Values;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class SpecDefaultsTest {
  @Test
  void aWholeNumberVersionBecomesTheStringTheApiDeclares() {
    assertThat(version("1")).isEqualTo(Values.str("1.0"));
    assertThat(version("2")).isEqualTo(Values.str("2.0"));
    assertThat(version("1.0")).isEqualTo(Values.str("1.0"));
    assertThat(version("\"1.0\"")).isEqualTo(Values.str("1.0"));
    assertThat(version("\"2.1\"")).isEqualTo(Values.str("2.1"));
  }

  private static Value version(String yaml) {
    return at(
        SpecDefaults.version(
            spec("flowSpec:\n  id: cloud-storage\n  version: " + yaml + "\n"), "/flowSpec"),
        "/flowSpec/version");
  }

  @Test
  void aMissingOrMalformedBlockIsLeftForTheChecks() {
    Value none = spec("name: x\n");
    assertThat(SpecDefaults.version(none, "/connectionSpec")).isSameAs(none);
    Value text = spec("connectionSpec: amazon-s3\n");
    assertThat(SpecDefaults.version(text, "/connectionSpec")).isSameAs(text);
  }

  @Test
  void theVersionIsDefaultedByTheKindsDeclaration() {
    var kind = Kinds.all(Clock.systemUTC()).get("flow");
    Value out = kind.prepare("f", spec("flowSpec:\n  id: cloud-storage\n"));
    assertThat(at(out, "/flowSpec/version")).isEqualTo(Values.str("1.0"));
    assertThat(at(out, "/name")).isEqualTo(Values.str("f"));
  }
}
