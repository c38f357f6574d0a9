package io.aepform.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueTextTest {
  @Test
  void identifiersAreBareAndEverythingElseQuoted() {
    for (String bare : new String[] {"a", "_x", "fileType", "x-y", "A9_b-c"}) {
      assertThat(ValueText.key(bare)).as(bare).isEqualTo(bare);
    }
    for (String quoted : new String[] {"", "9a", "-a", "a.b", "a b", "é", "$ref", "a/b"}) {
      assertThat(ValueText.key(quoted)).as(quoted).startsWith("\"").endsWith("\"");
    }
  }
}
