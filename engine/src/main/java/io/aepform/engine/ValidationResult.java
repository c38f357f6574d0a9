package io.aepform.engine;

import io.aepform.engine.manifest.Problem;
import java.util.List;

/** The outcome of {@link Engine#validate}: every problem found, and how much was checked. */
public record ValidationResult(List<Problem> problems, int resources) {
  public ValidationResult {
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.stream().noneMatch(Problem::isError);
  }
}
