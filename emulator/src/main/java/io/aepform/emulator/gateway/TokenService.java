package io.aepform.emulator.gateway;

import io.aepform.emulator.ClientCredentials;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks access tokens. Tokens are signed with the client's secret (HMAC-SHA256) rather
 * than kept in a table, so a token stays valid across emulator restarts, as an IMS token outlives a
 * client's process.
 */
public final class TokenService {
  /** Seconds a token lives, as IMS answers ({@code expires_in}). */
  public static final long EXPIRES_IN = 86399;

  private static final String PREFIX = "emu1.";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final Map<String, ClientCredentials> clients;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public TokenService(List<ClientCredentials> clients, Clock clock) {
    this.clients =
        clients.stream()
            .collect(
                Collectors.toUnmodifiableMap(ClientCredentials::clientId, Function.identity()));
    this.clock = clock;
  }

  public Optional<ClientCredentials> client(String clientId) {
    return Optional.ofNullable(clients.get(clientId));
  }

  /** Checks a secret in constant time, so the emulator cannot be used to time-guess secrets. */
  public Optional<ClientCredentials> authenticate(String clientId, String secret) {
    return client(clientId)
        .filter(
            c ->
                MessageDigest.isEqual(
                    c.clientSecret().getBytes(StandardCharsets.UTF_8),
                    secret.getBytes(StandardCharsets.UTF_8)));
  }

  public String issue(ClientCredentials client) {
    long expires = clock.instant().getEpochSecond() + EXPIRES_IN;
    byte[] nonce = new byte[8];
    random.nextBytes(nonce);
    String payload =
        B64.encodeToString(client.clientId().getBytes(StandardCharsets.UTF_8))
            + "."
            + expires
            + "."
            + HexFormat.of().formatHex(nonce);
    return PREFIX + payload + "." + sign(client, payload);
  }

  /** The client a valid, unexpired token was issued to. */
  public Optional<ClientCredentials> verify(String token) {
    if (!token.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] parts = token.substring(PREFIX.length()).split("\\.");
    if (parts.length != 4) {
      return Optional.empty();
    }
    try {
      String clientId = new String(B64D.decode(parts[0]), StandardCharsets.UTF_8);
      long expires = Long.parseLong(parts[1]);
      String payload = parts[0] + "." + parts[1] + "." + parts[2];
      return client(clientId)
          .filter(c -> expires > clock.instant().getEpochSecond())
          .filter(
              c ->
                  MessageDigest.isEqual(
                      sign(c, payload).getBytes(StandardCharsets.UTF_8),
                      parts[3].getBytes(StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String sign(ClientCredentials client, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(client.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
