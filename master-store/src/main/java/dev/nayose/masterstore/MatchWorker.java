package dev.nayose.masterstore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A match worker as it last reported itself in {@code match_worker}: the master version it serves
 * (null while it has none), its state and its heartbeat. A worker is <em>running</em> while its
 * last heartbeat is younger than {@link #MISSED_BEATS} beats; one that stopped or died is not
 * waited for.
 *
 * @param state LOADING, READY, NO_MASTER or FAILED
 * @param masterVersion the version whose index it matches with, null when none
 * @param lastError why its last refresh failed, null when it worked
 */
public record MatchWorker(String workerId, String state, Long masterVersion, Instant loadedAt, String lastError,
    Instant heartbeatAt, Duration heartbeatEvery) {

  /** Heartbeats a worker may miss (a slow database, a long GC pause) before it is taken for gone. */
  public static final int MISSED_BEATS = 3;

  public MatchWorker {
    Objects.requireNonNull(workerId, "workerId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(heartbeatAt, "heartbeatAt");
    if (heartbeatEvery == null || heartbeatEvery.isNegative() || heartbeatEvery.isZero()) {
      throw new IllegalArgumentException("heartbeatEvery must be positive, was " + heartbeatEvery);
    }
  }

  /** Whether the worker beat recently enough at {@code now} to be waited for. */
  public boolean running(Instant now) {
    return heartbeatAt.plus(heartbeatEvery.multipliedBy(MISSED_BEATS)).isAfter(now);
  }

  /** Whether it matches with {@code version} or a later one (a later import may have followed). */
  public boolean serves(long version) {
    return masterVersion != null && masterVersion >= version;
  }

  /** What it serves, for a person: {@code version 3 (READY)}, {@code no version (LOADING)}. */
  public String describe() {
    return (masterVersion == null ? "no version" : "version " + masterVersion) + " (" + state + ")"
        + (lastError == null ? "" : ", last error: " + lastError);
  }

  /** The running workers of {@code workers} at {@code now} that do not serve {@code version} yet. */
  public static List<MatchWorker> behind(List<MatchWorker> workers, long version, Instant now) {
    return workers.stream().filter(w -> w.running(now) && !w.serves(version)).toList();
  }
}
