package dev.nayose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void portsAreDistinctBindableAndOutsideTheEphemeralRange() throws Exception {
    var ports = new LocalPipeline.FreePorts();
    Set<Integer> picked = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      picked.add(ports.next());
    }

    assertThat(picked).hasSize(200).allSatisfy(p -> assertThat(p).isBetween(20_000, 32_767));
    for (int port : picked) {
      try (ServerSocket socket = new ServerSocket(port)) {
        assertThat(socket.getLocalPort()).isEqualTo(port);
      }
    }
  }

  @Test
  void aPortInUseIsNeverPicked() throws Exception {
    var ports = new LocalPipeline.FreePorts();
    try (ServerSocket held = new ServerSocket(ports.next())) {
      var fresh = new LocalPipeline.FreePorts();
      for (int i = 0; i < 2_000; i++) {
        assertThat(fresh.next()).isNotEqualTo(held.getLocalPort());
      }
    }
  }
}
