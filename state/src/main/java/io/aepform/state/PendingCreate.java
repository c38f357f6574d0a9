package io.aepform.state;

import java.time.Instant;

/**
 * The record written before a create call is sent, so that an interrupted run can tell whether the
 * object was created: the next run looks it up by {@code remoteName} and adopts a single match
 * created after {@code startedAt}.
 *
 * @param remoteName the exact name (title for schemas) the object is created with
 * @param startedAt when the create call was about to be sent
 * @param runId the id of the run that sent it (the lock id of that run)
 */
public record PendingCreate(String remoteName, Instant startedAt, String runId) {
  public PendingCreate {
    Checks.nonBlank(remoteName, "remoteName");
    Checks.nonNull(startedAt, "startedAt");
    Checks.nonBlank(runId, "runId");
  }
}
