package io.aepform.state;

/**
 * A held state lock. Closing it releases the lock (idempotent); a lock that was meanwhile
 * force-unlocked and taken by someone else is left alone.
 */
public interface StateLock extends AutoCloseable {
  /** Who holds it: this process. */
  LockInfo info();

  /** Releases the lock. */
  @Override
  void close();
}
