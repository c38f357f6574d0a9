package io.aepform.engine.provider.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;

/** Sorts I/O failures by whether the request could have reached the server. */
final class IoFailures {
  private IoFailures() {}

  /**
   * True when the failure happened before any byte of the request was sent (refused, no route,
   * connect timeout, unknown host, TLS handshake), so the request certainly had no effect.
   */
  static boolean beforeSend(IOException e) {
    return e instanceof ConnectTimeoutException
        || e instanceof ConnectException
        || e instanceof NoRouteToHostException
        || e instanceof UnknownHostException
        || isTlsRefusal(e);
  }

  /**
   * False for failures that another attempt would meet again: a name that does not resolve, a
   * certificate that does not verify.
   */
  static boolean retryable(IOException e) {
    return !(e instanceof UnknownHostException || isTlsRefusal(e));
  }

  private static boolean isTlsRefusal(IOException e) {
    return e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException;
  }

  /** A short description: the exception's message, or its type when it has none. */
  static String describe(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
