package io.aepform.emulator.runs;

/**
 * What a run picked up from the source.
 *
 * @param files input files
 * @param bytes their total size
 * @param records the records in them
 */
record Intake(long files, long bytes, long records) {
  /** Without a bucket folder: one file of 100 records, as in help/dataflows/api/monitor.md. */
  static final Intake FIXED = new Intake(1, 24012, 100);

  static final Intake NOTHING = new Intake(0, 0, 0);

  Intake plus(Intake o) {
    return new Intake(files + o.files, bytes + o.bytes, records + o.records);
  }
}
