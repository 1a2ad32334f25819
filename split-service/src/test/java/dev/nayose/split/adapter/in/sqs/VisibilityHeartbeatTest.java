package dev.nayose.split.adapter.in.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.awspring.cloud.sqs.listener.Visibility;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class VisibilityHeartbeatTest {
  /** The visibility of one message: records each change asked for. */
  private final List<Integer> changes = new CopyOnWriteArrayList<>();
  private final Visibility visibility = seconds -> {
    changes.add(seconds);
    return CompletableFuture.completedFuture(null);
  };

  @Test
  void theMessageIsKeptInvisibleUntilTheBeatIsClosed() {
    try (var heartbeat = new VisibilityHeartbeat(Duration.ofMillis(50), Duration.ofSeconds(30))) {
      var beat = heartbeat.keepInvisible(visibility);
      await().atMost(Duration.ofSeconds(5)).until(() -> changes.size() >= 3);
      beat.close();

      int afterClose = changes.size();
      await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> changes.size() <= afterClose + 1);
      assertThat(changes).containsOnly(30);
    }
  }

  @Test
  void aQuickMessageKeepsTheQueuesOwnTimeout() {
    try (var heartbeat = new VisibilityHeartbeat(Duration.ofSeconds(10), Duration.ofSeconds(60))) {
      heartbeat.keepInvisible(visibility).close();

      await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(changes::isEmpty);
    }
  }

  @Test
  void aFailedExtensionDoesNotStopTheNext() {
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    Visibility failing = seconds -> {
      attempts.add(seconds);
      return CompletableFuture.failedFuture(new IllegalStateException("SQS unavailable"));
    };
    try (var heartbeat = new VisibilityHeartbeat(Duration.ofMillis(50), Duration.ofSeconds(30));
        var beat = heartbeat.keepInvisible(failing)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> attempts.size() >= 3);
    }
  }

  @Test
  void theExtensionMustOutlastTheInterval() {
    assertThatThrownBy(() -> new VisibilityHeartbeat(Duration.ofSeconds(10), Duration.ofSeconds(10)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VisibilityHeartbeat(Duration.ZERO, Duration.ofSeconds(10)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
