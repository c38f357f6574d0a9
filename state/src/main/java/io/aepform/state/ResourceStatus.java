package io.aepform.state;

import java.util.Arrays;
import java.util.Optional;

/** Where a resource stands in its lifecycle, as recorded in state. */
public enum ResourceStatus {
  /** The remote object exists and matches the recorded spec as far as aepform knows. */
  CREATED("created"),
  /**
   * A create call was about to be sent; the remote object may or may not exist. The next run
   * resolves it by looking the object up by its exact name.
   */
  PENDING_CREATE("pending-create"),
  /** The remote object exists but a later step failed; the next apply replaces it. */
  TAINTED("tainted");

  private final String json;

  ResourceStatus(String json) {
    this.json = json;
  }

  /** The spelling used in the state file. */
  public String json() {
    return json;
  }

  /** The status spelled {@code json} in a state file, if any. */
  public static Optional<ResourceStatus> fromJson(String json) {
    return Arrays.stream(values()).filter(s -> s.json.equals(json)).findFirst();
  }
}
