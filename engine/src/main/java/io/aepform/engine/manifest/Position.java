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

  // Written out rather than generated: records' generated equals/hashCode go through method
  // handles, which is slow until the JIT has compiled them, and graphs of 10,000 resources hash
  // these a lot before it has.
  @Override
  public boolean equals(Object o) {
    return o instanceof Position p && line == p.line && column == p.column && file.equals(p.file);
  }

  @Override
  public int hashCode() {
    return (31 * file.hashCode() + line) * 31 + column;
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column : file;
  }
}
