package io.aepform.engine.manifest;

import java.util.Objects;

/** A place in a manifest file: 1-based line and column, as editors show them. */
public record Position(String file, int line, int column) {
  public Position {
    Objects.requireNonNull(file, "file");
  }

  /** A position for problems that concern a whole file or no file at all. */
  public static Position of(String file) {
    return new Position(file, 0, 0);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }
}
