package dev.nayose.match.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a match worker records which master version it serves ({@code match_worker} in
 * PostgreSQL), so that {@code import-master} can wait until every running worker serves the new
 * version and operators see who serves what.
 */
public interface WorkerRegistry {

  /** Records (or refreshes) the worker's row with a heartbeat of now. */
  void beat(Beat beat);

  /** Removes the worker's row: it stopped and is not to be waited for. */
  void leave(String workerId);

  /** What a worker reports on each heartbeat; {@code every} is the time to its next. */
  record Beat(String workerId, CurrentMaster.Status status, Instant startedAt, Duration every) {
    public Beat {
      Objects.requireNonNull(workerId, "workerId");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(startedAt, "startedAt");
      Objects.requireNonNull(every, "every");
    }
  }
}
