package io.aepform.engine.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AddressTest {
  @Test
  void parsesKindDotName() {
    assertThat(Address.parse("dataset.leads")).contains(new Address("dataset", "leads"));
    assertThat(Address.parse("sourceConnection.s3_in_2"))
        .contains(new Address("sourceConnection", "s3_in_2"));
  }

  @Test
  void refusesWhatIsNotAnAddress() {
    for (String bad :
        List.of("leads", ".leads", "dataset.", "dataset.Leads", "dataset.1x", "a.b.c", "")) {
      assertThat(Address.parse(bad)).as(bad).isEmpty();
    }
  }

  @Test
  void comparesExactlyAsItsTextDoes() {
    List<Address> all =
        List.of(
            new Address("a", "b"),
            new Address("a", "b_c"),
            new Address("ab", "c"),
            new Address("a_b", "c"),
            new Address("a", "bc"),
            new Address("flow", "x"),
            new Address("flowx", "a"),
            new Address("flow", "x1"));
    for (Address x : all) {
      for (Address y : all) {
        assertThat(Integer.signum(x.compareTo(y)))
            .as(x + " vs " + y)
            .isEqualTo(Integer.signum(x.toString().compareTo(y.toString())));
      }
    }
  }

  @Test
  void printsAsWrittenAndSortsByThatText() {
    Address a = new Address("schema", "demo");
    assertThat(a).hasToString("schema.demo");
    TreeSet<Address> sorted =
        new TreeSet<>(
            List.of(
                new Address("schema", "b"),
                new Address("dataset", "z"),
                new Address("schema", "a"),
                new Address("flow", "a")));
    assertThat(sorted)
        .extracting(Address::toString)
        .containsExactly("dataset.z", "flow.a", "schema.a", "schema.b");
  }

  @Test
  void problemsPrintWithTheirPosition() {
    assertThat(Problem.error(new Position("a.yaml", 3, 7), "bad").toString())
        .isEqualTo("a.yaml:3:7: bad");
    assertThat(Problem.warning(Position.of("a.yaml"), "meh").toString()).isEqualTo("a.yaml: meh");
    assertThat(Problem.warning(Position.of("a.yaml"), "meh").isError()).isFalse();
  }

  @Test
  void aManifestExceptionSummarisesItsErrorsOnOneLine() {
    ManifestException e =
        new ManifestException(
            List.of(
                Problem.warning(new Position("a.yaml", 1, 1), "just a warning"),
                Problem.error(new Position("b.yaml", 2, 3), "first error"),
                Problem.error(new Position("c.yaml", 4, 5), "second error")));
    assertThat(e.getMessage())
        .isEqualTo("b.yaml:2:3: first error (and 1 more: aepform validate lists them all)");
    assertThat(e.problems()).hasSize(3);
  }
}
