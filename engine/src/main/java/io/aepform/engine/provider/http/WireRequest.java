package io.aepform.engine.provider.http;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One attempt's request as it goes on the wire. {@code service} names the other side in messages
 * ("AEP", "Adobe IMS"); {@code label} is {@code METHOD /path} without host or query; {@code
 * repeatable} says whether an attempt whose outcome was not seen may be sent again.
 */
record WireRequest(
    String service,
    HttpMethod method,
    URI uri,
    Map<String, String> headers,
    byte[] body,
    String contentType,
    boolean repeatable) {

  WireRequest {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    body = body.clone();
    Objects.requireNonNull(contentType, "contentType");
  }

  /** {@code POST /data/foundation/flowservice/flows}: how messages name the call. */
  String label() {
    return method + " " + uri.getRawPath();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
