package dev.nayose.match.adapter.out.jdbc;

import dev.nayose.match.app.CurrentMaster;
import dev.nayose.match.app.WorkerRegistry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link WorkerRegistry} on the {@code match_worker} table; the heartbeat time is the database's clock. */
public class MatchWorkerRepository implements WorkerRegistry {
  private final JdbcClient jdbc;

  public MatchWorkerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void beat(Beat beat) {
    CurrentMaster.Status status = beat.status();
    jdbc.sql("""
        insert into match_worker (worker_id, state, master_version, matcher_version, loaded_at, last_error,
                                  started_at, heartbeat_at, heartbeat_millis)
        values (:worker, :state, :version, :matcher, :loadedAt, :lastError, :startedAt, now(), :millis)
        on conflict (worker_id) do update set
          state = excluded.state, master_version = excluded.master_version,
          matcher_version = excluded.matcher_version, loaded_at = excluded.loaded_at,
          last_error = excluded.last_error, started_at = excluded.started_at, heartbeat_at = now(),
          heartbeat_millis = excluded.heartbeat_millis
        """)
        .param("worker", beat.workerId())
        .param("state", status.state().name())
        .param("version", status.masterVersion() < 0 ? null : status.masterVersion())
        .param("matcher", status.matcherVersion())
        .param("loadedAt", offset(status.loadedAt()))
        .param("lastError", status.lastError())
        .param("startedAt", offset(beat.startedAt()))
        .param("millis", Math.toIntExact(Math.max(1, beat.every().toMillis())))
        .update();
  }

  private static OffsetDateTime offset(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  @Override
  public void leave(String workerId) {
    jdbc.sql("delete from match_worker where worker_id = :worker").param("worker", workerId).update();
  }
}
