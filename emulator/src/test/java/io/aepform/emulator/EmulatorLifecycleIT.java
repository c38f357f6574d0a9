package io.aepform.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Ports: ephemeral by default, a fixed one on request, released on close. */
class EmulatorLifecycleIT {
  @Test
  void ephemeralPortAndLoopbackBaseUrl() {
    try (Emulator e = Emulator.start(EmulatorOptions.localDefaults())) {
      assertThat(e.port()).isPositive();
      assertThat(e.baseUrl()).isEqualTo("http://127.0.0.1:" + e.port());
    }
  }

  @Test
  void aFixedPortIsUsedAndFreedOnClose() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    EmulatorOptions options = EmulatorOptions.builder().port(port).build();
    try (Emulator e = Emulator.start(options)) {
      assertThat(e.port()).isEqualTo(port);
      assertThatThrownBy(() -> Emulator.start(options))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(String.valueOf(port));
    }
    try (Emulator again = Emulator.start(options)) {
      assertThat(TestClient.local(again).get("/data/foundation/flowservice/flows").status())
          .isEqualTo(200);
    }
  }
}
