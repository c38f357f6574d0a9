package io.aepform.engine.apply;

/**
 * How many calls may run at once. The walker asks it around every call, so the limit (adaptive,
 * backing off on 429s: {@link AdaptiveLimiter}) is kept out of the walk.
 */
public interface Limiter {
  void acquire() throws InterruptedException;

  void release();
}
