package io.aepform.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresConfigTest {
  @Test
  void toStringHidesThePasswordAlsoInTheUrl() {
    PostgresConfig config =
        new PostgresConfig(
            "jdbc:postgresql://db/aepform?ssl=true&password=inurl", "aepform", "ci", "s3cret");

    assertThat(config.toString())
        .contains("user=ci", "schema=aepform", "password=****", "ssl=true")
        .doesNotContain("s3cret", "inurl");
  }

  @Test
  void thePasswordComesFromTheEnvironmentVariable() {
    PostgresConfig config =
        PostgresConfig.withPasswordFrom(
            "jdbc:postgresql://db/aepform", "aepform", "ci", Map.of("AEPFORM_PG_PASSWORD", "pw"));

    assertThat(config.password()).isEqualTo("pw");
    assertThat(
            PostgresConfig.withPasswordFrom("jdbc:postgresql://db/x", "a", "ci", Map.of())
                .password())
        .isNull();
  }

  @Test
  void refusesASchemaThatIsNotAPlainIdentifierAndANonPostgresUrl() {
    assertThatThrownBy(() -> new PostgresConfig("jdbc:postgresql://db/x", "a; DROP", "ci", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lower-case SQL identifier");
    assertThatThrownBy(() -> new PostgresConfig("jdbc:mysql://db/x?password=p", "a", "ci", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("=p");
  }
}
