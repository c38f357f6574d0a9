package io.aepform.engine.provider.http;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends a request until it gets a final answer, under a {@link RetryPolicy}. Retried: 429 (any
 * method: the platform did not process it), 500/502/503/504 and I/O failures for repeatable
 * requests, and for the others only failures before sending. A non-repeatable request (a create)
 * that meets a 5xx or a failure after sending ends at once with {@code outcomeUnknown}.
 */
final class RetryingExecutor {
  private final HttpTransport transport;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Random random;
  private final Clock clock;
  private final Tracer tracer;
  private final TrafficRecorder recorder;
  private final ApiErrors errors;

  RetryingExecutor(
      HttpTransport transport,
      RetryPolicy policy,
      Sleeper sleeper,
      Random random,
      Clock clock,
      Tracer tracer,
      TrafficRecorder recorder) {
    this.transport = transport;
    this.policy = policy;
    this.sleeper = sleeper;
    this.random = random;
    this.clock = clock;
    this.tracer = tracer;
    this.recorder = recorder;
    this.errors = new ApiErrors(tracer.redactor());
  }

  ApiErrors errors() {
    return errors;
  }

  /**
   * Sends {@code requests.get()} (built afresh per attempt, so a renewed token is used) and returns
   * the first answer that is not retried; tells {@code onThrottle} about each 429.
   */
  WireResponse execute(Supplier<WireRequest> requests, Consumer<Optional<Duration>> onThrottle) {
    return execute(requests, onThrottle, (wait, sleeper) -> sleeper.sleep(wait));
  }

  /** How a caller waits before a retry, e.g. giving its call slot to others meanwhile. */
  interface RetryWait {
    void await(Duration wait, Sleeper sleeper) throws InterruptedException;
  }

  /** As {@link #execute(Supplier, Consumer)}, waiting before each retry through {@code pause}. */
  WireResponse execute(
      Supplier<WireRequest> requests, Consumer<Optional<Duration>> onThrottle, RetryWait pause) {
    Duration waited = Duration.ZERO;
    for (int attempt = 1; ; attempt++) {
      WireRequest request = requests.get();
      Optional<WireResponse> response = Optional.empty();
      Optional<IOException> failure = Optional.empty();
      long start = System.nanoTime();
      tracer.request(request, attempt, policy.maxAttempts());
      try {
        response = Optional.of(transport.execute(request));
        tracer.response(request, response.get(), since(start), attempt);
        recorder.exchange(request, response.get());
      } catch (IOException e) {
        failure = Optional.of(e);
        tracer.failure(request, e, since(start), attempt);
        recorder.failure(request, e);
      }
      Optional<Duration> retryAfter =
          response.isPresent()
              ? judge(request, response.get(), onThrottle)
              : judge(request, failure.orElseThrow());
      if (response.isPresent() && !isRetryable(response.get().status())) {
        return response.get();
      }
      Optional<Duration> wait = policy.nextWait(attempt, waited, retryAfter, random);
      if (wait.isEmpty()) {
        boolean attemptsLeft = attempt < policy.maxAttempts();
        Optional<Duration> refused = retryAfter.filter(d -> attemptsLeft);
        throw errors.exhausted(request, response, failure, attempt, waited, refused);
      }
      tracer.waiting(wait.get(), attempt + 1, why(response, failure, retryAfter));
      sleep(wait.get(), request, pause);
      waited = waited.plus(wait.get());
    }
  }

  /** Throws when a retryable status must not be retried; returns the Retry-After to honour. */
  private Optional<Duration> judge(
      WireRequest request, WireResponse response, Consumer<Optional<Duration>> onThrottle) {
    int status = response.status();
    if (!isRetryable(status)) {
      return Optional.empty();
    }
    Optional<Duration> retryAfter = RetryAfter.parse(response.header("retry-after"), clock);
    if (status == 429) {
      onThrottle.accept(retryAfter);
    } else if (!request.repeatable()) {
      throw errors.unknownAfterStatus(request, response);
    }
    return retryAfter;
  }

  private Optional<Duration> judge(WireRequest request, IOException e) {
    if (!IoFailures.beforeSend(e) && !request.repeatable()) {
      throw errors.unknownAfterIo(request, e);
    }
    if (!IoFailures.retryable(e)) {
      throw errors.unreachable(request, e);
    }
    return Optional.empty();
  }

  static boolean isRetryable(int status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  private void sleep(Duration wait, WireRequest request, RetryWait pause) {
    try {
      pause.await(wait, sleeper);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(
          "Interrupted while waiting to retry " + request.label(), 0, "", "", false, e);
    }
  }

  private static String why(
      Optional<WireResponse> response, Optional<IOException> failure, Optional<Duration> after) {
    String cause =
        response
            .map(r -> String.valueOf(r.status()))
            .orElseGet(() -> failure.map(IoFailures::describe).orElse(""));
    return after.isPresent() ? cause + ", Retry-After" : cause + ", backoff";
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
