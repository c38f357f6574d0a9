package io.aepform.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretDigestsTest {
  private static final String SALT = TestStates.SALT;
  private static final String OTHER_SALT = "b3RoZXJzYWx0b3RoZXJzYQ==";
  // computed once: each digest costs 100,000 iterations on purpose
  private static final String DIGEST = SecretDigests.digest("s3cret", SALT);

  @Test
  void sameSecretAndSaltGiveTheSameDigest() {
    String digest = DIGEST;

    assertThat(SecretDigests.digest("s3cret", SALT)).isEqualTo(digest);
    assertThat(digest).startsWith("pbkdf2-sha256:100000:").doesNotContain("s3cret");
    assertThat(SecretDigests.isDigest(digest)).isTrue();
  }

  @Test
  void anotherSaltOrSecretGivesAnotherDigest() {
    String digest = DIGEST;

    assertThat(SecretDigests.digest("s3cret", OTHER_SALT)).isNotEqualTo(digest);
    assertThat(SecretDigests.digest("s3cret!", SALT)).isNotEqualTo(digest);
  }

  @Test
  void matchesOnlyTheSecretItWasMadeFrom() {
    String digest = DIGEST;

    assertThat(SecretDigests.matches("s3cret", digest, SALT)).isTrue();
    assertThat(SecretDigests.matches("s3cret2", digest, SALT)).isFalse();
    assertThat(SecretDigests.matches("s3cret", digest, OTHER_SALT)).isFalse();
  }

  @Test
  void verifiesTheRfc7914TestVectorWithItsIterationCount() {
    // RFC 7914 section 11: PBKDF2-HMAC-SHA256(P="passwd", S="salt", c=1), first 32 bytes. Pins the
    // algorithm (a refactor must not silently change every digest in every state) and shows that
    // digests made with another iteration count still verify.
    String salt = "c2FsdA==";
    String digest = "pbkdf2-sha256:1:VawEblbjCJ/sFpHCJUS2BflBhSFt3gRl5oudV8INrLw=";

    assertThat(SecretDigests.matches("passwd", digest, salt)).isTrue();
    assertThat(SecretDigests.matches("passwd!", digest, salt)).isFalse();
  }

  @Test
  void digestsTheEmptySecret() {
    String digest = SecretDigests.digest("", SALT);

    assertThat(SecretDigests.matches("", digest, SALT)).isTrue();
    assertThat(SecretDigests.matches(" ", digest, SALT)).isFalse();
  }

  @Test
  void malformedDigestsMatchNothing() {
    assertThat(SecretDigests.matches("s3cret", "s3cret", SALT)).isFalse();
    assertThat(SecretDigests.matches("s3cret", "pbkdf2-sha256:abc", SALT)).isFalse();
    assertThat(SecretDigests.matches("s3cret", "pbkdf2-sha256:0:AAAA", SALT)).isFalse();
    assertThat(SecretDigests.isDigest("(sensitive)")).isFalse();
  }
}
