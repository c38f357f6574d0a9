package io.aepform.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** aepform's version, as the build stamped it. */
public final class Version {
  private Version() {}

  /** E.g. {@code 0.1.0-SNAPSHOT}; {@code dev} when run from classes the build did not stamp. */
  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      String v = p.getProperty("version", "dev");
      return v.startsWith("${") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
  }
}
