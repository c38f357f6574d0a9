package io.aepform.engine.provider.http;

/** The HTTP methods the AEP APIs use. */
public enum HttpMethod {
  GET,
  POST,
  PUT,
  PATCH,
  DELETE;

  /**
   * True when repeating the request after an unseen outcome cannot create a second object. A POST
   * creates; everything else addresses an existing object (a repeated DELETE may then see 404, a
   * repeated If-Match PATCH may see 412: callers treat those accordingly).
   */
  boolean safeToRepeat() {
    return this != POST;
  }
}
