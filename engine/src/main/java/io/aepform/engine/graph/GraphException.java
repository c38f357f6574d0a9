package io.aepform.engine.graph;

import io.aepform.engine.manifest.Position;
import io.aepform.engine.manifest.Problem;
import io.aepform.error.AepformException;
import io.aepform.error.ErrorCode;

/**
 * The resources cannot be ordered: their references form a cycle. Carries the problem with the
 * position of the first edge, so validation lists it with the others.
 */
public final class GraphException extends AepformException {
  private static final long serialVersionUID = 1L;

  /** The cases of {@code graph.*}. */
  public enum Code {
    /** References (or dependsOn) form a cycle: the message names every edge. */
    CYCLE
  }

  private final transient Problem problem;

  public GraphException(Code code, Position position, String message) {
    super(ErrorCode.GRAPH, code, position + ": " + message, null);
    this.problem = Problem.error(position, message);
  }

  /** The problem as validation reports it: where, and what. */
  public Problem problem() {
    return problem;
  }
}
