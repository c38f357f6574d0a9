package io.aepform.state;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Digests of secret values, the only form in which secrets reach a state file: PBKDF2-HMAC-SHA256
 * salted with the state's random {@link State#secretsSalt()}, so a changed secret still shows as a
 * change while the file reveals nothing usable.
 *
 * <p>A digest reads {@code pbkdf2-sha256:<iterations>:<base64 of 32 bytes>}. The iteration count is
 * part of the digest so that a later aepform can raise {@link #ITERATIONS} and still verify the
 * digests already in state with {@link #matches}.
 */
public final class SecretDigests {
  /**
   * 100,000 rather than OWASP's 600,000 for PBKDF2-HMAC-SHA256: a plan digests every secret of
   * every connection, and at ~40 ms per digest a few dozen secrets already cost seconds. The salt
   * is random per state, so each guess costs this much for one state only.
   */
  public static final int ITERATIONS = 100_000;

  /** The prefix of every digest. */
  public static final String PREFIX = "pbkdf2-sha256:";

  private static final int KEY_BITS = 256;
  private static final int MAX_ITERATIONS = 10_000_000;
  private static final Pattern FORM =
      Pattern.compile("pbkdf2-sha256:([1-9][0-9]{0,7}):([A-Za-z0-9+/]{43}=)");

  private SecretDigests() {}

  /**
   * The digest of {@code secret} salted with {@code salt}.
   *
   * @param salt a state's {@link State#secretsSalt()} (base64)
   */
  public static String digest(String secret, String salt) {
    byte[] hash = pbkdf2(secret, salt, ITERATIONS);
    return PREFIX + ITERATIONS + ":" + Base64.getEncoder().encodeToString(hash);
  }

  /**
   * Whether {@code secret} is the value {@code digest} was made from, with {@code salt}. Compares
   * in constant time. A malformed digest matches nothing, so the secret shows as changed and the
   * next apply records a good digest.
   */
  public static boolean matches(String secret, String digest, String salt) {
    Matcher form = FORM.matcher(digest);
    if (!form.matches()) {
      return false;
    }
    int iterations = Integer.parseInt(form.group(1));
    if (iterations > MAX_ITERATIONS) {
      return false; // a hand-edited count must not stall the run
    }
    byte[] expected = Base64.getDecoder().decode(form.group(2));
    return MessageDigest.isEqual(expected, pbkdf2(secret, salt, iterations));
  }

  /** Whether {@code value} has the form of a digest. */
  public static boolean isDigest(String value) {
    return FORM.matcher(value).matches();
  }

  private static byte[] pbkdf2(String secret, String salt, int iterations) {
    byte[] saltBytes = Base64.getDecoder().decode(salt);
    PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), saltBytes, iterations, KEY_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      // Every Java 17 runtime ships this algorithm; its absence is a broken installation.
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
    } finally {
      spec.clearPassword();
    }
  }
}
