package io.aepform.engine.apply;

import java.util.concurrent.Semaphore;

/**
 * How many calls may run at once. The walker asks it around every call, so an adaptive limit
 * (backing off on 429s) can replace the fixed one without touching the walk.
 */
public interface Limiter {
  void acquire() throws InterruptedException;

  void release();

  /** At most {@code n} calls at once. */
  static Limiter fixed(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, not " + n);
    }
    Semaphore permits = new Semaphore(n, true);
    return new Limiter() {
      @Override
      public void acquire() throws InterruptedException {
        permits.acquire();
      }

      @Override
      public void release() {
        permits.release();
      }
    };
  }
}
