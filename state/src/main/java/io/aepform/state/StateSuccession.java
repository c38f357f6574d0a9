package io.aepform.state;

import java.nio.file.Path;

/** Whether a state may replace the stored one: same deployment, and nothing written meanwhile. */
final class StateSuccession {
  private StateSuccession() {}

  /**
   * @throws StateException when {@code next} belongs to another lineage, sandbox or organization,
   *     or its serial does not exceed the stored one (someone else wrote in between)
   */
  static void check(Path file, State stored, State next) {
    check(file.toString(), stored, next);
  }

  /** As {@link #check(Path, State, State)}, for a state that is not a file. */
  static void check(String file, State stored, State next) {
    if (!stored.lineage().equals(next.lineage())) {
      throw refuse(
          StateException.Code.MISMATCH,
          file,
          String.format(
              "it holds lineage %s, this run's state has lineage %s: the file was replaced by"
                  + " another state",
              stored.lineage(), next.lineage()));
    }
    if (!stored.sandbox().equals(next.sandbox()) || !stored.imsOrg().equals(next.imsOrg())) {
      throw refuse(
          StateException.Code.MISMATCH,
          file,
          String.format(
              "it belongs to sandbox '%s' of organization '%s', this run's state to sandbox '%s' of"
                  + " organization '%s'",
              stored.sandbox(), stored.imsOrg(), next.sandbox(), next.imsOrg()));
    }
    if (next.serial() <= stored.serial()) {
      throw refuse(
          StateException.Code.STALE,
          file,
          String.format(
              "it has serial %d, this run's state serial %d: it was written by someone else since"
                  + " this run read it",
              stored.serial(), next.serial()));
    }
  }

  private static StateException refuse(StateException.Code code, String file, String why) {
    return new StateException(
        code,
        "Refusing to overwrite the state "
            + file
            + ": "
            + why
            + ". Nothing was written; run the command again to start from the stored state.");
  }
}
