package io.aepform.emulator.http;

import io.aepform.emulator.gateway.Caller;

/**
 * One AEP service behind the gateway, e.g. Flow Service under {@code /data/foundation/flowservice}.
 */
public interface Service {
  /** The path prefix this service answers, without a trailing slash. */
  String prefix();

  /** Answers a call that passed the gateway; runs while holding the store's lock. */
  ApiResponse handle(ApiRequest request, Caller caller);
}
