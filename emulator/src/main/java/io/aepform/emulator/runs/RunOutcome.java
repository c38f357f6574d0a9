package io.aepform.emulator.runs;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.UUID;

/** How a completed run ended. */
enum RunOutcome {
  SUCCESS,
  /** Status success, but some records failed (help/dataflows/api/monitor.md's example). */
  PARTIAL_FAILURE,
  /** CONNECTOR-1001-500: the copy from the source failed (help/sources/notifications.md). */
  COPY_FAILURE,
  /** CONNECTOR-2001-500: processing the copied data failed (help/sources/notifications.md). */
  PROCESSING_FAILURE;

  boolean failed() {
    return this == COPY_FAILURE || this == PROCESSING_FAILURE;
  }

  /**
   * Draws a run's outcome from the seed and {@code key} alone, so that it does not depend on which
   * calls came before, or in which order runs were read.
   */
  static RunOutcome draw(long seed, String key, RunSettings settings) {
    UUID id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    long mix =
        seed * 0x9E3779B97F4A7C15L
            ^ id.getMostSignificantBits()
            ^ Long.rotateLeft(id.getLeastSignificantBits(), 29);
    SplittableRandom random = new SplittableRandom(mix);
    double u = random.nextDouble();
    boolean copy = random.nextBoolean();
    if (u < settings.failureRate()) {
      return copy ? COPY_FAILURE : PROCESSING_FAILURE;
    }
    if (u < settings.failureRate() + settings.partialFailureRate()) {
      return PARTIAL_FAILURE;
    }
    return SUCCESS;
  }
}
