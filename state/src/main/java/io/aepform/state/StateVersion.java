package io.aepform.state;

import java.time.Instant;

/**
 * One written version of an environment's state, as kept by a backend with history ({@link
 * StateHistory}).
 *
 * @param environment the environment
 * @param serial the state's serial
 * @param lineage the state's lineage
 * @param written when it was written (the database's clock)
 * @param writtenBy who wrote it: {@code owner@host} of the lock that guarded the write
 * @param lockId the id of that lock: one per run, so it tells the runs apart
 * @param current whether this is the environment's current state
 */
public record StateVersion(
    String environment,
    long serial,
    String lineage,
    Instant written,
    String writtenBy,
    String lockId,
    boolean current) {

  public StateVersion {
    Checks.nonBlank(environment, "environment");
    Checks.nonBlank(lineage, "lineage");
    Checks.nonNull(written, "written");
    Checks.nonBlank(writtenBy, "writtenBy");
    Checks.nonBlank(lockId, "lockId");
  }
}
