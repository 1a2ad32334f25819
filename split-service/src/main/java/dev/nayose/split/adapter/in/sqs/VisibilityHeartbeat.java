package dev.nayose.split.adapter.in.sqs;

import io.awspring.cloud.sqs.listener.Visibility;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a message invisible while it is being handled. Splitting a gigabyte takes minutes, longer
 * than a queue's visibility timeout; without this, SQS would hand the same upload to a second
 * worker, which would split it again in parallel and use up a receive of its retries.
 *
 * <p>The first extension comes after {@code interval}, so that a message handled quickly keeps
 * the queue's own visibility timeout: a quick transient failure is retried after that timeout,
 * not after {@code extension}. {@code interval} must be shorter than the queue's visibility
 * timeout, {@code extension} longer than {@code interval}.
 */
public final class VisibilityHeartbeat implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(VisibilityHeartbeat.class);

  private final ScheduledExecutorService scheduler;
  private final Duration interval;
  private final int extensionSeconds;

  public VisibilityHeartbeat(Duration interval, Duration extension) {
    if (interval.isNegative() || interval.isZero() || extension.compareTo(interval) <= 0) {
      throw new IllegalArgumentException("need 0 < interval < extension, got " + interval + ", " + extension);
    }
    this.interval = interval;
    this.extensionSeconds = Math.toIntExact(Math.min(extension.toSeconds(), Visibility.MAX_VISIBILITY_TIMEOUT_SECONDS));
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "split-visibility-heartbeat");
      t.setDaemon(true);
      return t;
    });
  }

  /** Extends the message's visibility every {@code interval} until the returned beat is closed. */
  public Beat keepInvisible(Visibility visibility) {
    ScheduledFuture<?> task = scheduler.scheduleAtFixedRate(() -> visibility.changeToAsync(extensionSeconds)
            .exceptionally(e -> {
              // the next beat tries again; if none succeeds the message is redelivered, which is safe
              log.warn("could not extend the visibility of a message: {}", e.toString());
              return null;
            }),
        interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return () -> task.cancel(false);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  /** A running heartbeat; closing it stops the extensions (it leaves the current one in place). */
  @FunctionalInterface
  public interface Beat extends AutoCloseable {
    @Override
    void close();
  }
}
