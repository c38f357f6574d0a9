package io.aepform.engine.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PointersTest {
  @Test
  void theEmptyPointerIsTheRoot() {
    assertThat(Pointers.tokens("")).isEmpty();
  }

  @Test
  void tokensAreSplitOnSlashes() {
    assertThat(Pointers.tokens("/scheduleParams/interval"))
        .containsExactly("scheduleParams", "interval");
    assertThat(Pointers.tokens("/allOf/0/$ref")).containsExactly("allOf", "0", "$ref");
  }

  @Test
  void emptyTokensAreKept() {
    assertThat(Pointers.tokens("/")).containsExactly("");
    assertThat(Pointers.tokens("/a//b")).containsExactly("a", "", "b");
    assertThat(Pointers.tokens("/a/")).containsExactly("a", "");
  }

  @Test
  void escapesAreUndoneInTheOrderRfc6901Requires() {
    assertThat(Pointers.tokens("/a~1b")).containsExactly("a/b");
    assertThat(Pointers.tokens("/m~0n")).containsExactly("m~n");
    // "~01" is "~1" literally, not "/": ~1 must be replaced before ~0.
    assertThat(Pointers.tokens("/~01")).containsExactly("~1");
  }

  @Test
  void aPointerMustStartWithASlash() {
    assertThatThrownBy(() -> Pointers.tokens("description"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("starts with '/'");
  }

  @Test
  void childEscapesSlashAndTilde() {
    assertThat(Pointers.child("", "name")).isEqualTo("/name");
    assertThat(Pointers.child("/meta", "a/b~c")).isEqualTo("/meta/a~1b~0c");
    assertThat(Pointers.child("/allOf", 2)).isEqualTo("/allOf/2");
  }

  @Test
  void childThenTokensRoundTrips() {
    String pointer = Pointers.child(Pointers.child("", "x~/y"), "~1");
    assertThat(Pointers.tokens(pointer)).containsExactly("x~/y", "~1");
  }

  @Test
  void anIndexIsDigitsWithinTheListSize() {
    assertThat(Pointers.isIndex("0", 1)).isTrue();
    assertThat(Pointers.isIndex("2", 3)).isTrue();
    assertThat(Pointers.isIndex("3", 3)).isFalse();
    assertThat(Pointers.isIndex("-1", 3)).isFalse();
    assertThat(Pointers.isIndex("", 3)).isFalse();
    assertThat(Pointers.isIndex("a", 3)).isFalse();
    assertThat(Pointers.isIndex("9999999999", Integer.MAX_VALUE)).isFalse();
  }
}
