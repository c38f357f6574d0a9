package io.aepform.state;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the PostgreSQL state backend lives. The password never comes from a file: the caller passes
 * it in, read from the environment variable {@value #PASSWORD_VARIABLE} ({@link
 * #withPasswordFrom}).
 *
 * @param url a JDBC URL, e.g. {@code jdbc:postgresql://db.example.com:5432/aepform}
 * @param schema the schema holding aepform's tables, created on first use; a plain lower-case SQL
 *     identifier such as {@code aepform}
 * @param user the database user
 * @param password the user's password, or {@code null} when the server needs none
 */
public record PostgresConfig(String url, String schema, String user, String password) {
  /** The environment variable the password is read from. */
  public static final String PASSWORD_VARIABLE = "AEPFORM_PG_PASSWORD";

  /** The schema used when the environment file names none. */
  public static final String DEFAULT_SCHEMA = "aepform";

  private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final Pattern URL_SECRET = Pattern.compile("(?i)(password=)[^&]*");

  public PostgresConfig {
    Checks.nonBlank(url, "url");
    Checks.check(url.startsWith("jdbc:postgresql:"), "not a PostgreSQL JDBC URL: " + redact(url));
    Checks.nonNull(schema, "schema");
    // The schema is written into SQL text (identifiers cannot be bound): only plain names pass.
    Checks.check(
        SCHEMA.matcher(schema).matches(),
        "schema must be a lower-case SQL identifier ([a-z_][a-z0-9_]*), not '" + schema + "'");
    Checks.nonBlank(user, "user");
  }

  /**
   * A configuration whose password is {@code environment.get(}{@value #PASSWORD_VARIABLE}{@code )},
   * or none when the variable is not set; pass {@code System.getenv()}.
   */
  public static PostgresConfig withPasswordFrom(
      String url, String schema, String user, Map<String, String> environment) {
    return new PostgresConfig(url, schema, user, environment.get(PASSWORD_VARIABLE));
  }

  /** The URL with any {@code password=} parameter blanked: safe for messages. */
  public String redactedUrl() {
    return redact(url);
  }

  /** Hides the password, including one written into the URL. */
  @Override
  public String toString() {
    return String.format(
        "PostgresConfig[url=%s, schema=%s, user=%s, password=%s]",
        redactedUrl(), schema, user, password == null ? "(none)" : "****");
  }

  private static String redact(String url) {
    return URL_SECRET.matcher(url).replaceAll("$1****");
  }
}
