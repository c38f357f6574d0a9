package io.aepform.engine.provider.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scrubs known secret values (tokens, client secrets, connection passwords) from any text before it
 * leaves the engine: every occurrence, also URL-encoded or JSON-escaped, becomes {@value #MASK}.
 * Thread-safe; register each secret as soon as it is known.
 */
public final class Redactor {
  /** What a secret is replaced with. */
  public static final String MASK = "(sensitive)";

  // shorter values would mask ordinary words and numbers, hiding more than they protect
  private static final int MIN_LENGTH = 4;

  private final Set<String> secrets = ConcurrentHashMap.newKeySet();

  /** Registers {@code secret}; values shorter than 4 characters are ignored. */
  public void register(String secret) {
    if (secret == null || secret.length() < MIN_LENGTH) {
      return;
    }
    secrets.add(secret);
    secrets.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
    secrets.add(new String(JsonStringEncoder.getInstance().quoteAsString(secret)));
  }

  /** Registers every value in {@code values}. */
  public void registerAll(Iterable<String> values) {
    values.forEach(this::register);
  }

  /** {@code text} with every registered secret replaced by {@value #MASK}. */
  public String scrub(String text) {
    if (secrets.isEmpty() || text.isEmpty()) {
      return text;
    }
    // longest first, so a secret containing another is masked whole
    List<String> ordered =
        secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    String out = text;
    for (String secret : ordered) {
      out = out.replace(secret, MASK);
    }
    return out;
  }
}
