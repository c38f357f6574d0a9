package io.aepform.engine.manifest;

import io.aepform.error.AepformException;
import io.aepform.error.ErrorCode;
import java.util.List;

/**
 * The configuration is invalid. Carries every problem found, so validation can report them all; the
 * message is the first one, on one line, with its position.
 */
public final class ManifestException extends AepformException {
  private static final long serialVersionUID = 1L;

  /** The one case of {@code manifest.*}: the problems say what is wrong where. */
  public enum Code {
    /** The configuration does not parse, resolve or validate. */
    INVALID
  }

  private final transient List<Problem> problems;

  public ManifestException(List<Problem> problems) {
    super(ErrorCode.MANIFEST, Code.INVALID, summary(problems), null);
    this.problems = List.copyOf(problems);
  }

  public ManifestException(Position position, String message) {
    this(List.of(Problem.error(position, message)));
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    long errors = problems.stream().filter(Problem::isError).count();
    Problem first = problems.stream().filter(Problem::isError).findFirst().orElse(problems.get(0));
    return errors > 1
        ? first + " (and " + (errors - 1) + " more: aepform validate lists them all)"
        : first.toString();
  }
}
