package io.aepform.engine.recovery;

import io.aepform.engine.manifest.Address;
import java.time.Instant;

/**
 * Told when plan or apply waits for an interrupted create to show up in the platform, so that the
 * command can say what it waits for: the engine never prints.
 */
@FunctionalInterface
public interface PendingListener {
  /**
   * The object {@code address} was being created as is not in the platform's lists yet: it is
   * looked for again until {@code until}, after which the create is taken as never made.
   */
  void lookingFor(Address address, Instant until);

  /** A listener that ignores everything. */
  static PendingListener none() {
    return (address, until) -> {};
  }
}
