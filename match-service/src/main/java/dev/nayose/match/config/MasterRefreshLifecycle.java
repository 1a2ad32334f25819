package dev.nayose.match.config;

import dev.nayose.match.app.CurrentMaster;
import dev.nayose.match.app.WorkerHeartbeat;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Loads the master in the background at start-up and checks for a newer published version every
 * {@code masterRefreshInterval}, on one thread of its own; beats the worker's heartbeat on a second
 * thread (a load of a large master takes longer than a beat) and right after each refresh, and
 * removes the worker's row when it stops.
 *
 * <p>Its phase lies between the web server's and the SQS listeners': health answers while the
 * master loads, and {@link #start()} returns only after the first load ended (or {@code
 * startupWait} passed), so no chunk is taken off the queue just to wait for an index.
 */
class MasterRefreshLifecycle implements SmartLifecycle {
  /** Before the SQS listener containers (phase Integer.MAX_VALUE), after the web server. */
  static final int PHASE = Integer.MAX_VALUE - 100;
  private static final Logger log = LoggerFactory.getLogger(MasterRefreshLifecycle.class);

  private final CurrentMaster master;
  private final Duration interval;
  private final Duration startupWait;
  private final WorkerHeartbeat heartbeat;
  private volatile ScheduledExecutorService scheduler;

  MasterRefreshLifecycle(CurrentMaster master, Duration interval, Duration startupWait, WorkerHeartbeat heartbeat) {
    this.master = master;
    this.interval = interval;
    this.startupWait = startupWait;
    this.heartbeat = heartbeat;
  }

  @Override
  public void start() {
    scheduler = Executors.newScheduledThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "master-refresh");
      thread.setDaemon(true);
      return thread;
    });
    heartbeat.beat();
    scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    scheduler.scheduleAtFixedRate(heartbeat::beat, heartbeat.every().toMillis(), heartbeat.every().toMillis(),
        TimeUnit.MILLISECONDS);
    try {
      if (!master.awaitFirstRefresh(startupWait)) {
        log.warn("the company master is not loaded after {}; listening anyway", startupWait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void refresh() {
    try {
      master.refresh();
    } catch (RuntimeException e) {
      // keep the schedule alive: the next check retries, the old index (if any) keeps matching
      log.error("company master refresh failed: {}", e.toString());
    } catch (OutOfMemoryError e) {
      log.error("company master refresh ran out of memory; the old index is kept: {}", e.toString());
    }
    heartbeat.beat();
  }

  @Override
  public void stop() {
    ScheduledExecutorService running = scheduler;
    if (running != null) {
      running.shutdownNow();
      scheduler = null;
      heartbeat.leave();
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
