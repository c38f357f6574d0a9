package io.aepform.emulator;

import java.util.Objects;

/**
 * One API client the emulator's IMS accepts. As in Adobe, the API key ({@code x-api-key}) equals
 * the client id.
 */
public record ClientCredentials(String clientId, String clientSecret, String orgId) {
  public ClientCredentials {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(orgId, "orgId");
    if (clientId.isBlank() || clientSecret.isBlank() || orgId.isBlank()) {
      throw new IllegalArgumentException("client id, secret and org must not be blank");
    }
  }

  /** Never shows the secret, so a client can be printed or logged safely. */
  @Override
  public String toString() {
    return "ClientCredentials[clientId=" + clientId + ", orgId=" + orgId + "]";
  }
}
