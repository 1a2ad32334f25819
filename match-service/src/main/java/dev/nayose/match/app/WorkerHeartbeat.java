package dev.nayose.match.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's heartbeat: tells the {@link WorkerRegistry} the master version this worker serves,
 * every {@code every} and at once after each refresh (so that a switch to a new version is known
 * without waiting for the next beat). A failed beat is logged and the next one tries again.
 */
public class WorkerHeartbeat {
  private static final Logger log = LoggerFactory.getLogger(WorkerHeartbeat.class);

  private final String workerId;
  private final CurrentMaster master;
  private final WorkerRegistry registry;
  private final Duration every;
  private final Instant startedAt;

  public WorkerHeartbeat(String workerId, CurrentMaster master, WorkerRegistry registry, Duration every, Clock clock) {
    this.workerId = Objects.requireNonNull(workerId, "workerId");
    this.master = Objects.requireNonNull(master, "master");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.every = Objects.requireNonNull(every, "every");
    this.startedAt = clock.instant();
  }

  public Duration every() {
    return every;
  }

  /** Records the version served now. */
  public void beat() {
    try {
      registry.beat(new WorkerRegistry.Beat(workerId, master.status(), startedAt, every));
    } catch (RuntimeException e) {
      log.warn("match worker {}: heartbeat failed, retried in {}: {}", workerId, every, e.toString());
    }
  }

  /** The worker stops: nobody is to wait for it. */
  public void leave() {
    try {
      registry.leave(workerId);
    } catch (RuntimeException e) {
      log.warn("match worker {}: could not remove its heartbeat row (it ages out): {}", workerId, e.toString());
    }
  }
}
