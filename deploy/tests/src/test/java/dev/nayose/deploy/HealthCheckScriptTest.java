package dev.nayose.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy/docker/healthcheck.sh (the image's HEALTHCHECK) against an HTTP server answering like the actuator. */
class HealthCheckScriptTest {
  static HttpServer actuator;

  @BeforeAll
  static void start() throws IOException {
    actuator = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    actuator.createContext("/actuator/health/liveness", exchange -> answer(exchange, 200, "{\"status\":\"UP\"}"));
    actuator.createContext("/actuator/health/readiness", exchange -> answer(exchange, 503, "{\"status\":\"OUT_OF_SERVICE\"}"));
    actuator.start();
  }

  @AfterAll
  static void stop() {
    actuator.stop(0);
  }

  @Test
  void healthyWhenTheLivenessGroupIsUp() throws Exception {
    assertThat(run(Map.of("SERVER_PORT", port()))).isZero();
  }

  @Test
  void unhealthyWhenTheCheckedGroupIsNotUp() throws Exception {
    assertThat(run(Map.of("SERVER_PORT", port(), "HEALTHCHECK_PATH", "/actuator/health/readiness"))).isEqualTo(1);
  }

  @Test
  void unhealthyWhenNothingListens() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    assertThat(run(Map.of("SERVER_PORT", String.valueOf(closed)))).isEqualTo(1);
  }

  private static String port() {
    return String.valueOf(actuator.getAddress().getPort());
  }

  private static int run(Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", Repository.HEALTHCHECK.toString()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process process = pb.start();
    process.getInputStream().readAllBytes();
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/vnd.spring-boot.actuator.v3+json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
