package io.aepform.engine.provider.http;

import io.aepform.error.UsageException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Where aepform may send credentials: https anywhere, plain http only to this machine. */
public final class Endpoints {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private Endpoints() {}

  /** Parses {@code text} as a URL for {@code what} (e.g. an environment variable's name). */
  static URI parse(String text, String what) {
    try {
      return requireSecure(new URI(text.strip()), what);
    } catch (URISyntaxException e) {
      throw new UsageException(
          UsageException.Code.INVALID_ENVIRONMENT,
          what + " is not a valid URL: '" + text + "' (" + e.getReason() + ")");
    }
  }

  /**
   * Returns {@code uri} when it is https, or http to a loopback host; refuses anything else because
   * the bearer token would otherwise travel in clear text.
   */
  public static URI requireSecure(URI uri, String what) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new UsageException(
          UsageException.Code.INVALID_ENVIRONMENT,
          what + " must be an absolute https:// URL with a host, got '" + uri + "'");
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      throw new UsageException(
          UsageException.Code.INVALID_ENVIRONMENT,
          "Refusing plain http:// for "
              + what
              + " ("
              + uri
              + "): credentials would travel unencrypted. Use https://; plain http is allowed"
              + " only for loopback hosts (localhost, 127.0.0.1, ::1).");
    }
    return uri;
  }

  /** True for localhost and literal loopback addresses; never resolves a name through DNS. */
  static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.equals("localhost.")) {
      return true;
    }
    if (!IPV4.matcher(h).matches() && !h.contains(":")) {
      return false;
    }
    try {
      // a literal address is parsed, not looked up
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Joins the base URL's path with a request path such as {@code /data/foundation/x}. */
  static String join(URI base, String path) {
    String b = base.toString();
    while (b.endsWith("/")) {
      b = b.substring(0, b.length() - 1);
    }
    return b + path;
  }
}
